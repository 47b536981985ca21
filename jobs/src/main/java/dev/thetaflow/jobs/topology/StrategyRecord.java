package dev.thetaflow.jobs.topology;

/**
 * A strategy's keyed state, as a Flink POJO so that it evolves (fields may be added; a restored
 * record reads the new ones as their defaults): the strategy itself as its domain JSON, the books
 * per leg as plain fields.
 */
public class StrategyRecord {
  /** {@link dev.thetaflow.core.strategy.Strategy} as DomainJson writes it. */
  public String strategyJson;

  public String account;
  public double commissions;

  /** Exit orders sent so far: the next exit's order reference sequence is this + 1. */
  public int exits;

  public LegRecord[] legs;

  public StrategyRecord() {}

  /** One leg's books. */
  public static class LegRecord {
    public long conId;
    public long position;
    public double averagePrice;
    public double realized;
    public double mark;

    /** Epoch milliseconds of the mark, -1 when never marked. */
    public long markedAtMillis;

    public LegRecord() {}
  }
}
