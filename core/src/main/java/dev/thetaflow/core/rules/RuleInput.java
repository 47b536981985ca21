package dev.thetaflow.core.rules;

import dev.thetaflow.core.risk.PositionGreeks;
import dev.thetaflow.core.strategy.StrategyState;
import dev.thetaflow.core.strategy.StrategyType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * One strategy at one moment, everything a rule may read. Money is in the account's currency for
 * the whole position (multiplier and quantity applied); a number that is not known is NaN and a
 * rule that needs it does not fire.
 *
 * @param strategyId the strategy
 * @param type its shape
 * @param state its state; rules judge OPEN strategies (the caller decides which states to judge)
 * @param now event time of the change being judged
 * @param tradeDate the exchange's date at {@code now} (America/New_York)
 * @param exchangeTime the exchange's wall-clock time at {@code now}
 * @param entryCredit money received at entry for the whole position: &gt; 0 a credit, &lt; 0 a
 *     debit (the opening net price × multiplier × quantity)
 * @param maxProfit the most the position can make at expiry, &gt; 0, or +∞ when unbounded
 * @param maxLoss the most it can lose at expiry as a positive amount, or +∞ when unbounded
 * @param pnl realized + unrealized − commissions at fresh marks, NaN when a held leg has no usable
 *     mark
 * @param peakPnl the best {@code pnl} since the strategy opened (for the trailing stop), NaN before
 *     the first
 * @param marksUsable every held leg's quote is fresh and sane; false makes mark-based rules wait
 * @param spot the underlying's price, NaN when unknown
 * @param spotReference the underlying's reference for gaps: the previous close (its last price
 *     before today) for a strategy held over it, else its first price seen today (NaN when unknown)
 * @param vix the VIX level, NaN when not subscribed or not seen yet
 * @param vixReference VIX's first level of the trading day, NaN when unknown
 * @param iv the strategy's implied volatility now: the mean of its held legs' solved IVs, NaN when
 *     a held leg has none
 * @param ivAtEntry the same measure when the strategy opened, NaN when unknown
 * @param dte calendar days from {@code tradeDate} to the nearest expiry among held legs (0 on
 *     expiration day), -1 when no held leg expires
 * @param daysHeld days since the strategy opened, fractional
 * @param greeks the strategy's Greeks in position units, null when a held leg has none
 * @param legs the legs in the strategy's order
 * @param nextDividend the underlying's next known dividend, null when none is known
 */
public record RuleInput(
    String strategyId,
    StrategyType type,
    StrategyState state,
    Instant now,
    LocalDate tradeDate,
    LocalTime exchangeTime,
    double entryCredit,
    double maxProfit,
    double maxLoss,
    double pnl,
    double peakPnl,
    boolean marksUsable,
    double spot,
    double spotReference,
    double vix,
    double vixReference,
    double iv,
    double ivAtEntry,
    int dte,
    double daysHeld,
    PositionGreeks greeks,
    List<LegView> legs,
    Dividend nextDividend) {

  public RuleInput {
    if (strategyId == null || type == null || state == null || now == null) {
      throw new IllegalArgumentException(
          "rule input: strategyId, type, state and now are required");
    }
    if (tradeDate == null || exchangeTime == null || legs == null) {
      throw new IllegalArgumentException(
          "rule input " + strategyId + ": tradeDate, exchangeTime and legs are required");
    }
    legs = List.copyOf(legs);
  }

  /** A credit strategy (short premium): entered for money received. */
  public boolean isCredit() {
    return entryCredit > 0;
  }

  /** The underlying's next dividend. */
  public record Dividend(double amount, LocalDate exDate) {
    public Dividend {
      if (!(amount > 0) || Double.isInfinite(amount) || exDate == null) {
        throw new IllegalArgumentException(
            "dividend: amount must be > 0 and the ex-date known, were " + amount + ", " + exDate);
      }
    }
  }

  /** Builds inputs field by field; what is not set is unknown (NaN, null) or empty. */
  public static Builder builder(String strategyId, StrategyType type, Instant now) {
    return new Builder(strategyId, type, now);
  }

  /** For tests and for the operator that assembles inputs. */
  public static final class Builder {
    private final String strategyId;
    private final StrategyType type;
    private final Instant now;
    private StrategyState state = StrategyState.OPEN;
    private LocalDate tradeDate;
    private LocalTime exchangeTime;
    private double entryCredit = Double.NaN;
    private double maxProfit = Double.NaN;
    private double maxLoss = Double.NaN;
    private double pnl = Double.NaN;
    private double peakPnl = Double.NaN;
    private boolean marksUsable = true;
    private double spot = Double.NaN;
    private double spotReference = Double.NaN;
    private double vix = Double.NaN;
    private double vixReference = Double.NaN;
    private double iv = Double.NaN;
    private double ivAtEntry = Double.NaN;
    private int dte = -1;
    private double daysHeld;
    private PositionGreeks greeks;
    private List<LegView> legs = List.of();
    private Dividend nextDividend;

    private Builder(String strategyId, StrategyType type, Instant now) {
      this.strategyId = strategyId;
      this.type = type;
      this.now = now;
      var ny = now.atZone(dev.thetaflow.core.time.UsEquityCalendar.ZONE);
      this.tradeDate = ny.toLocalDate();
      this.exchangeTime = ny.toLocalTime();
    }

    public Builder state(StrategyState v) {
      state = v;
      return this;
    }

    public Builder money(double entryCredit, double maxProfit, double maxLoss) {
      this.entryCredit = entryCredit;
      this.maxProfit = maxProfit;
      this.maxLoss = maxLoss;
      return this;
    }

    public Builder pnl(double pnl, double peakPnl) {
      this.pnl = pnl;
      this.peakPnl = peakPnl;
      return this;
    }

    public Builder marksUsable(boolean v) {
      marksUsable = v;
      return this;
    }

    public Builder spot(double spot, double reference) {
      this.spot = spot;
      this.spotReference = reference;
      return this;
    }

    public Builder vix(double vix, double reference) {
      this.vix = vix;
      this.vixReference = reference;
      return this;
    }

    public Builder iv(double iv, double atEntry) {
      this.iv = iv;
      this.ivAtEntry = atEntry;
      return this;
    }

    public Builder dte(int v) {
      dte = v;
      return this;
    }

    public Builder daysHeld(double v) {
      daysHeld = v;
      return this;
    }

    public Builder greeks(PositionGreeks v) {
      greeks = v;
      return this;
    }

    public Builder legs(List<LegView> v) {
      legs = v;
      return this;
    }

    public Builder nextDividend(Dividend v) {
      nextDividend = v;
      return this;
    }

    public RuleInput build() {
      return new RuleInput(
          strategyId,
          type,
          state,
          now,
          tradeDate,
          exchangeTime,
          entryCredit,
          maxProfit,
          maxLoss,
          pnl,
          peakPnl,
          marksUsable,
          spot,
          spotReference,
          vix,
          vixReference,
          iv,
          ivAtEntry,
          dte,
          daysHeld,
          greeks,
          legs,
          nextDividend);
    }
  }
}
