package dev.thetaflow.core.decision;

import dev.thetaflow.core.value.Ids;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * What one rule decided for one strategy at one moment, with the evidence. A HOLD may come without
 * a rule (nothing fired); every other action names the rule that caused it.
 *
 * @param strategyId the strategy decided about
 * @param action what to do
 * @param urgency how fast
 * @param rule the rule that fired, null only for HOLD
 * @param priority the rule's rank where it was decided (0 a person, 1 highest rule); {@link
 *     Integer#MAX_VALUE} for a HOLD without a rule
 * @param reason what happened, in words a trader reads in an alert, with the numbers; non-blank
 * @param measurements the values the rule measured and the thresholds it compared them with
 * @param legConIds the legs the action concerns (the tested side to adjust, the short leg at risk
 *     of assignment); empty when it concerns the whole strategy
 * @param time when the decision was taken (event time)
 */
public record Decision(
    String strategyId,
    DecisionAction action,
    Urgency urgency,
    RuleId rule,
    int priority,
    String reason,
    List<Measurement> measurements,
    List<Long> legConIds,
    Instant time) {

  /**
   * Arbiter order, first wins: lower priority first (a HOLD without a rule last), then higher
   * urgency, then the earlier decision.
   */
  public static final Comparator<Decision> BY_PRIORITY =
      Comparator.comparingInt(Decision::priority)
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
    if (rule == null ? priority != Integer.MAX_VALUE : priority < 0) {
      throw new IllegalArgumentException(
          "decision for " + strategyId + ": priority " + priority + " does not fit rule " + rule);
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("decision for " + strategyId + ": reason is required");
    }
    measurements = measurements == null ? List.of() : List.copyOf(measurements);
    legConIds = legConIds == null ? List.of() : List.copyOf(legConIds);
  }

  /** A decision of {@code rule} at its default priority. */
  public static Decision of(
      String strategyId,
      DecisionAction action,
      Urgency urgency,
      RuleId rule,
      String reason,
      List<Measurement> measurements,
      Instant time) {
    return new Decision(
        strategyId,
        action,
        urgency,
        rule,
        rule.defaultPriority(),
        reason,
        measurements,
        List.of(),
        time);
  }

  /** The same decision about the given legs only. */
  public Decision forLegs(List<Long> conIds) {
    return new Decision(
        strategyId, action, urgency, rule, priority, reason, measurements, conIds, time);
  }

  /** Nothing to do. */
  public static Decision hold(String strategyId, String reason, Instant time) {
    return new Decision(
        strategyId,
        DecisionAction.HOLD,
        Urgency.LOW,
        null,
        Integer.MAX_VALUE,
        reason,
        List.of(),
        List.of(),
        time);
  }

  /** The same decision at the rank its rule has in a configured order. */
  public Decision withPriority(int newPriority) {
    return new Decision(
        strategyId, action, urgency, rule, newPriority, reason, measurements, legConIds, time);
  }
}
