package dev.thetaflow.core.market;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.time.Instant;

/**
 * The top of book of one instrument at one moment. A price is NaN when the venue has none (no bid,
 * never traded); a size is 0 when unknown. Prices may be negative (combo quotes).
 *
 * @param conId the instrument, &gt; 0
 * @param bid best bid, or NaN
 * @param ask best ask, or NaN
 * @param last last trade price, or NaN
 * @param bidSize size at the bid in contracts or shares, &ge; 0
 * @param askSize size at the ask, &ge; 0
 * @param lastSize size of the last trade, &ge; 0
 * @param time when the quote was true (venue time where available)
 */
public record Quote(
    long conId,
    double bid,
    double ask,
    double last,
    long bidSize,
    long askSize,
    long lastSize,
    Instant time) {

  public Quote {
    if (conId <= 0) {
      throw new IllegalArgumentException("quote conId must be > 0, was " + conId);
    }
    requirePriceOrNaN("bid", bid, conId);
    requirePriceOrNaN("ask", ask, conId);
    requirePriceOrNaN("last", last, conId);
    if (bidSize < 0 || askSize < 0 || lastSize < 0) {
      throw new IllegalArgumentException(
          "quote "
              + conId
              + ": sizes must be >= 0, were "
              + bidSize
              + "/"
              + askSize
              + "/"
              + lastSize);
    }
    if (time == null) {
      throw new IllegalArgumentException("quote " + conId + ": time is required");
    }
  }

  private static void requirePriceOrNaN(String field, double value, long conId) {
    if (Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          "quote " + conId + ": " + field + " must be finite or NaN (no price), was " + value);
    }
  }

  /** Both bid and ask present. */
  @JsonIgnore
  public boolean isTwoSided() {
    return !Double.isNaN(bid) && !Double.isNaN(ask);
  }

  /** (bid + ask) / 2, NaN unless two-sided. */
  public double mid() {
    return isTwoSided() ? 0.5 * (bid + ask) : Double.NaN;
  }

  /** ask − bid, NaN unless two-sided (negative when crossed). */
  public double spread() {
    return isTwoSided() ? ask - bid : Double.NaN;
  }

  /**
   * Bid above ask: a broken or racing feed, not a tradable market. A locked market is not crossed.
   */
  @JsonIgnore
  public boolean isCrossed() {
    return isTwoSided() && bid > ask;
  }

  /** True if the quote is older than {@code maxAge} at {@code now}. */
  public boolean isStale(Instant now, Duration maxAge) {
    return time.plus(maxAge).isBefore(now);
  }
}
