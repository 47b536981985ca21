package dev.thetaflow.sinks.notify;

import dev.thetaflow.core.alert.Alert;
import dev.thetaflow.core.alert.Severity;
import java.time.Instant;

/**
 * One message to people: an alert that passed the policy, or the policy's summary of the alerts it
 * held back.
 *
 * @param time when the condition was observed (for a summary: when its minute ended)
 * @param severity how urgent
 * @param code the alert's stable code, e.g. ORDER_DENIED
 * @param strategyId the strategy concerned, or null
 * @param source the component that raised it
 * @param text what happened, with the numbers that matter
 */
public record Notification(
    Instant time, Severity severity, String code, String strategyId, String source, String text) {

  public Notification {
    if (time == null || severity == null || code == null || source == null || text == null) {
      throw new IllegalArgumentException(
          "notification " + code + ": time, severity, code, source and text are required");
    }
  }

  static Notification of(Alert a) {
    return new Notification(
        a.time(), a.severity(), a.code(), a.strategyId(), a.source(), a.message());
  }

  /** "WARNING ORDER_DENIED ic-1": severity, code and strategy, as subjects and chat lines start. */
  public String headline() {
    return severity + " " + code + (strategyId == null ? "" : " " + strategyId);
  }
}
