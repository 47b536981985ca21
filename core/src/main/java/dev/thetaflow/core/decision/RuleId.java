package dev.thetaflow.core.decision;

/**
 * The twelve exit and risk rules in their default priority order, and a person's command before
 * them all. When several fire for one strategy at once the lowest priority wins. The order can be
 * changed per strategy type in the configuration ({@code rules.priority}); a {@link Decision}
 * carries the priority its rule had where it was decided.
 */
public enum RuleId {
  /** A person's close command (CLI, dashboard, close-all): outranks every rule. */
  MANUAL(0),
  CATASTROPHE(1),
  TRAILING_STOP(2),
  TIME_EXIT(3),
  TAKE_PROFIT(4),
  STOP_LOSS(5),
  DELTA_RISK(6),
  GAMMA_RISK(7),
  IV_CRUSH(8),
  DTE_ROLL(9),
  VIX_EXIT(10),
  PORTFOLIO_LIMITS(11),
  ASSIGNMENT_RISK(12);

  private final int defaultPriority;

  RuleId(int defaultPriority) {
    this.defaultPriority = defaultPriority;
  }

  /** 0 (a person), then 1 (highest rule) to 12 (lowest), unless configured otherwise. */
  public int defaultPriority() {
    return defaultPriority;
  }
}
