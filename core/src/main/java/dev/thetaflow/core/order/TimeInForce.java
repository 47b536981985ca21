package dev.thetaflow.core.order;

/** How long an order stays working. */
public enum TimeInForce {
  /** Until the end of the regular session. */
  DAY,
  /** Until cancelled. */
  GTC,
  /** Fill what is possible at once, cancel the rest. */
  IOC
}
