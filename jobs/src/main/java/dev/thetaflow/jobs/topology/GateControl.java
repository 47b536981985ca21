package dev.thetaflow.jobs.topology;

/**
 * A command to the risk gate.
 *
 * @param kind what to switch
 * @param reason why, as the command gave it
 */
public record GateControl(Kind kind, String reason) {

  /** The gate's switches. */
  public enum Kind {
    /** Cancel every working order and let nothing new leave. */
    KILL,
    /** Lift the kill switch. */
    RELEASE,
    /** Let no entry leave; exits still do. */
    PAUSE_ENTRIES,
    /** Let entries leave again. */
    RESUME_ENTRIES
  }
}
