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
 * @param value the level of a {@link Kind#VIX} control, NaN otherwise
 */
public record Control(Kind kind, String reason, Instant time, double value) {

  /** A command (no value). */
  public Control(Kind kind, String reason, Instant time) {
    this(kind, reason, time, Double.NaN);
  }

  /** VIX's level, for every strategy's rules (not a command: only strategies hear it). */
  public static Control vix(double level, Instant time) {
    return new Control(Kind.VIX, "VIX", time, level);
  }

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
    CLOSE_ALL,
    /** VIX moved: every open strategy's rules judge it ({@code value}). */
    VIX
  }
}
