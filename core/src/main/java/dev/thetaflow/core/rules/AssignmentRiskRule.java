package dev.thetaflow.core.rules;

import static dev.thetaflow.core.rules.RiskSupport.badThreshold;
import static dev.thetaflow.core.rules.RiskSupport.describe;
import static dev.thetaflow.core.rules.RiskSupport.fixed;
import static dev.thetaflow.core.rules.RiskSupport.isShortOption;
import static dev.thetaflow.core.rules.RiskSupport.number;
import static dev.thetaflow.core.rules.RiskSupport.percent;

import dev.thetaflow.core.analytics.ExerciseStyle;
import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.decision.Decision;
import dev.thetaflow.core.decision.DecisionAction;
import dev.thetaflow.core.decision.Measurement;
import dev.thetaflow.core.decision.RuleId;
import dev.thetaflow.core.decision.Urgency;
import dev.thetaflow.core.strategy.StrategyState;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Assignment risk: a short leg is likely to be exercised against the position. Fires for a held
 * short option leg when
 *
 * <ul>
 *   <li>it is in the money by at least {@code itmShare} of spot (a call: spot above the strike; a
 *       put: spot below) and its own expiry is at most {@code withinDays} days away; or
 *   <li>it is an American-style call in the money whose extrinsic value (mark − (spot − strike)) is
 *       below the underlying's next dividend, the ex-date is today or at most {@code
 *       dividendWithinDays} days away, and the call is still alive the day before the ex-date (the
 *       day a holder exercises to collect the dividend).
 * </ul>
 *
 * It then CLOSEs that leg (the decision's legs: the short leg and its long wing), HIGH on the leg's
 * expiration day, else NORMAL. When several legs are at risk the deepest in the money (or, for the
 * dividend, the cheapest in extrinsic value) is named; the next evaluation catches the rest.
 * Progress is the larger of moneyness / itmShare (within the days) and dividend / extrinsic value.
 * The moneyness needs only spot (waits without it); the dividend branch waits while marks are not
 * usable.
 *
 * <p>Configuration keys: {@code itmShare} (share of spot, &gt; 0, e.g. 0.01), {@code withinDays}
 * (whole days, &ge; 0), {@code dividendWithinDays} (whole days, &ge; 0).
 */
public final class AssignmentRiskRule implements Rule {

  /**
   * @param itmShare how deep in the money, as a share of spot, in (0, 1)
   * @param withinDays judge moneyness at or below this many days to the leg's expiry, &ge; 0
   * @param dividendWithinDays judge the dividend at or below this many days to its ex-date, &ge; 0
   */
  public record Thresholds(double itmShare, int withinDays, int dividendWithinDays) {
    public Thresholds {
      if (!(itmShare > 0 && itmShare < 1)) {
        throw badThreshold("assignment risk", "itmShare", itmShare, "a share of spot in (0, 1)");
      }
      if (withinDays < 0) {
        throw badThreshold("assignment risk", "withinDays", withinDays, ">= 0 days");
      }
      if (dividendWithinDays < 0) {
        throw badThreshold(
            "assignment risk", "dividendWithinDays", dividendWithinDays, ">= 0 days");
      }
    }
  }

  private final Thresholds t;

  public AssignmentRiskRule(Thresholds t) {
    if (t == null) {
      throw new IllegalArgumentException("assignment risk: thresholds are required");
    }
    this.t = t;
  }

  /** Reads {@code itmShare}, {@code withinDays} and {@code dividendWithinDays}. */
  public static AssignmentRiskRule from(RuleParams p) {
    Thresholds t =
        new Thresholds(
            p.decimal("itmShare", 0, 1),
            p.integer("withinDays", 0, 3650),
            p.integer("dividendWithinDays", 0, 3650));
    p.finish();
    return new AssignmentRiskRule(t);
  }

  public Thresholds thresholds() {
    return t;
  }

  @Override
  public RuleId id() {
    return RuleId.ASSIGNMENT_RISK;
  }

  @Override
  public Evaluation evaluate(RuleInput input) {
    if (input.state() != StrategyState.OPEN) {
      return Evaluation.notApplicable(RuleId.ASSIGNMENT_RISK);
    }
    List<LegView> legs = input.legs();
    boolean anyShort = false;
    for (LegView leg : legs) {
      anyShort |= isShortOption(leg);
    }
    if (!anyShort) {
      return Evaluation.notApplicable(RuleId.ASSIGNMENT_RISK);
    }
    double spot = input.spot();
    if (!RiskSupport.positive(spot)) {
      return Evaluation.waiting(RuleId.ASSIGNMENT_RISK, "the underlying's price is unknown");
    }
    RuleInput.Dividend div = input.nextDividend();
    long daysToEx = div == null ? -1 : ChronoUnit.DAYS.between(input.tradeDate(), div.exDate());
    boolean dividendSoon = div != null && daysToEx >= 0 && daysToEx <= t.dividendWithinDays();

    LegView deepest = null;
    double deepestShare = 0;
    LegView cheapest = null;
    double cheapestExtrinsic = 0;
    double progress = 0;
    boolean dividendUnknown = false;
    for (LegView leg : legs) {
      if (!isShortOption(leg)) {
        continue;
      }
      var c = leg.contract();
      long legDte = ChronoUnit.DAYS.between(input.tradeDate(), c.expiry());
      if (legDte < 0) {
        continue; // expired: settlement, not assignment risk, is what is left
      }
      double intrinsic = c.right() == OptionType.CALL ? spot - c.strike() : c.strike() - spot;
      double share = intrinsic / spot;
      if (legDte <= t.withinDays()) {
        progress = Math.max(progress, share / t.itmShare());
        if (intrinsic > 0
            && share >= t.itmShare() - RiskSupport.EPS
            && (deepest == null || share > deepestShare)) {
          deepest = leg;
          deepestShare = share;
        }
      }
      // only an in-the-money call is exercised for a dividend: out of the money, the holder would
      // pay more than the shares are worth
      if (dividendSoon
          && c.right() == OptionType.CALL
          && intrinsic > 0
          && c.exerciseStyle() == ExerciseStyle.AMERICAN
          && !c.expiry().isBefore(div.exDate().minusDays(1))) {
        if (!input.marksUsable() || Double.isNaN(leg.mark())) {
          dividendUnknown = true;
          continue;
        }
        double extrinsic = leg.mark() - Math.max(intrinsic, 0);
        progress =
            Math.max(progress, extrinsic > 0 ? div.amount() / extrinsic : Double.POSITIVE_INFINITY);
        if (extrinsic < div.amount() && (cheapest == null || extrinsic < cheapestExtrinsic)) {
          cheapest = leg;
          cheapestExtrinsic = extrinsic;
        }
      }
    }
    if (deepest != null) {
      return Evaluation.fired(progress, inTheMoney(input, deepest, deepestShare));
    }
    if (cheapest != null) {
      return Evaluation.fired(progress, dividend(input, cheapest, cheapestExtrinsic, daysToEx));
    }
    if (dividendUnknown) {
      return Evaluation.waiting(
          RuleId.ASSIGNMENT_RISK, "a short call's quote is not usable before the ex-dividend date");
    }
    return Evaluation.quiet(RuleId.ASSIGNMENT_RISK, progress);
  }

  private Decision inTheMoney(RuleInput input, LegView leg, double share) {
    long legDte = ChronoUnit.DAYS.between(input.tradeDate(), leg.contract().expiry());
    String reason =
        "Assignment risk: the "
            + describe(leg)
            + " is "
            + percent(share)
            + " in the money with the underlying at "
            + number(input.spot())
            + " (limit "
            + percent(t.itmShare())
            + ") and expires "
            + when(legDte)
            + ". Closing the leg and its wing.";
    return close(
        input,
        leg,
        legDte,
        reason,
        List.of(
            new Measurement("short leg in the money", share * 100, t.itmShare() * 100, "%"),
            new Measurement("days to the leg's expiry", legDte, t.withinDays(), "days")));
  }

  private Decision dividend(RuleInput input, LegView leg, double extrinsic, long daysToEx) {
    long legDte = ChronoUnit.DAYS.between(input.tradeDate(), leg.contract().expiry());
    RuleInput.Dividend div = input.nextDividend();
    String reason =
        "Early assignment risk: the "
            + describe(leg)
            + " has "
            + fixed(extrinsic, 2)
            + " of extrinsic value, less than the "
            + fixed(div.amount(), 2)
            + " dividend going ex "
            + when(daysToEx)
            + " ("
            + div.exDate()
            + "); a holder gains by exercising. Closing the leg and its wing.";
    return close(
        input,
        leg,
        legDte,
        reason,
        List.of(
            new Measurement("short call extrinsic value", extrinsic, div.amount(), "$"),
            new Measurement(
                "days to the ex-dividend date", daysToEx, t.dividendWithinDays(), "days")));
  }

  private Decision close(
      RuleInput input, LegView leg, long legDte, String reason, List<Measurement> ms) {
    return Decision.of(
            input.strategyId(),
            DecisionAction.CLOSE,
            legDte == 0 ? Urgency.HIGH : Urgency.NORMAL,
            RuleId.ASSIGNMENT_RISK,
            reason,
            ms,
            input.now())
        .forLegs(RiskSupport.withWing(input.legs(), leg));
  }

  private static String when(long days) {
    return days == 0 ? "today" : days == 1 ? "tomorrow" : "in " + days + " days";
  }
}
