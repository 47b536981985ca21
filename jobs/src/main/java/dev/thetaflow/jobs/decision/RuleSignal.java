package dev.thetaflow.jobs.decision;

import dev.thetaflow.core.decision.Decision;
import dev.thetaflow.core.decision.RuleId;
import java.time.Instant;

/**
 * A confirm-rule's judgement of one strategy at one mark: breached, with the decision it would
 * take, or not (which ends a breach episode).
 */
public record RuleSignal(
    String strategyId, RuleId rule, boolean breached, Decision decision, Instant time) {
  public RuleSignal {
    if (strategyId == null || rule == null || time == null) {
      throw new IllegalArgumentException("rule signal: strategyId, rule and time are required");
    }
    if (breached != (decision != null)) {
      throw new IllegalArgumentException(
          "rule signal " + strategyId + " " + rule + ": a decision exactly when breached");
    }
  }
}
