package dev.thetaflow.ib.source;

import java.time.Instant;

/**
 * The broker's clock as seen from here, from its answers to reqCurrentTime. Events are stamped with
 * it, so that option analytics, expiries and fills share one clock: a simulator's market runs at
 * its own date and speed, and valuing its options at the wall clock's time to expiry would give
 * wrong volatilities (four points on a 24-day put, found by comparing with the simulator's model).
 *
 * <p>TWS answers in whole seconds. An offset within {@link #TOLERANCE_MILLIS} is the answer's
 * rounding plus latency, not a different clock, and is treated as none: a live gateway's events
 * keep the local clock's millisecond precision.
 */
final class BrokerClock {
  static final long TOLERANCE_MILLIS = 1_500;

  private volatile long offsetMillis;

  /** The broker said it is {@code epochSeconds} when the answer arrived at {@code localMillis}. */
  void onServerTime(long epochSeconds, long localMillis) {
    // the server truncates to its second: the middle of that second is the unbiased guess
    long offset = epochSeconds * 1_000 + 500 - localMillis;
    offsetMillis = Math.abs(offset) <= TOLERANCE_MILLIS ? 0 : offset;
  }

  /** The broker's time at local time {@code local}. */
  Instant at(Instant local) {
    long offset = offsetMillis;
    return offset == 0 ? local : local.plusMillis(offset);
  }

  long offsetMillis() {
    return offsetMillis;
  }
}
