package dev.thetaflow.core.market;

/** Which price the broker's option model was evaluated at. */
public enum ModelTickSource {
  BID,
  ASK,
  LAST,
  /** The broker's own model price and volatility. */
  MODEL,
  /** A one-off calculation the client asked for. */
  CUSTOM
}
