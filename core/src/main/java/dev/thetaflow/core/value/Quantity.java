package dev.thetaflow.core.value;

/**
 * An unsigned number of whole units (contracts for options, shares for stock, combo units for a
 * strategy). Direction lives elsewhere: in a {@code Side} for orders and fills, in a signed {@code
 * long} for positions and leg ratios.
 *
 * <p>Fractional quantities are not supported: a venue that reports {@code 2.5} shares must be
 * rejected by its adapter, not truncated.
 *
 * @param units the count, &ge; 0
 */
public record Quantity(long units) implements Comparable<Quantity> {

  public static final Quantity ZERO = new Quantity(0);

  public Quantity {
    if (units < 0) {
      throw new IllegalArgumentException("quantity must be >= 0, was " + units);
    }
  }

  public static Quantity of(long units) {
    return new Quantity(units);
  }

  public boolean isZero() {
    return units == 0;
  }

  /** The sum; fails on overflow rather than wrapping. */
  public Quantity plus(Quantity other) {
    return new Quantity(Math.addExact(units, other.units));
  }

  /** The difference; fails if it would be negative. */
  public Quantity minus(Quantity other) {
    long result = units - other.units;
    if (result < 0) {
      throw new IllegalArgumentException(
          "quantity " + units + " minus " + other.units + " would be negative");
    }
    return new Quantity(result);
  }

  @Override
  public int compareTo(Quantity other) {
    return Long.compare(units, other.units);
  }

  @Override
  public String toString() {
    return Long.toString(units);
  }
}
