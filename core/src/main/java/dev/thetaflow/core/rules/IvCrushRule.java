package dev.thetaflow.core.rules;

import static dev.thetaflow.core.rules.RiskSupport.badThreshold;
import static dev.thetaflow.core.rules.RiskSupport.fixed;
import static dev.thetaflow.core.rules.RiskSupport.money;
import static dev.thetaflow.core.rules.RiskSupport.percent;

import dev.thetaflow.core.decision.Decision;
import dev.thetaflow.core.decision.DecisionAction;
import dev.thetaflow.core.decision.Measurement;
import dev.thetaflow.core.decision.RuleId;
import dev.thetaflow.core.decision.Urgency;
import dev.thetaflow.core.strategy.StrategyState;
import java.util.List;

/**
 * IV crush: implied volatility has moved far from where the strategy was entered.
 *
 * <ul>
 *   <li>Crush: IV has fallen by at least {@code crushPoints} volatility points since entry and the
 *       P&amp;L is at least {@code minProfitShare} of the max profit: CLOSE, NORMAL (take the
 *       profit the crush gave). Never fires for an unbounded max profit.
 *   <li>Expansion: for a short-volatility position (strategy vega &lt; 0) IV has risen by at least
 *       {@code expansionPoints} since entry: REDUCE, NORMAL.
 * </ul>
 *
 * Progress is the larger of the crush's (the smaller of its two ratios, both must hold) and the
 * expansion's. Waits while marks are not usable or IV (now or at entry), the P&amp;L or, for the
 * expansion, the Greeks are unknown.
 *
 * <p>Configuration keys: {@code crushPoints} (volatility points, &gt; 0), {@code minProfitShare}
 * (0..1 of max profit), {@code expansionPoints} (volatility points, &gt; 0).
 */
public final class IvCrushRule implements Rule {

  /**
   * @param crushPoints fall of IV since entry, in points (0.01 of volatility), &gt; 0
   * @param minProfitShare share of the max profit that must be in, in [0, 1]
   * @param expansionPoints rise of IV since entry against a short-volatility position, &gt; 0
   */
  public record Thresholds(double crushPoints, double minProfitShare, double expansionPoints) {
    public Thresholds {
      if (!(crushPoints > 0 && crushPoints <= 100)) {
        throw badThreshold("IV crush", "crushPoints", crushPoints, "in (0, 100] points");
      }
      if (!(minProfitShare >= 0 && minProfitShare <= 1)) {
        throw badThreshold("IV crush", "minProfitShare", minProfitShare, "in [0, 1]");
      }
      if (!(expansionPoints > 0 && expansionPoints <= 1000)) {
        throw badThreshold("IV crush", "expansionPoints", expansionPoints, "in (0, 1000] points");
      }
    }
  }

  private final Thresholds t;

  public IvCrushRule(Thresholds t) {
    if (t == null) {
      throw new IllegalArgumentException("IV crush: thresholds are required");
    }
    this.t = t;
  }

  /** Reads {@code crushPoints}, {@code minProfitShare} and {@code expansionPoints}. */
  public static IvCrushRule from(RuleParams p) {
    Thresholds t =
        new Thresholds(
            p.decimal("crushPoints", 0, 100),
            p.decimal("minProfitShare", 0, 1),
            p.decimal("expansionPoints", 0, 1000));
    p.finish();
    return new IvCrushRule(t);
  }

  public Thresholds thresholds() {
    return t;
  }

  @Override
  public RuleId id() {
    return RuleId.IV_CRUSH;
  }

  @Override
  public Evaluation evaluate(RuleInput input) {
    if (input.state() != StrategyState.OPEN || !RiskSupport.anyHeld(input.legs())) {
      return Evaluation.notApplicable(RuleId.IV_CRUSH);
    }
    if (!input.marksUsable()) {
      return Evaluation.waiting(RuleId.IV_CRUSH, "quotes are not usable");
    }
    if (Double.isNaN(input.iv()) || Double.isNaN(input.ivAtEntry())) {
      return Evaluation.waiting(RuleId.IV_CRUSH, "implied volatility (now or at entry) is unknown");
    }
    if (Double.isNaN(input.pnl())) {
      return Evaluation.waiting(RuleId.IV_CRUSH, "the P&L is unknown");
    }
    double fallPoints = (input.ivAtEntry() - input.iv()) * 100.0;
    double profitNeeded = t.minProfitShare() * input.maxProfit();
    boolean bounded = RiskSupport.positive(input.maxProfit());
    double crushProgress = 0;
    if (bounded) {
      double profitProgress = profitNeeded > 0 ? input.pnl() / profitNeeded : 1;
      crushProgress = Math.max(0, Math.min(fallPoints / t.crushPoints(), profitProgress));
      if (fallPoints >= t.crushPoints() - RiskSupport.EPS && input.pnl() >= profitNeeded) {
        return Evaluation.fired(Math.max(1, crushProgress), crush(input, fallPoints, profitNeeded));
      }
    }
    if (input.greeks() == null) {
      return Evaluation.waiting(RuleId.IV_CRUSH, "the strategy's Greeks are unknown");
    }
    if (!(input.greeks().vega() < 0)) {
      return Evaluation.quiet(RuleId.IV_CRUSH, crushProgress);
    }
    double risePoints = -fallPoints;
    double progress = Math.max(crushProgress, Math.max(0, risePoints / t.expansionPoints()));
    if (risePoints >= t.expansionPoints() - RiskSupport.EPS) {
      return Evaluation.fired(progress, expansion(input, risePoints));
    }
    return Evaluation.quiet(RuleId.IV_CRUSH, progress);
  }

  private Decision crush(RuleInput input, double fallPoints, double profitNeeded) {
    String reason =
        "Implied volatility fell "
            + fixed(fallPoints, 1)
            + " points since entry ("
            + percent(input.ivAtEntry())
            + " to "
            + percent(input.iv())
            + ", threshold "
            + fixed(t.crushPoints(), 1)
            + ") and the strategy has made "
            + money(input.pnl())
            + ", at least "
            + percent(t.minProfitShare())
            + " of its "
            + money(input.maxProfit())
            + " max profit. Closing to take the profit.";
    return Decision.of(
        input.strategyId(),
        DecisionAction.CLOSE,
        Urgency.NORMAL,
        RuleId.IV_CRUSH,
        reason,
        List.of(
            new Measurement("IV fall since entry", fallPoints, t.crushPoints(), "points"),
            new Measurement("P&L", input.pnl(), profitNeeded, "$")),
        input.now());
  }

  private Decision expansion(RuleInput input, double risePoints) {
    String reason =
        "Implied volatility rose "
            + fixed(risePoints, 1)
            + " points since entry ("
            + percent(input.ivAtEntry())
            + " to "
            + percent(input.iv())
            + ", threshold "
            + fixed(t.expansionPoints(), 1)
            + ") against a short-volatility position (vega "
            + money(input.greeks().vegaPerPoint())
            + " per point). Reducing the position.";
    return Decision.of(
        input.strategyId(),
        DecisionAction.REDUCE,
        Urgency.NORMAL,
        RuleId.IV_CRUSH,
        reason,
        List.of(new Measurement("IV rise since entry", risePoints, t.expansionPoints(), "points")),
        input.now());
  }
}
