package dev.thetaflow.sinks.delta;

import java.io.Serializable;

/**
 * Turns one record into the values of one Delta row, in the order of the table's schema fields.
 *
 * <p>Java types per Delta type: long/int/short/byte/double/float/boolean boxed, String, {@code
 * java.time.LocalDate} for date, {@code java.time.Instant} for timestamp, {@code
 * java.math.BigDecimal} for decimal; {@code null} for an absent value of a nullable column. The
 * sink checks every value against the schema and names the table and column of one that does not
 * fit.
 */
@FunctionalInterface
public interface RowConverter<T> extends Serializable {

  /** The row's values, one per schema field, in schema order. */
  Object[] toRow(T record);
}
