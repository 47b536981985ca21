package dev.thetaflow.core.rules;

import dev.thetaflow.core.decision.Decision;
import dev.thetaflow.core.decision.DecisionAction;
import dev.thetaflow.core.decision.Measurement;
import dev.thetaflow.core.decision.RuleId;
import dev.thetaflow.core.decision.Urgency;
import dev.thetaflow.core.strategy.StrategyState;
import java.util.ArrayList;
import java.util.List;

/**
 * Trails the best profit once it is worth keeping. The base is the max profit when bounded, else
 * the entry credit or debit. The trail is active once the best profit ({@link RuleInput#peakPnl()})
 * has reached {@code activation} × base; it is breached when the profit falls to the best profit
 * less {@code distance} × base, the distance scaled by {@link VolatilityScaling} for the strategy's
 * implied volatility. Closes, {@link Urgency#HIGH}.
 *
 * <p>This rule only detects a breach at one moment. Whipsaw protection (the breach must hold for N
 * consecutive marks over at least T seconds, and a recovery above the trail cancels it) is a CEP
 * pattern on the strategy's snapshots outside this class; a decision of this rule is a candidate
 * for that pattern, not an order.
 *
 * <p>Needs usable marks. Progress while active is the drop from the best profit over the drop
 * allowed (1 = breached); NaN while inactive.
 *
 * <p>Configuration keys: {@code activation} (a share of the base, e.g. 0.5), {@code distance} (a
 * share of the base, e.g. 0.2). The volatility scaling is configured on its own (see {@link
 * VolatilityScaling}) and passed to {@link #from(RuleParams, VolatilityScaling)}.
 */
public final class TrailingStopRule implements Rule {

  private static final String NAME = "trailing stop";

  /**
   * @param activation the best profit, as a share of the base, that activates the trail, in (0, 10]
   * @param distance how far below the best profit the trail sits, as a share of the base, before
   *     volatility scaling, in (0, 10]
   * @param scaling how the distance follows implied volatility
   */
  public record Thresholds(double activation, double distance, VolatilityScaling scaling) {
    public Thresholds {
      ExitText.requireAboveAtMost(NAME, "activation", activation, 0, 10);
      ExitText.requireAboveAtMost(NAME, "distance", distance, 0, 10);
      if (scaling == null) {
        throw new IllegalArgumentException(
            NAME + " threshold scaling is required (VolatilityScaling.NONE for none)");
      }
    }
  }

  private final Thresholds t;

  public TrailingStopRule(Thresholds t) {
    if (t == null) {
      throw new IllegalArgumentException(NAME + ": thresholds are required");
    }
    this.t = t;
  }

  /** Reads {@code activation} and {@code distance}; distances are not volatility-scaled. */
  public static TrailingStopRule from(RuleParams p) {
    return from(p, VolatilityScaling.NONE);
  }

  /** Reads {@code activation} and {@code distance}; unknown keys are an error. */
  public static TrailingStopRule from(RuleParams p, VolatilityScaling scaling) {
    double activation = p.decimal("activation", 0, 10);
    double distance = p.decimal("distance", 0, 10);
    p.finish();
    return new TrailingStopRule(
        ExitText.configured(p, () -> new Thresholds(activation, distance, scaling)));
  }

  public Thresholds thresholds() {
    return t;
  }

  @Override
  public RuleId id() {
    return RuleId.TRAILING_STOP;
  }

  @Override
  public Evaluation evaluate(RuleInput in) {
    if (in.state() != StrategyState.OPEN) {
      return Evaluation.notApplicable(RuleId.TRAILING_STOP);
    }
    boolean bounded = in.maxProfit() > 0 && Double.isFinite(in.maxProfit());
    double base = bounded ? in.maxProfit() : Math.abs(in.entryCredit());
    if (!(base > 0) || Double.isInfinite(base)) {
      return Evaluation.notApplicable(RuleId.TRAILING_STOP);
    }
    if (!in.marksUsable()) {
      return Evaluation.waiting(RuleId.TRAILING_STOP, "a held leg's quote is stale or too wide");
    }
    if (Double.isNaN(in.pnl())) {
      return Evaluation.waiting(RuleId.TRAILING_STOP, "no P&L at the current marks");
    }
    double peak = in.peakPnl();
    double activationLevel = t.activation() * base;
    if (!ExitText.reaches(peak, activationLevel)) { // also while the peak is unknown (NaN)
      return Evaluation.quiet(RuleId.TRAILING_STOP, Double.NaN);
    }
    double allowed = t.distance() * base * t.scaling().factor(in.iv());
    double drop = peak - in.pnl();
    double progress = ExitText.progress(drop, allowed);
    if (!ExitText.reaches(drop, allowed)) {
      return Evaluation.quiet(RuleId.TRAILING_STOP, progress);
    }
    String baseName = bounded ? "max profit" : in.isCredit() ? "credit" : "debit";
    String reason =
        "trailing stop breached: profit fell from "
            + DecimalText.money(peak)
            + " to "
            + DecimalText.money(in.pnl())
            + ", a drop of "
            + DecimalText.money(drop)
            + " with "
            + DecimalText.money(allowed)
            + " allowed (trail "
            + DecimalText.percent(t.distance())
            + " of the "
            + DecimalText.money(base)
            + " "
            + baseName
            + DecimalText.scaling(t.scaling(), in.iv())
            + "; active since the profit reached "
            + DecimalText.percent(t.activation())
            + ", "
            + DecimalText.money(activationLevel)
            + ")";
    List<Measurement> evidence = new ArrayList<>(3);
    evidence.add(new Measurement("drop from the best profit", drop, allowed, "$"));
    evidence.add(
        new Measurement(
            "best profit as a share of the " + baseName,
            peak / base * 100,
            t.activation() * 100,
            "%"));
    if (t.scaling().factor(in.iv()) != 1) {
      evidence.add(
          new Measurement(
              "implied volatility against the baseline",
              in.iv() * 100,
              t.scaling().baselineVol() * 100,
              "%"));
    }
    return Evaluation.fired(
        progress,
        Decision.of(
            in.strategyId(),
            DecisionAction.CLOSE,
            Urgency.HIGH,
            RuleId.TRAILING_STOP,
            reason,
            evidence,
            in.now()));
  }
}
