package dev.thetaflow.core.value;

/**
 * How a raw price is brought onto the tick grid.
 *
 * <p>{@link #DOWN} is the passive direction for a buyer (never pay more than asked for) and {@link
 * #UP} the passive direction for a seller; both hold for negative combo prices too, because a lower
 * price is always better for the buyer.
 */
public enum TickRounding {
  /** To the nearest tick; an exact half tick goes away from zero. */
  NEAREST,
  /** Toward negative infinity: the passive side for a buy order. */
  DOWN,
  /** Toward positive infinity: the passive side for a sell order. */
  UP
}
