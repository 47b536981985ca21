package dev.thetaflow.sinks.tail;

import java.io.Serializable;

/** Turns a row of the followed table into the record the source emits; null emits nothing. */
@FunctionalInterface
public interface TailRowMapper<T> extends Serializable {
  T map(TailRow row);
}
