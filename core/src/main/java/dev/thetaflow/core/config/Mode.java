package dev.thetaflow.core.config;

/** What the session trades against. Only {@link #LIVE} moves real money. */
public enum Mode implements ConfigEnum {
  /** ib-sim, our TWS-protocol simulator on a loopback port. */
  SIM("sim"),
  /** IB's paper-trading account: real market, simulated fills. */
  PAPER("paper"),
  /** A real IB account: real money. */
  LIVE("live");

  private final String configName;

  Mode(String configName) {
    this.configName = configName;
  }

  @Override
  public String configName() {
    return configName;
  }
}
