package dev.thetaflow.core.decision;

/**
 * The twelve exit and risk rules, in priority order. When several fire for one strategy at once,
 * the lowest {@link #priority()} wins: a catastrophe beats a stop loss beats a take profit.
 */
public enum RuleId {
  CATASTROPHE(1),
  STOP_LOSS(2),
  TRAILING_STOP(3),
  TAKE_PROFIT(4),
  TIME_EXIT(5),
  DTE_ROLL(6),
  DELTA_RISK(7),
  GAMMA_RISK(8),
  IV_CRUSH(9),
  VIX_EXIT(10),
  PORTFOLIO_LIMITS(11),
  ASSIGNMENT_RISK(12);

  private final int priority;

  RuleId(int priority) {
    this.priority = priority;
  }

  /** 1 (highest) to 12 (lowest). */
  public int priority() {
    return priority;
  }
}
