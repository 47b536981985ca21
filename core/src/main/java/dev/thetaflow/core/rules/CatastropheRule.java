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
 * Closes at once, marketable ({@link Urgency#IMMEDIATE}), when any of four things happens:
 *
 * <ul>
 *   <li>the underlying has moved by {@code gap} or more (either way) from its reference: the last
 *       price before today (the previous close) for a strategy held over it, else the first price
 *       it saw today;
 *   <li>a credit strategy has lost {@code lossMultipleOfCredit} times its credit or more;
 *   <li>the strategy has lost {@code lossShareOfMaxLoss} of its (finite) max loss or more;
 *   <li>VIX is up {@code vixJump} or more from its first level of the day.
 * </ul>
 *
 * <p>The gap and VIX branches act on the underlying and VIX and fire whatever the option quotes
 * look like; the two loss branches need usable marks and wait without them. A branch whose input is
 * unknown (NaN) is skipped. Progress is the largest of the branches'.
 *
 * <p>Configuration keys: {@code gap} (a fraction of the reference price, 0.05 = 5%), {@code
 * lossMultipleOfCredit} (e.g. 3), {@code lossShareOfMaxLoss} (a fraction, e.g. 0.8), {@code
 * vixJump} (a fraction of the reference level, 0.30 = up 30%).
 */
public final class CatastropheRule implements Rule {

  private static final String NAME = "catastrophe";

  /**
   * @param gap the underlying's move from its reference that fires, in (0, 1]
   * @param lossMultipleOfCredit the loss as a multiple of the credit that fires, in (0, 100]
   * @param lossShareOfMaxLoss the loss as a share of the max loss that fires, in (0, 1]
   * @param vixJump VIX's rise over its reference that fires, in (0, 10]
   */
  public record Thresholds(
      double gap, double lossMultipleOfCredit, double lossShareOfMaxLoss, double vixJump) {
    public Thresholds {
      ExitText.requireAboveAtMost(NAME, "gap", gap, 0, 1);
      ExitText.requireAboveAtMost(NAME, "lossMultipleOfCredit", lossMultipleOfCredit, 0, 100);
      ExitText.requireAboveAtMost(NAME, "lossShareOfMaxLoss", lossShareOfMaxLoss, 0, 1);
      ExitText.requireAboveAtMost(NAME, "vixJump", vixJump, 0, 10);
    }
  }

  private final Thresholds t;

  public CatastropheRule(Thresholds t) {
    if (t == null) {
      throw new IllegalArgumentException(NAME + ": thresholds are required");
    }
    this.t = t;
  }

  /** Reads every threshold by its key (see the class comment); unknown keys are an error. */
  public static CatastropheRule from(RuleParams p) {
    double gap = p.decimal("gap", 0, 1);
    double credit = p.decimal("lossMultipleOfCredit", 0, 100);
    double maxLoss = p.decimal("lossShareOfMaxLoss", 0, 1);
    double vix = p.decimal("vixJump", 0, 10);
    p.finish();
    return new CatastropheRule(
        ExitText.configured(p, () -> new Thresholds(gap, credit, maxLoss, vix)));
  }

  public Thresholds thresholds() {
    return t;
  }

  @Override
  public RuleId id() {
    return RuleId.CATASTROPHE;
  }

  @Override
  public Evaluation evaluate(RuleInput in) {
    if (in.state() != StrategyState.OPEN) {
      return Evaluation.notApplicable(RuleId.CATASTROPHE);
    }
    // each branch's progress, NaN when it cannot be measured
    double move = Math.abs(in.spot() / in.spotReference() - 1);
    double gapProgress = in.spotReference() > 0 ? move / t.gap() : Double.NaN;
    double vixRise = in.vix() / in.vixReference() - 1;
    double vixProgress =
        in.vixReference() > 0 ? ExitText.progress(vixRise, t.vixJump()) : Double.NaN;

    boolean lossKnown = in.marksUsable() && !Double.isNaN(in.pnl());
    boolean creditBranch = in.isCredit() && Double.isFinite(in.entryCredit());
    boolean maxLossBranch = in.maxLoss() > 0 && Double.isFinite(in.maxLoss());
    double loss = -in.pnl();
    double creditLimit = t.lossMultipleOfCredit() * in.entryCredit();
    double maxLossLimit = t.lossShareOfMaxLoss() * in.maxLoss();
    double creditProgress =
        lossKnown && creditBranch ? ExitText.progress(loss, creditLimit) : Double.NaN;
    double maxLossProgress =
        lossKnown && maxLossBranch ? ExitText.progress(loss, maxLossLimit) : Double.NaN;

    double progress = max(max(gapProgress, vixProgress), max(creditProgress, maxLossProgress));
    boolean gapFired = gapProgress >= 0 && ExitText.reaches(move, t.gap());
    boolean vixFired = vixProgress >= 0 && ExitText.reaches(vixRise, t.vixJump());
    boolean creditFired = creditProgress >= 0 && ExitText.reaches(loss, creditLimit);
    boolean maxLossFired = maxLossProgress >= 0 && ExitText.reaches(loss, maxLossLimit);

    if (!(gapFired || vixFired || creditFired || maxLossFired)) {
      if (!lossKnown && (creditBranch || maxLossBranch)) {
        // the loss branches cannot judge; keep what the underlying and VIX say for near-triggers
        return new Evaluation(
            RuleId.CATASTROPHE,
            max(gapProgress, vixProgress),
            null,
            in.marksUsable()
                ? "no P&L at the current marks"
                : "a held leg's quote is stale or too wide");
      }
      return Evaluation.quiet(RuleId.CATASTROPHE, progress);
    }

    List<String> what = new ArrayList<>(4);
    List<Measurement> evidence = new ArrayList<>(4);
    if (gapFired) {
      what.add(
          "the underlying moved "
              + DecimalText.percent1(in.spot() / in.spotReference() - 1)
              + " from "
              + DecimalText.price(in.spotReference())
              + " to "
              + DecimalText.price(in.spot())
              + " (limit "
              + DecimalText.percent(t.gap())
              + ")");
    }
    if (gapProgress >= 0) {
      evidence.add(
          new Measurement(
              "underlying move from the day's reference", move * 100, t.gap() * 100, "%"));
    }
    if (creditFired) {
      what.add(
          "loss "
              + DecimalText.money(loss)
              + " is "
              + DecimalText.times(loss / in.entryCredit())
              + " the "
              + DecimalText.money(in.entryCredit())
              + " credit (limit "
              + DecimalText.times(t.lossMultipleOfCredit())
              + ")");
    }
    if (creditProgress >= 0) {
      evidence.add(
          new Measurement(
              "loss as a multiple of the credit",
              loss / in.entryCredit(),
              t.lossMultipleOfCredit(),
              "x"));
    }
    if (maxLossFired) {
      what.add(
          "loss "
              + DecimalText.money(loss)
              + " is "
              + DecimalText.percent(loss / in.maxLoss())
              + " of the "
              + DecimalText.money(in.maxLoss())
              + " max loss (limit "
              + DecimalText.percent(t.lossShareOfMaxLoss())
              + ")");
    }
    if (maxLossProgress >= 0) {
      evidence.add(
          new Measurement(
              "loss as a share of the max loss",
              loss / in.maxLoss() * 100,
              t.lossShareOfMaxLoss() * 100,
              "%"));
    }
    if (vixFired) {
      what.add(
          "VIX up "
              + DecimalText.percent1(vixRise)
              + " from "
              + DecimalText.price(in.vixReference())
              + " to "
              + DecimalText.price(in.vix())
              + " (limit "
              + DecimalText.percent(t.vixJump())
              + ")");
    }
    if (vixProgress >= 0) {
      evidence.add(
          new Measurement(
              "VIX rise from the day's reference", vixRise * 100, t.vixJump() * 100, "%"));
    }
    String reason = "catastrophe, close now: " + String.join("; ", what);
    return Evaluation.fired(
        progress,
        Decision.of(
            in.strategyId(),
            DecisionAction.CLOSE,
            Urgency.IMMEDIATE,
            RuleId.CATASTROPHE,
            reason,
            evidence,
            in.now()));
  }

  /** The larger of two progresses, ignoring an unmeasured (NaN) one. */
  private static double max(double a, double b) {
    if (Double.isNaN(a)) {
      return b;
    }
    return Double.isNaN(b) ? a : Math.max(a, b);
  }
}
