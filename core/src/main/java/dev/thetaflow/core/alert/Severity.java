package dev.thetaflow.core.alert;

/** How much attention an alert needs. */
public enum Severity {
  /** For the record. */
  INFO,
  /** Someone should look soon. */
  WARNING,
  /** Someone must act now (money at risk, trading halted). */
  CRITICAL
}
