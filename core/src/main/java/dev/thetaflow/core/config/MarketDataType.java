package dev.thetaflow.core.config;

/** IB market data type, as requested with {@code reqMarketDataType}. */
public enum MarketDataType implements ConfigEnum {
  REALTIME("realtime", 1),
  /** The last real-time data at the close, for when the market is shut. */
  FROZEN("frozen", 2),
  /** 15-20 minute delayed data, free of subscriptions. */
  DELAYED("delayed", 3),
  DELAYED_FROZEN("delayed-frozen", 4);

  private final String configName;
  private final int ibCode;

  MarketDataType(String configName, int ibCode) {
    this.configName = configName;
    this.ibCode = ibCode;
  }

  @Override
  public String configName() {
    return configName;
  }

  /** The number TWS expects in {@code reqMarketDataType}. */
  public int ibCode() {
    return ibCode;
  }
}
