package dev.thetaflow.core.instrument;

/** The kind of instrument, venue-neutral (an adapter maps its own codes onto these). */
public enum SecType {
  /** Stock or ETF. */
  STK,
  /** Option on a stock, ETF or index. */
  OPT,
  /** Cash index such as SPX or VIX; not tradable itself. */
  IND,
  /** Future. */
  FUT,
  /** Option on a future. */
  FOP,
  /** A combination of legs traded as one order (a spread). */
  BAG,
  /** A currency pair. */
  CASH;

  /** OPT and FOP: an expiry, a strike and a right are required. */
  public boolean isOption() {
    return this == OPT || this == FOP;
  }

  /** OPT, FOP and FUT carry an expiry date. */
  public boolean hasExpiry() {
    return this == OPT || this == FOP || this == FUT;
  }
}
