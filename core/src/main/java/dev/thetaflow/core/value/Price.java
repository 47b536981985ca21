package dev.thetaflow.core.value;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A price that lies exactly on a tick grid, held as an exact decimal so that {@code 24 × 0.05} is
 * {@code 1.20} and never {@code 1.2000000000000002}.
 *
 * <p>Units: currency units per unit of the instrument as quoted (an option premium per share, not
 * per contract). Negative values are allowed because a combo's net price can be a credit.
 *
 * @param value the price, an exact multiple of {@code tick}
 * @param tick the minimum price increment, &gt; 0
 */
public record Price(BigDecimal value, BigDecimal tick) implements Comparable<Price> {

  /**
   * A double within this many ticks (plus a few ulps of the raw value, for large prices) of a grid
   * point is taken to be on it, so that floating-point noise (1.2000000000000002) never moves a
   * directional rounding by a whole tick.
   */
  private static final double SNAP_TICKS = 1e-9;

  private static final double SNAP_ULPS = 16.0;

  public Price {
    if (value == null) {
      throw new IllegalArgumentException("price value is required");
    }
    if (tick == null || tick.signum() <= 0) {
      throw new IllegalArgumentException("price tick must be > 0, was " + tick);
    }
    if (value.remainder(tick).signum() != 0) {
      throw new IllegalArgumentException(
          "price value must be a multiple of tick " + tick.toPlainString() + ", was " + value);
    }
    tick = tick.stripTrailingZeros();
    value = value.setScale(Math.max(tick.scale(), 0), RoundingMode.UNNECESSARY);
  }

  /** Rounds {@code raw} onto the grid of {@code tick}; NaN and infinities are rejected. */
  public static Price of(double raw, BigDecimal tick, TickRounding rounding) {
    if (!Double.isFinite(raw)) {
      throw new IllegalArgumentException("price must be finite, was " + raw);
    }
    if (tick == null || tick.signum() <= 0) {
      throw new IllegalArgumentException("price tick must be > 0, was " + tick);
    }
    if (rounding == null) {
      throw new IllegalArgumentException("tick rounding is required");
    }
    BigDecimal ticks = BigDecimal.valueOf(raw).divide(tick, 12, RoundingMode.HALF_EVEN);
    BigDecimal nearest = ticks.setScale(0, RoundingMode.HALF_UP);
    double snap = SNAP_TICKS + SNAP_ULPS * Math.ulp(raw) / tick.doubleValue();
    BigDecimal onGrid =
        ticks.subtract(nearest).abs().doubleValue() <= snap
            ? nearest
            : ticks.setScale(0, mode(rounding));
    return new Price(onGrid.multiply(tick), tick);
  }

  /** As {@link #of(double, BigDecimal, TickRounding)} with the tick given as a double (0.05). */
  public static Price of(double raw, double tick, TickRounding rounding) {
    if (!(tick > 0.0) || Double.isInfinite(tick)) {
      throw new IllegalArgumentException("price tick must be a finite number > 0, was " + tick);
    }
    return of(raw, BigDecimal.valueOf(tick), rounding);
  }

  /** Parses an exact decimal that must already lie on the grid, e.g. {@code "1.25"} at 0.05. */
  public static Price parse(String exact, BigDecimal tick) {
    if (exact == null || exact.isBlank()) {
      throw new IllegalArgumentException("price text is required");
    }
    return new Price(new BigDecimal(exact.trim()), tick);
  }

  private static RoundingMode mode(TickRounding rounding) {
    return switch (rounding) {
      case NEAREST -> RoundingMode.HALF_UP;
      case DOWN -> RoundingMode.FLOOR;
      case UP -> RoundingMode.CEILING;
    };
  }

  /** The price as a double, for analytics only. */
  public double toDouble() {
    return value.doubleValue();
  }

  /** The number of ticks from zero (negative for negative prices). */
  public long ticks() {
    return value.divide(tick, 0, RoundingMode.UNNECESSARY).longValueExact();
  }

  /** The price {@code n} ticks higher (negative {@code n}: lower). */
  public Price plusTicks(long n) {
    return new Price(value.add(tick.multiply(BigDecimal.valueOf(n))), tick);
  }

  /** The same amount with the opposite sign, e.g. a credit turned into a debit. */
  public Price negate() {
    return new Price(value.negate(), tick);
  }

  /** The exact decimal text an order carries on the wire: no exponent, no trailing zeros. */
  public String toWire() {
    return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
  }

  /** Compares by value only; prices on different grids compare by amount. */
  @Override
  public int compareTo(Price other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return toWire();
  }
}
