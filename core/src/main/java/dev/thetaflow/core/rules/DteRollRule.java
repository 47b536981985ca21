package dev.thetaflow.core.rules;

import static dev.thetaflow.core.rules.RiskSupport.badThreshold;
import static dev.thetaflow.core.rules.RiskSupport.describe;
import static dev.thetaflow.core.rules.RiskSupport.fixed;
import static dev.thetaflow.core.rules.RiskSupport.isShortOption;

import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.decision.Decision;
import dev.thetaflow.core.decision.DecisionAction;
import dev.thetaflow.core.decision.Measurement;
import dev.thetaflow.core.decision.RuleId;
import dev.thetaflow.core.decision.Urgency;
import dev.thetaflow.core.strategy.StrategyState;
import java.util.ArrayList;
import java.util.List;

/**
 * DTE roll: the strategy is close enough to expiry that gamma and assignment outweigh the theta
 * left. Fires when days to expiry are at most {@code rollAtDte}: ROLL to about {@code targetDte}
 * days (the target travels as the measurement "target days to expiry") when the strategy qualifies,
 * else CLOSE; urgency NORMAL. It qualifies when it is a credit strategy and no short leg is tested:
 * every short option leg has |delta| below {@code testedDelta} and is out of the money (a call's
 * strike above spot, a put's below). A debit strategy is closed, not rolled.
 *
 * <p>Progress is (rollAtDte + 1) / (dte + 1): 1 on the threshold day, growing towards expiry. Not
 * applicable without an expiry; a credit strategy waits while marks are not usable or spot or a
 * short leg's delta is unknown (the roll-or-close choice needs them).
 *
 * <p>Configuration keys: {@code rollAtDte} (whole days, &ge; 0), {@code targetDte} (whole days,
 * &gt; rollAtDte), {@code testedDelta} (0..1, per-unit delta).
 */
public final class DteRollRule implements Rule {

  /**
   * @param rollAtDte roll or close at or below this many days to expiry, &ge; 0
   * @param targetDte days to expiry the roll aims for, &gt; rollAtDte
   * @param testedDelta a short leg with |delta| at or above this is tested, in (0, 1)
   */
  public record Thresholds(int rollAtDte, int targetDte, double testedDelta) {
    public Thresholds {
      if (rollAtDte < 0) {
        throw badThreshold("DTE roll", "rollAtDte", rollAtDte, ">= 0 days");
      }
      if (targetDte <= rollAtDte) {
        throw badThreshold(
            "DTE roll", "targetDte", targetDte, "more days than rollAtDte (" + rollAtDte + ")");
      }
      if (!(testedDelta > 0 && testedDelta < 1)) {
        throw badThreshold("DTE roll", "testedDelta", testedDelta, "in (0, 1)");
      }
    }
  }

  private final Thresholds t;

  public DteRollRule(Thresholds t) {
    if (t == null) {
      throw new IllegalArgumentException("DTE roll: thresholds are required");
    }
    this.t = t;
  }

  /** Reads {@code rollAtDte}, {@code targetDte} and {@code testedDelta}. */
  public static DteRollRule from(RuleParams p) {
    Thresholds t =
        new Thresholds(
            p.integer("rollAtDte", 0, 3650),
            p.integer("targetDte", 1, 3650),
            p.decimal("testedDelta", 0, 1));
    p.finish();
    return new DteRollRule(t);
  }

  public Thresholds thresholds() {
    return t;
  }

  @Override
  public RuleId id() {
    return RuleId.DTE_ROLL;
  }

  @Override
  public Evaluation evaluate(RuleInput input) {
    if (input.state() != StrategyState.OPEN
        || !RiskSupport.anyHeld(input.legs())
        || input.dte() < 0) {
      return Evaluation.notApplicable(RuleId.DTE_ROLL);
    }
    double progress = (t.rollAtDte() + 1.0) / (input.dte() + 1.0);
    if (input.dte() > t.rollAtDte()) {
      return Evaluation.quiet(RuleId.DTE_ROLL, progress);
    }
    if (!input.isCredit()) {
      return Evaluation.fired(
          progress,
          decision(
              input, DecisionAction.CLOSE, "Closing: a debit strategy is not rolled.", Double.NaN));
    }
    if (!input.marksUsable()) {
      return Evaluation.waiting(RuleId.DTE_ROLL, "quotes are not usable");
    }
    if (Double.isNaN(input.spot())) {
      return Evaluation.waiting(RuleId.DTE_ROLL, "the underlying's price is unknown");
    }
    LegView tested = null;
    double largest = 0;
    boolean anyShort = false;
    for (LegView leg : input.legs()) {
      if (!isShortOption(leg)) {
        continue;
      }
      if (Double.isNaN(leg.delta())) {
        return Evaluation.waiting(RuleId.DTE_ROLL, "a short leg's delta is unknown");
      }
      double abs = Math.abs(leg.delta());
      boolean itm =
          leg.contract().right() == OptionType.CALL
              ? input.spot() >= leg.contract().strike()
              : input.spot() <= leg.contract().strike();
      if (!anyShort || abs > largest) {
        largest = abs;
      }
      anyShort = true;
      if ((abs >= t.testedDelta() || itm) && (tested == null || abs > Math.abs(tested.delta()))) {
        tested = leg;
      }
    }
    if (tested != null) {
      boolean itm =
          tested.contract().right() == OptionType.CALL
              ? input.spot() >= tested.contract().strike()
              : input.spot() <= tested.contract().strike();
      String why =
          "Closing rather than rolling: the "
              + describe(tested)
              + " is tested (delta "
              + fixed(tested.delta(), 2)
              + (itm
                  ? ", at or in the money with the underlying at "
                      + RiskSupport.number(input.spot())
                  : "")
              + ", tested at |delta| "
              + fixed(t.testedDelta(), 2)
              + ").";
      return Evaluation.fired(progress, decision(input, DecisionAction.CLOSE, why, largest));
    }
    String why =
        "Rolling to about "
            + t.targetDte()
            + " days: a credit strategy with its short strikes untested"
            + (anyShort ? " (largest |delta| " + fixed(largest, 2) + ")." : ".");
    return Evaluation.fired(
        progress, decision(input, DecisionAction.ROLL, why, anyShort ? largest : Double.NaN));
  }

  private Decision decision(
      RuleInput input, DecisionAction action, String outcome, double largestShortDelta) {
    String reason =
        (input.dte() == 0
                ? "Expiration day"
                : input.dte() + (input.dte() == 1 ? " day" : " days") + " to expiry")
            + ", at or below the "
            + t.rollAtDte()
            + "-day threshold. "
            + outcome;
    Measurement dte = new Measurement("days to expiry", input.dte(), t.rollAtDte(), "days");
    List<Measurement> ms = new ArrayList<>(3);
    ms.add(dte);
    if (action == DecisionAction.ROLL) {
      ms.add(new Measurement("target days to expiry", t.targetDte(), t.targetDte(), "days"));
    }
    if (!Double.isNaN(largestShortDelta)) {
      ms.add(new Measurement("largest short-leg |delta|", largestShortDelta, t.testedDelta(), ""));
    }
    return Decision.of(
        input.strategyId(), action, Urgency.NORMAL, RuleId.DTE_ROLL, reason, ms, input.now());
  }
}
