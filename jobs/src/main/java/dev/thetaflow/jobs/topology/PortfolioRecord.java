package dev.thetaflow.jobs.topology;

/**
 * The portfolio operator's account-level state, a Flink POJO so that it evolves: fields may be
 * added, and a restored record reads them as 0, which is why "never" is 0 everywhere.
 */
public class PortfolioRecord {
  /** The account whose values are used (the first that reported), null until one did. */
  public String account;

  /**
   * Net liquidation in the account's base currency; valid when {@link #netLiquidationAtMillis} > 0.
   */
  public double netLiquidation;

  public long netLiquidationAtMillis;

  /** Maintenance margin; valid when {@link #marginAtMillis} &gt; 0. */
  public double margin;

  public long marginAtMillis;

  /** Net liquidation at the start of the exchange day {@link #baselineDay} (epoch day; 0 none). */
  public double baseline;

  public long baselineDay;

  /** The latest event time seen, epoch millis. */
  public long nowMillis;

  /** When a summary was last emitted, epoch millis; 0 never. */
  public long emittedAtMillis;

  public PortfolioRecord() {}
}
