package dev.thetaflow.core.market;

/** Whether market data is live, frozen (last values of a closed market) or delayed. */
public enum MarketDataKind {
  REAL_TIME,
  FROZEN,
  DELAYED,
  DELAYED_FROZEN;

  /** Rules act on live data only. */
  public boolean isLive() {
    return this == REAL_TIME;
  }
}
