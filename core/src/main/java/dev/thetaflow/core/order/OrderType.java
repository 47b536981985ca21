package dev.thetaflow.core.order;

/** Order types the system places, venue-neutral. */
public enum OrderType {
  /** Limit: needs a limit price. */
  LMT,
  /** Market: no prices. */
  MKT,
  /** Stop: becomes a market order at the stop price; needs a stop price. */
  STP,
  /** Stop-limit: becomes a limit order at the stop price; needs both. */
  STP_LMT,
  /** Trailing stop: needs a trailing amount or a trailing percent. */
  TRAIL;

  public boolean needsLimitPrice() {
    return this == LMT || this == STP_LMT;
  }

  public boolean needsStopPrice() {
    return this == STP || this == STP_LMT;
  }
}
