package dev.thetaflow.jobs.topology;

import java.time.Instant;

/**
 * A command to every strategy and to the risk gate: broadcast, so that each strategy knows the
 * switches before it sends an order (and knows when it was not allowed to), while the gate stays
 * the last line before the broker.
 *
 * @param kind what to do
 * @param reason why, as the command gave it
 * @param time when it was issued
 */
public record Control(Kind kind, String reason, Instant time) {

  /** What a control does. */
  public enum Kind {
    /** Cancel every working order and let nothing new leave. */
    KILL,
    /** Lift the kill switch. */
    RELEASE,
    /** Let no entry leave; exits still do. */
    PAUSE_ENTRIES,
    /** Let entries leave again. */
    RESUME_ENTRIES,
    /** Close every open strategy (the gate ignores it). */
    CLOSE_ALL
  }
}
