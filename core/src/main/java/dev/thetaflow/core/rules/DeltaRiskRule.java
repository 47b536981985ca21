package dev.thetaflow.core.rules;

import static dev.thetaflow.core.rules.RiskSupport.badThreshold;
import static dev.thetaflow.core.rules.RiskSupport.describe;
import static dev.thetaflow.core.rules.RiskSupport.fixed;
import static dev.thetaflow.core.rules.RiskSupport.isShortOption;
import static dev.thetaflow.core.rules.RiskSupport.number;

import dev.thetaflow.core.decision.Decision;
import dev.thetaflow.core.decision.DecisionAction;
import dev.thetaflow.core.decision.Measurement;
import dev.thetaflow.core.decision.RuleId;
import dev.thetaflow.core.decision.Urgency;
import dev.thetaflow.core.strategy.StrategyState;
import java.util.ArrayList;
import java.util.List;

/**
 * Delta risk: a short strike's delta or the strategy's delta has left its band. Fires when the
 * largest |delta| of a held short option leg is above {@code maxShortDelta}, or the strategy's
 * |delta| in share equivalents is above {@code maxStrategyDelta}; it then ADJUSTs the tested side
 * (the short leg whose |delta| is largest and its long wing, as {@link Decision#legConIds()}) when
 * {@code adjust} is true and there is a short leg to move, else CLOSEs the strategy. Urgency
 * NORMAL. Waits while marks are not usable or a held short leg's delta or the strategy's Greeks are
 * unknown.
 *
 * <p>Configuration keys: {@code maxShortDelta} (0..1, per-unit delta), {@code maxStrategyDelta}
 * (share equivalents, &gt; 0), {@code adjust} (true/false).
 */
public final class DeltaRiskRule implements Rule {

  /**
   * @param maxShortDelta the largest |delta| a short leg may have, in (0, 1]
   * @param maxStrategyDelta the largest |strategy delta| in share equivalents, &gt; 0
   * @param adjust adjust the tested side rather than close
   */
  public record Thresholds(double maxShortDelta, double maxStrategyDelta, boolean adjust) {
    public Thresholds {
      if (!(maxShortDelta > 0 && maxShortDelta <= 1)) {
        throw badThreshold("delta risk", "maxShortDelta", maxShortDelta, "in (0, 1]");
      }
      if (!RiskSupport.positive(maxStrategyDelta)) {
        throw badThreshold(
            "delta risk", "maxStrategyDelta", maxStrategyDelta, "a finite number > 0 (shares)");
      }
    }
  }

  private final Thresholds t;

  public DeltaRiskRule(Thresholds t) {
    if (t == null) {
      throw new IllegalArgumentException("delta risk: thresholds are required");
    }
    this.t = t;
  }

  /** Reads {@code maxShortDelta}, {@code maxStrategyDelta} and {@code adjust}. */
  public static DeltaRiskRule from(RuleParams p) {
    Thresholds t =
        new Thresholds(
            p.decimal("maxShortDelta", 0, 1),
            p.decimal("maxStrategyDelta", 0, 1e9),
            p.flag("adjust"));
    p.finish();
    return new DeltaRiskRule(t);
  }

  public Thresholds thresholds() {
    return t;
  }

  @Override
  public RuleId id() {
    return RuleId.DELTA_RISK;
  }

  @Override
  public Evaluation evaluate(RuleInput input) {
    if (input.state() != StrategyState.OPEN || !RiskSupport.anyHeld(input.legs())) {
      return Evaluation.notApplicable(RuleId.DELTA_RISK);
    }
    if (!input.marksUsable()) {
      return Evaluation.waiting(RuleId.DELTA_RISK, "quotes are not usable");
    }
    if (input.greeks() == null) {
      return Evaluation.waiting(RuleId.DELTA_RISK, "the strategy's Greeks are unknown");
    }
    List<LegView> legs = input.legs();
    int tested = -1;
    double shortAbs = 0;
    for (int i = 0; i < legs.size(); i++) {
      LegView leg = legs.get(i);
      if (isShortOption(leg)) {
        if (Double.isNaN(leg.delta())) {
          return Evaluation.waiting(RuleId.DELTA_RISK, "a short leg's delta is unknown");
        }
        if (tested < 0 || Math.abs(leg.delta()) > shortAbs) {
          tested = i;
          shortAbs = Math.abs(leg.delta());
        }
      }
    }
    double strategyDelta = input.greeks().delta();
    double strategyProgress = Math.abs(strategyDelta) / t.maxStrategyDelta();
    double shortProgress = tested < 0 ? 0 : shortAbs / t.maxShortDelta();
    double progress = Math.max(shortProgress, strategyProgress);
    boolean shortBreached = tested >= 0 && shortAbs > t.maxShortDelta();
    boolean strategyBreached = Math.abs(strategyDelta) > t.maxStrategyDelta();
    if (!shortBreached && !strategyBreached) {
      return Evaluation.quiet(RuleId.DELTA_RISK, progress);
    }
    return Evaluation.fired(
        progress, decide(input, tested, shortAbs, strategyDelta, shortBreached, strategyBreached));
  }

  private Decision decide(
      RuleInput input,
      int tested,
      double shortAbs,
      double strategyDelta,
      boolean shortBreached,
      boolean strategyBreached) {
    boolean adjust = t.adjust() && tested >= 0;
    List<Measurement> ms = new ArrayList<>(2);
    StringBuilder why = new StringBuilder();
    if (tested >= 0) {
      LegView leg = input.legs().get(tested);
      ms.add(new Measurement("largest short-leg |delta|", shortAbs, t.maxShortDelta(), ""));
      if (shortBreached) {
        why.append("The ")
            .append(describe(leg))
            .append(" has delta ")
            .append(fixed(leg.delta(), 2))
            .append(", beyond the ")
            .append(fixed(t.maxShortDelta(), 2))
            .append(" limit. ");
      }
    }
    ms.add(
        new Measurement(
            "strategy |delta| in shares",
            Math.abs(strategyDelta),
            t.maxStrategyDelta(),
            " shares"));
    if (strategyBreached) {
      why.append("The strategy's delta is ")
          .append(fixed(strategyDelta, 1))
          .append(" shares, beyond the ")
          .append(number(t.maxStrategyDelta()))
          .append("-share limit. ");
    }
    if (adjust) {
      LegView leg = input.legs().get(tested);
      why.append("Adjusting the tested side (the ").append(describe(leg)).append(" and its wing).");
    } else {
      why.append("Closing the strategy.");
    }
    Decision d =
        Decision.of(
            input.strategyId(),
            adjust ? DecisionAction.ADJUST : DecisionAction.CLOSE,
            Urgency.NORMAL,
            RuleId.DELTA_RISK,
            why.toString(),
            ms,
            input.now());
    return adjust ? d.forLegs(RiskSupport.withWing(input.legs(), input.legs().get(tested))) : d;
  }
}
