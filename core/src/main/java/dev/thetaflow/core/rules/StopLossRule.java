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
 * Closes ({@link Urgency#HIGH}) a losing strategy: a credit strategy once the loss reaches {@code
 * multipleOfCredit} × the credit, a debit strategy once it reaches {@code shareOfDebit} × the
 * debit; either distance is scaled by {@link VolatilityScaling} for the strategy's implied
 * volatility. Needs usable marks. Progress is loss over the allowed loss.
 *
 * <p>This rule only detects a breach at one moment; the confirmation over time that keeps a spike
 * from stopping the strategy out (like the trailing stop's, shorter) is a CEP pattern outside this
 * class.
 *
 * <p>Configuration keys: {@code multipleOfCredit} (e.g. 2 = a loss of twice the credit), {@code
 * shareOfDebit} (a fraction, e.g. 0.5). The volatility scaling is configured on its own (see {@link
 * VolatilityScaling}) and passed to {@link #from(RuleParams, VolatilityScaling)}.
 */
public final class StopLossRule implements Rule {

  private static final String NAME = "stop loss";

  /**
   * @param multipleOfCredit the loss of a credit strategy, as a multiple of its credit, that stops
   *     it out before volatility scaling, in (0, 100]
   * @param shareOfDebit the loss of a debit strategy, as a share of its debit, that stops it out
   *     before volatility scaling, in (0, 1]
   * @param scaling how the distances follow implied volatility
   */
  public record Thresholds(
      double multipleOfCredit, double shareOfDebit, VolatilityScaling scaling) {
    public Thresholds {
      ExitText.requireAboveAtMost(NAME, "multipleOfCredit", multipleOfCredit, 0, 100);
      ExitText.requireAboveAtMost(NAME, "shareOfDebit", shareOfDebit, 0, 1);
      if (scaling == null) {
        throw new IllegalArgumentException(
            NAME + " threshold scaling is required (VolatilityScaling.NONE for none)");
      }
    }
  }

  private final Thresholds t;

  public StopLossRule(Thresholds t) {
    if (t == null) {
      throw new IllegalArgumentException(NAME + ": thresholds are required");
    }
    this.t = t;
  }

  /** Reads {@code multipleOfCredit} and {@code shareOfDebit}; distances are not scaled. */
  public static StopLossRule from(RuleParams p) {
    return from(p, VolatilityScaling.NONE);
  }

  /** Reads {@code multipleOfCredit} and {@code shareOfDebit}; unknown keys are an error. */
  public static StopLossRule from(RuleParams p, VolatilityScaling scaling) {
    double multiple = p.decimal("multipleOfCredit", 0, 100);
    double debit = p.decimal("shareOfDebit", 0, 1);
    p.finish();
    return new StopLossRule(ExitText.configured(p, () -> new Thresholds(multiple, debit, scaling)));
  }

  public Thresholds thresholds() {
    return t;
  }

  @Override
  public RuleId id() {
    return RuleId.STOP_LOSS;
  }

  @Override
  public Evaluation evaluate(RuleInput in) {
    if (in.state() != StrategyState.OPEN) {
      return Evaluation.notApplicable(RuleId.STOP_LOSS);
    }
    double credit = in.entryCredit();
    if (credit == 0 || !Double.isFinite(credit)) {
      return Evaluation.notApplicable(RuleId.STOP_LOSS);
    }
    if (!in.marksUsable()) {
      return Evaluation.waiting(RuleId.STOP_LOSS, "a held leg's quote is stale or too wide");
    }
    if (Double.isNaN(in.pnl())) {
      return Evaluation.waiting(RuleId.STOP_LOSS, "no P&L at the current marks");
    }
    boolean isCredit = credit > 0;
    double base = Math.abs(credit);
    double configured = isCredit ? t.multipleOfCredit() : t.shareOfDebit();
    double factor = t.scaling().factor(in.iv());
    double allowed = configured * factor * base;
    double loss = -in.pnl();
    double progress = ExitText.progress(loss, allowed);
    if (!ExitText.reaches(loss, allowed)) {
      return Evaluation.quiet(RuleId.STOP_LOSS, progress);
    }
    String reason;
    List<Measurement> evidence = new ArrayList<>(2);
    if (isCredit) {
      reason =
          "stop loss: loss "
              + DecimalText.money(loss)
              + " is "
              + DecimalText.times(loss / base)
              + " the "
              + DecimalText.money(base)
              + " credit (stop at "
              + DecimalText.times(configured * factor)
              + (factor == 1 ? "" : ": " + DecimalText.times(configured))
              + DecimalText.scaling(t.scaling(), in.iv())
              + ")";
      evidence.add(
          new Measurement(
              "loss as a multiple of the credit", loss / base, configured * factor, "x"));
    } else {
      reason =
          "stop loss: loss "
              + DecimalText.money(loss)
              + " is "
              + DecimalText.percent(loss / base)
              + " of the "
              + DecimalText.money(base)
              + " debit (stop at "
              + DecimalText.percent(configured * factor)
              + (factor == 1 ? "" : ": " + DecimalText.percent(configured))
              + DecimalText.scaling(t.scaling(), in.iv())
              + ")";
      evidence.add(
          new Measurement(
              "loss as a share of the debit", loss / base * 100, configured * factor * 100, "%"));
    }
    if (factor != 1) {
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
            RuleId.STOP_LOSS,
            reason,
            evidence,
            in.now()));
  }
}
