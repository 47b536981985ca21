package dev.thetaflow.core.rules;

import dev.thetaflow.core.decision.Decision;
import dev.thetaflow.core.decision.DecisionAction;
import dev.thetaflow.core.decision.Measurement;
import dev.thetaflow.core.decision.RuleId;
import dev.thetaflow.core.decision.Urgency;
import dev.thetaflow.core.strategy.StrategyState;
import java.util.List;

/**
 * Closes ({@link Urgency#NORMAL}) once the profit reaches its target: {@code shareOfMaxProfit} of
 * the max profit, which for a credit strategy is the credit received (50% of the credit is the
 * classic short-premium exit); a debit strategy with unbounded max profit (a long call) targets
 * {@code shareOfDebit} of the debit paid instead. Needs usable marks. Progress is profit over
 * target.
 *
 * <p>Configuration keys: {@code shareOfMaxProfit} (a fraction, e.g. 0.5), {@code shareOfDebit} (a
 * fraction of the debit, e.g. 1.0 = the debit doubled).
 */
public final class TakeProfitRule implements Rule {

  private static final String NAME = "take profit";

  /**
   * @param shareOfMaxProfit the profit that is taken, as a share of the max profit (the credit for
   *     credit strategies), in (0, 1]
   * @param shareOfDebit the profit that is taken by a debit strategy with unbounded max profit, as
   *     a share of the debit, in (0, 100]
   */
  public record Thresholds(double shareOfMaxProfit, double shareOfDebit) {
    public Thresholds {
      ExitText.requireAboveAtMost(NAME, "shareOfMaxProfit", shareOfMaxProfit, 0, 1);
      ExitText.requireAboveAtMost(NAME, "shareOfDebit", shareOfDebit, 0, 100);
    }
  }

  private final Thresholds t;

  public TakeProfitRule(Thresholds t) {
    if (t == null) {
      throw new IllegalArgumentException(NAME + ": thresholds are required");
    }
    this.t = t;
  }

  /** Reads {@code shareOfMaxProfit} and {@code shareOfDebit}; unknown keys are an error. */
  public static TakeProfitRule from(RuleParams p) {
    double share = p.decimal("shareOfMaxProfit", 0, 1);
    double debit = p.decimal("shareOfDebit", 0, 100);
    p.finish();
    return new TakeProfitRule(ExitText.configured(p, () -> new Thresholds(share, debit)));
  }

  public Thresholds thresholds() {
    return t;
  }

  @Override
  public RuleId id() {
    return RuleId.TAKE_PROFIT;
  }

  @Override
  public Evaluation evaluate(RuleInput in) {
    if (in.state() != StrategyState.OPEN) {
      return Evaluation.notApplicable(RuleId.TAKE_PROFIT);
    }
    double credit = in.entryCredit();
    boolean isCredit = in.isCredit() && Double.isFinite(credit);
    boolean bounded = in.maxProfit() > 0 && Double.isFinite(in.maxProfit());
    double base; // what the share applies to
    double share;
    if (isCredit) {
      base = credit;
      share = t.shareOfMaxProfit();
    } else if (bounded) {
      base = in.maxProfit();
      share = t.shareOfMaxProfit();
    } else {
      base = -credit; // the debit paid
      share = t.shareOfDebit();
    }
    if (!(base > 0) || Double.isInfinite(base)) {
      return Evaluation.notApplicable(RuleId.TAKE_PROFIT);
    }
    if (!in.marksUsable()) {
      return Evaluation.waiting(RuleId.TAKE_PROFIT, "a held leg's quote is stale or too wide");
    }
    if (Double.isNaN(in.pnl())) {
      return Evaluation.waiting(RuleId.TAKE_PROFIT, "no P&L at the current marks");
    }
    double target = share * base;
    double progress = ExitText.progress(in.pnl(), target);
    if (!ExitText.reaches(in.pnl(), target)) {
      return Evaluation.quiet(RuleId.TAKE_PROFIT, progress);
    }
    String baseName = isCredit ? "credit" : bounded ? "max profit" : "debit";
    String reason =
        "take profit: profit "
            + DecimalText.money(in.pnl())
            + " is "
            + DecimalText.percent(in.pnl() / base)
            + " of the "
            + DecimalText.money(base)
            + " "
            + baseName
            + " (target "
            + DecimalText.percent(share)
            + ", "
            + DecimalText.money(target)
            + ")";
    return Evaluation.fired(
        progress,
        Decision.of(
            in.strategyId(),
            DecisionAction.CLOSE,
            Urgency.NORMAL,
            RuleId.TAKE_PROFIT,
            reason,
            List.of(
                new Measurement(
                    "profit as a share of the " + baseName,
                    in.pnl() / base * 100,
                    share * 100,
                    "%")),
            in.now()));
  }
}
