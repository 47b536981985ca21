package dev.thetaflow.core.strategy;

/** The shape of an option strategy, with the number of legs it must have (−1: any). */
public enum StrategyType {
  /** Short put vertical + short call vertical, same expiry: 4 legs. */
  IRON_CONDOR(4),
  /** Iron condor whose short strikes coincide: 4 legs. */
  IRON_BUTTERFLY(4),
  /** Two puts, same expiry, one long and one short. */
  PUT_VERTICAL(2),
  /** Two calls, same expiry, one long and one short. */
  CALL_VERTICAL(2),
  /** A put and a call at different strikes, same direction. */
  STRANGLE(2),
  /** A put and a call at the same strike, same direction. */
  STRADDLE(2),
  /** Same strike and right, different expiries. */
  CALENDAR(2),
  /** Anything else. */
  CUSTOM(-1);

  private final int legCount;

  StrategyType(int legCount) {
    this.legCount = legCount;
  }

  /** Legs the type needs, or −1 when any number is fine. */
  public int legCount() {
    return legCount;
  }
}
