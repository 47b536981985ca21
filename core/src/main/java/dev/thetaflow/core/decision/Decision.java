package dev.thetaflow.core.decision;

import dev.thetaflow.core.value.Ids;
import java.time.Instant;
import java.util.Comparator;

/**
 * What one rule decided for one strategy at one moment. A HOLD may come without a rule (nothing
 * fired); every other action names the rule that caused it.
 *
 * @param strategyId the strategy decided about
 * @param action what to do
 * @param urgency how fast
 * @param rule the rule that fired, null only for HOLD
 * @param reason human-readable explanation with the numbers that triggered it, non-blank
 * @param time when the decision was taken (event time)
 */
public record Decision(
    String strategyId,
    DecisionAction action,
    Urgency urgency,
    RuleId rule,
    String reason,
    Instant time) {

  /**
   * Arbiter order, first wins: lower rule priority first (a HOLD without a rule last), then higher
   * urgency, then the earlier decision.
   */
  public static final Comparator<Decision> BY_PRIORITY =
      Comparator.comparingInt(
              (Decision d) -> d.rule == null ? Integer.MAX_VALUE : d.rule.priority())
          .thenComparing(Decision::urgency, Comparator.reverseOrder())
          .thenComparing(Decision::time);

  public Decision {
    Ids.requireStrategyId(strategyId);
    if (action == null || urgency == null || time == null) {
      throw new IllegalArgumentException(
          "decision for " + strategyId + ": action, urgency and time are required");
    }
    if (rule == null && action != DecisionAction.HOLD) {
      throw new IllegalArgumentException(
          "decision for " + strategyId + ": action " + action + " needs the rule that caused it");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("decision for " + strategyId + ": reason is required");
    }
  }
}
