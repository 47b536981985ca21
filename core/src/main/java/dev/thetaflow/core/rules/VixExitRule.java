package dev.thetaflow.core.rules;

import static dev.thetaflow.core.rules.RiskSupport.badThreshold;
import static dev.thetaflow.core.rules.RiskSupport.fixed;
import static dev.thetaflow.core.rules.RiskSupport.percent;

import dev.thetaflow.core.decision.Decision;
import dev.thetaflow.core.decision.DecisionAction;
import dev.thetaflow.core.decision.Measurement;
import dev.thetaflow.core.decision.RuleId;
import dev.thetaflow.core.decision.Urgency;
import dev.thetaflow.core.strategy.StrategyState;
import java.util.ArrayList;
import java.util.List;

/**
 * VIX exit: the market's fear gauge says short volatility is no place to be. Judges credit (short
 * premium) strategies only: fires when VIX is at or above {@code level}, or up {@code jump} (a
 * share) or more from its first level of the trading day: CLOSE, HIGH. The job pauses new entries
 * on this decision, and the reason says so. Acts on VIX, not on option marks, so stale quotes do
 * not make it wait; an unknown VIX does. Without a day's reference only the level is judged.
 *
 * <p>Configuration keys: {@code level} (VIX points, &gt; 0), {@code jump} (share, &gt; 0, e.g. 0.25
 * for +25%).
 */
public final class VixExitRule implements Rule {

  /**
   * @param level VIX level at or above which short volatility is closed, &gt; 0
   * @param jump rise of VIX from its first level of the day, as a share, &gt; 0
   */
  public record Thresholds(double level, double jump) {
    public Thresholds {
      if (!(level > 0 && level <= 1000)) {
        throw badThreshold("VIX exit", "level", level, "in (0, 1000] VIX points");
      }
      if (!(jump > 0 && jump <= 100)) {
        throw badThreshold("VIX exit", "jump", jump, "a share in (0, 100] (0.25 = +25%)");
      }
    }
  }

  private final Thresholds t;

  public VixExitRule(Thresholds t) {
    if (t == null) {
      throw new IllegalArgumentException("VIX exit: thresholds are required");
    }
    this.t = t;
  }

  /** Reads {@code level} and {@code jump}. */
  public static VixExitRule from(RuleParams p) {
    Thresholds t = new Thresholds(p.decimal("level", 0, 1000), p.decimal("jump", 0, 100));
    p.finish();
    return new VixExitRule(t);
  }

  public Thresholds thresholds() {
    return t;
  }

  @Override
  public RuleId id() {
    return RuleId.VIX_EXIT;
  }

  @Override
  public Evaluation evaluate(RuleInput input) {
    if (input.state() != StrategyState.OPEN
        || !RiskSupport.anyHeld(input.legs())
        || !input.isCredit()) {
      return Evaluation.notApplicable(RuleId.VIX_EXIT);
    }
    double vix = input.vix();
    if (!RiskSupport.positive(vix)) {
      return Evaluation.waiting(RuleId.VIX_EXIT, "VIX is unknown");
    }
    double ref = input.vixReference();
    boolean hasRef = RiskSupport.positive(ref);
    double rise = hasRef ? vix / ref - 1 : Double.NaN;
    double progress = vix / t.level();
    if (hasRef) {
      progress = Math.max(progress, Math.max(0, rise / t.jump()));
    }
    boolean atLevel = vix >= t.level();
    boolean jumped = hasRef && rise >= t.jump() - RiskSupport.EPS;
    if (!atLevel && !jumped) {
      return Evaluation.quiet(RuleId.VIX_EXIT, progress);
    }
    StringBuilder why = new StringBuilder("VIX is ").append(fixed(vix, 2));
    if (atLevel) {
      why.append(", at or above the ").append(fixed(t.level(), 2)).append(" limit");
    }
    if (hasRef) {
      why.append(atLevel && jumped ? " and " : ", ")
          .append(rise >= 0 ? "up " : "down ")
          .append(percent(Math.abs(rise)))
          .append(" from ")
          .append(fixed(ref, 2))
          .append(" at the start of the day")
          .append(jumped ? " (limit +" + percent(t.jump()) + ")" : "");
    }
    why.append(
        ". Closing this short-volatility strategy; new entries pause until VIX is back within its"
            + " limits.");
    List<Measurement> ms = new ArrayList<>(2);
    ms.add(new Measurement("VIX", vix, t.level(), ""));
    if (hasRef) {
      ms.add(
          new Measurement("VIX rise since the start of the day", rise * 100, t.jump() * 100, "%"));
    }
    return Evaluation.fired(
        progress,
        Decision.of(
            input.strategyId(),
            DecisionAction.CLOSE,
            Urgency.HIGH,
            RuleId.VIX_EXIT,
            why.toString(),
            ms,
            input.now()));
  }
}
