package dev.thetaflow.core.rules;

import static dev.thetaflow.core.rules.RiskSupport.badThreshold;
import static dev.thetaflow.core.rules.RiskSupport.money;

import dev.thetaflow.core.decision.Decision;
import dev.thetaflow.core.decision.DecisionAction;
import dev.thetaflow.core.decision.Measurement;
import dev.thetaflow.core.decision.RuleId;
import dev.thetaflow.core.decision.Urgency;
import dev.thetaflow.core.strategy.StrategyState;
import java.util.List;

/**
 * Gamma risk: near expiry, gamma makes a small move of the underlying a large P&amp;L swing. Fires
 * when days to expiry are at most {@code withinDays} and the strategy's |dollar gamma| (the P&amp;L
 * of a 1% move from gamma alone, {@link dev.thetaflow.core.risk.PositionGreeks#dollarGamma()}) is
 * above {@code maxDollarGammaPerPercent}: CLOSE, HIGH. Further from expiry (or with no expiry) the
 * rule does not apply; it waits while marks are not usable or the Greeks are unknown.
 *
 * <p>Configuration keys: {@code withinDays} (whole days, &ge; 0), {@code maxDollarGammaPerPercent}
 * (currency, &gt; 0).
 */
public final class GammaRiskRule implements Rule {

  /**
   * @param withinDays judge only at or below this many days to expiry, &ge; 0
   * @param maxDollarGammaPerPercent the largest |dollar gamma| per 1% move, &gt; 0
   */
  public record Thresholds(int withinDays, double maxDollarGammaPerPercent) {
    public Thresholds {
      if (withinDays < 0) {
        throw badThreshold("gamma risk", "withinDays", withinDays, ">= 0 days");
      }
      if (!RiskSupport.positive(maxDollarGammaPerPercent)) {
        throw badThreshold(
            "gamma risk",
            "maxDollarGammaPerPercent",
            maxDollarGammaPerPercent,
            "a finite amount > 0");
      }
    }
  }

  private final Thresholds t;

  public GammaRiskRule(Thresholds t) {
    if (t == null) {
      throw new IllegalArgumentException("gamma risk: thresholds are required");
    }
    this.t = t;
  }

  /** Reads {@code withinDays} and {@code maxDollarGammaPerPercent}. */
  public static GammaRiskRule from(RuleParams p) {
    Thresholds t =
        new Thresholds(
            p.integer("withinDays", 0, 3650), p.decimal("maxDollarGammaPerPercent", 0, 1e12));
    p.finish();
    return new GammaRiskRule(t);
  }

  public Thresholds thresholds() {
    return t;
  }

  @Override
  public RuleId id() {
    return RuleId.GAMMA_RISK;
  }

  @Override
  public Evaluation evaluate(RuleInput input) {
    if (input.state() != StrategyState.OPEN
        || !RiskSupport.anyHeld(input.legs())
        || input.dte() < 0
        || input.dte() > t.withinDays()) {
      return Evaluation.notApplicable(RuleId.GAMMA_RISK);
    }
    if (!input.marksUsable()) {
      return Evaluation.waiting(RuleId.GAMMA_RISK, "quotes are not usable");
    }
    if (input.greeks() == null) {
      return Evaluation.waiting(RuleId.GAMMA_RISK, "the strategy's Greeks are unknown");
    }
    double dollarGamma = Math.abs(input.greeks().dollarGamma());
    double progress = dollarGamma / t.maxDollarGammaPerPercent();
    if (!(dollarGamma > t.maxDollarGammaPerPercent())) {
      return Evaluation.quiet(RuleId.GAMMA_RISK, progress);
    }
    String reason =
        "Gamma risk "
            + (input.dte() == 0
                ? "on expiration day"
                : input.dte() + (input.dte() == 1 ? " day" : " days") + " before expiry")
            + ": a 1% move of "
            + input.greeks().underlying()
            + " would swing the strategy by "
            + money(dollarGamma)
            + " from gamma alone, above the "
            + money(t.maxDollarGammaPerPercent())
            + " limit. Closing the strategy.";
    return Evaluation.fired(
        progress,
        Decision.of(
            input.strategyId(),
            DecisionAction.CLOSE,
            Urgency.HIGH,
            RuleId.GAMMA_RISK,
            reason,
            List.of(
                new Measurement(
                    "dollar gamma per 1% move", dollarGamma, t.maxDollarGammaPerPercent(), "$"),
                new Measurement("days to expiry", input.dte(), t.withinDays(), " days")),
            input.now()));
  }
}
