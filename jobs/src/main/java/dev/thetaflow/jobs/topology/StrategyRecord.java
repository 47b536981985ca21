package dev.thetaflow.jobs.topology;

import dev.thetaflow.core.risk.LegGreeks;
import dev.thetaflow.core.risk.PositionGreeks;
import dev.thetaflow.core.strategy.Strategy;
import dev.thetaflow.core.strategy.StrategyBook;
import java.util.List;

/**
 * A strategy's keyed state, as a Flink POJO so that it evolves (fields may be added; a restored
 * record reads the new ones as their defaults, which is why "never" is 0 or less everywhere): the
 * strategy itself as its domain JSON, the books and analytics per leg as plain fields.
 *
 * <p>The transient fields cache the parsed strategy and its book between events. The heap state
 * backend hands the same record back, so a mark does not parse JSON; a backend that copies or
 * deserialises the record drops them, and they are rebuilt from the persistent fields.
 */
public class StrategyRecord {
  /** {@link dev.thetaflow.core.strategy.Strategy} as DomainJson writes it. */
  public String strategyJson;

  public String account;
  public double commissions;

  /** Exit orders sent so far: the next exit's order reference sequence is this + 1. */
  public int exits;

  /** The underlying's conId; its quotes are the legs' spot. */
  public long underlyingConId;

  /** The underlying's last sane price (mid, else last), 0 when never seen. */
  public double spot;

  public long spotAtMillis;

  /** When a snapshot driven by marks alone was last recorded, epoch millis. */
  public long recordedAtMillis;

  /** The spot when the rules last judged; 0 or less: never. */
  public double spotJudged;

  public LegRecord[] legs;

  /**
   * The latest exit or adjustment order whose fills are counted, and the contracts they brought.
   */
  public String countedRef;

  public long countedContracts;

  /**
   * Contracts {@link #countedRef} filled by the broker's count when it ended (filled, cancelled)
   * before its fills were all in; 0: none awaited. Until they are, the strategy stays CLOSING or
   * ADJUSTING.
   */
  public long awaitedContracts;

  /** Adjustment orders seen so far (the highest ADJUST sequence the broker reported). */
  public int adjusts;

  /** The best P&amp;L since the strategy opened and when it was; 0 or less: none yet. */
  public double peakPnl;

  public long peakAtMillis;

  /**
   * The underlying's reference for gaps on the trading day {@link #spotReferenceDay} (epoch day):
   * its last price before that day when the strategy was held over the close, else the first price
   * it saw that day.
   */
  public double spotReference;

  public long spotReferenceDay;

  /** The New York trading day (epoch day) of {@link #spot}; 0: none. */
  public long spotDay;

  /** When {@link #spotDay} ends, epoch millis (a cache: a later tick is on a new day). */
  public long spotDayEndMillis;

  /** The underlying's last price before {@link #spotDay}; 0 or less: none seen. */
  public double spotBeforeDay;

  /** The strategy's IV (mean of held legs) when first known while open; 0 or less: not yet. */
  public double ivAtEntry;

  public long ivAtEntryMillis;

  /** Rules (bit = RuleId ordinal) that fired at the last evaluation. */
  public int firedRules;

  /** Rules whose decision was sent on in their current firing episode. */
  public int decidedRules;

  /** The P&amp;L of the last evaluation and when it was; 0 or less: none yet. */
  public double lastPnl;

  public long lastPnlAtMillis;

  /** Confirm-rules breached at the last evaluation (their CEP episode may be running). */
  public int breachedRules;

  /** Rules within the near-trigger share of their threshold (alerted once per episode). */
  public int nearRules;

  /** When decisions were last sent on, epoch millis. */
  public long decidedAtMillis;

  /**
   * The underlying's next dividend per share and its ex-date (epoch day), as the broker last said;
   * 0 or less: none known (a record from before the feed reads none).
   */
  public double nextDividend;

  public long nextDividendExDay;

  /** Whether its release (once CLOSED) was sent to the commands table. */
  public boolean released;

  public transient Strategy strategy;
  public transient StrategyBook book;

  /** The strategy's Greeks as last summed (null: none), valid while {@link #totalCached}. */
  public transient PositionGreeks total;

  public transient boolean totalCached;

  /** The legs' latest Greeks as the snapshot shows them, valid with {@link #totalCached}. */
  public transient List<LegGreeks> legGreeks;

  /** The payoff's extremes at {@link #payoffOpening} (derived, not state). */
  public transient dev.thetaflow.core.strategy.ExpiryPayoff payoff;

  public transient double payoffOpening;

  public StrategyRecord() {}

  /** The leg record of {@code conId}, or null. */
  LegRecord leg(long conId) {
    if (legs == null) {
      return null;
    }
    long[] ids = legConIds;
    if (ids == null || legConIdsOf != legs) {
      ids = new long[legs.length];
      for (int i = 0; i < legs.length; i++) {
        ids[i] = legs[i].conId;
      }
      legConIds = ids;
      legConIdsOf = legs;
    }
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] == conId) {
        return legs[i];
      }
    }
    return null;
  }

  /** The legs' conIds side by side (derived): a lookup reads one array, not every leg record. */
  private transient long[] legConIds;

  private transient LegRecord[] legConIdsOf; // the array legConIds was read from

  /** One leg's books, its last quote and its Greeks. */
  public static class LegRecord {
    public long conId;
    public long position;
    public double averagePrice;
    public double realized;
    public double mark;

    /** Epoch milliseconds of the mark, -1 when never marked. */
    public long markedAtMillis;

    public double bid;
    public double ask;
    public double last;

    /**
     * When its latest quote was rejected (one-sided, crossed, too wide), epoch millis; a mark older
     * than that is not the market any more, so the rules wait for a sane quote.
     */
    public long rejectedAtMillis;

    /** The underlying's price when the leg was last marked; 0 or less: unknown. */
    public double spotAtMark;

    /** Its last implied volatility and Greeks, as {@link GreeksOperator} sent them. */
    public SolveRecord solve = new SolveRecord();

    public LegRecord() {}
  }
}
