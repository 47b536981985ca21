package dev.thetaflow.core.command;

/** What a command asks for; stored by name in the {@code commands} table. */
public enum CommandType {
  /** Open a strategy from a spec (legs by expiry/strike or by DTE/target delta). */
  OPEN_STRATEGY,
  /** Close one strategy. */
  CLOSE_STRATEGY,
  /** Close every open strategy; needs an explicit confirmation. */
  CLOSE_ALL,
  /** Stop opening new strategies; exits and adjustments go on. */
  PAUSE_ENTRIES,
  /** Open new strategies again after a pause. */
  RESUME_ENTRIES,
  /** Cancel every working order and halt new ones until released. */
  KILL_SWITCH,
  /** Lift the kill switch; needs an explicit confirmation. */
  RELEASE_KILL_SWITCH,
  /** Mark an alert as seen by a person. */
  ACKNOWLEDGE_ALERT,
  /**
   * Stop sending a closed strategy its instruments' market (the job writes it when a strategy
   * closes: its router and Greeks are upstream of the strategies and hear of it only this way).
   */
  RELEASE_STRATEGY
}
