package dev.thetaflow.jobs.decision;

import dev.thetaflow.core.decision.Decision;
import dev.thetaflow.core.decision.RuleId;
import dev.thetaflow.core.value.Ids;
import java.time.Instant;
import java.util.Set;

/**
 * What a confirmed rule (trailing stop, stop loss) judged on one mark of one strategy, before
 * {@link Confirmations} decides whether the breach held. The strategy operator emits one per judged
 * mark while a breach episode may be running: every breached mark, and the first un-breached mark
 * after a breach (which cancels the episode).
 *
 * @param strategyId the strategy judged
 * @param rule {@link RuleId#TRAILING_STOP} or {@link RuleId#STOP_LOSS}
 * @param breached whether the mark breached the rule's threshold
 * @param decision what the rule would decide if this breach is confirmed; non-null exactly when
 *     breached, for the same strategy and rule
 * @param time the mark's event time; the confirmation's hold is measured on these times
 */
public record RuleSignal(
    String strategyId, RuleId rule, boolean breached, Decision decision, Instant time) {

  /** The rules whose breaches wait for a confirmation. */
  public static final Set<RuleId> RULES = Set.of(RuleId.TRAILING_STOP, RuleId.STOP_LOSS);

  public RuleSignal {
    Ids.requireStrategyId(strategyId);
    if (rule == null || !RULES.contains(rule)) {
      throw new IllegalArgumentException(
          "signal for " + strategyId + ": rule must be one of " + RULES + ", was " + rule);
    }
    if (time == null) {
      throw new IllegalArgumentException("signal for " + strategyId + ": time is required");
    }
    if (breached != (decision != null)) {
      throw new IllegalArgumentException(
          "signal for "
              + strategyId
              + " ("
              + rule
              + "): a decision comes exactly with a breach, breached="
              + breached
              + " decision="
              + decision);
    }
    if (decision != null
        && (!decision.strategyId().equals(strategyId) || decision.rule() != rule)) {
      throw new IllegalArgumentException(
          "signal for "
              + strategyId
              + " ("
              + rule
              + ") carries a decision of "
              + decision.strategyId()
              + " ("
              + decision.rule()
              + ")");
    }
  }

  /** A breached mark and what its rule would decide. */
  public static RuleSignal breach(Decision decision) {
    return new RuleSignal(decision.strategyId(), decision.rule(), true, decision, decision.time());
  }

  /** A mark that did not breach: it cancels a running episode. */
  public static RuleSignal clear(String strategyId, RuleId rule, Instant time) {
    return new RuleSignal(strategyId, rule, false, null, time);
  }
}
