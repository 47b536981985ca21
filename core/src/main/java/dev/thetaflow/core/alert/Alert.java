package dev.thetaflow.core.alert;

import java.time.Instant;

/**
 * Something a person should know about, e.g. an order the risk gate refused or a lost connection.
 *
 * @param id unique id of this alert (used to deduplicate on replay), non-blank
 * @param time when the condition was observed
 * @param severity how urgent
 * @param source the component that raised it (risk-gate, ib-client), non-blank
 * @param code a stable machine-readable code (ORDER_DENIED, CONNECTION_LOST), non-blank
 * @param message human-readable text with the numbers that matter, non-blank
 * @param strategyId the strategy concerned, or null when the alert is not about one
 */
public record Alert(
    String id,
    Instant time,
    Severity severity,
    String source,
    String code,
    String message,
    String strategyId) {

  public Alert {
    requireText("id", id);
    if (time == null || severity == null) {
      throw new IllegalArgumentException("alert " + id + ": time and severity are required");
    }
    requireText("source", source);
    requireText("code", code);
    requireText("message", message);
    if (strategyId != null && strategyId.isBlank()) {
      throw new IllegalArgumentException("alert " + id + ": strategyId must be null or non-blank");
    }
  }

  private static void requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "alert " + field + " must be non-blank, was '" + value + "'");
    }
  }
}
