package dev.thetaflow.ib.client;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Stops reconnect attempts after {@code threshold} failures in a row and lets one trial attempt
 * through after {@code coolDown} (half-open). A success closes it; a failed trial opens it again
 * for another cool-down. Without it a gateway that is down for the night would be dialled every
 * backoff-max interval all night, each attempt a log line and an alert.
 */
final class CircuitBreaker {
  /** The breaker's position. */
  enum Position {
    CLOSED,
    OPEN,
    HALF_OPEN
  }

  private final int threshold;
  private final long coolDownNanos;
  private final LongSupplier nanoClock;

  private int consecutiveFailures;
  private long openedAt;
  private Position position = Position.CLOSED;

  CircuitBreaker(int threshold, Duration coolDown, LongSupplier nanoClock) {
    this.threshold = threshold;
    this.coolDownNanos = coolDown.toNanos();
    this.nanoClock = nanoClock;
  }

  synchronized void recordSuccess() {
    consecutiveFailures = 0;
    position = Position.CLOSED;
  }

  /** Records a failed attempt; returns true if this failure opened (or re-opened) the circuit. */
  synchronized boolean recordFailure() {
    consecutiveFailures++;
    if (position == Position.HALF_OPEN || consecutiveFailures >= threshold) {
      boolean opening = position != Position.OPEN;
      position = Position.OPEN;
      openedAt = nanoClock.getAsLong();
      return opening;
    }
    return false;
  }

  /** The position now; an open circuit whose cool-down is over becomes half-open. */
  synchronized Position position() {
    if (position == Position.OPEN && nanoClock.getAsLong() - openedAt >= coolDownNanos) {
      position = Position.HALF_OPEN;
    }
    return position;
  }

  /** Time left until an open circuit allows a trial attempt; zero unless open. */
  synchronized Duration remainingCoolDown() {
    if (position != Position.OPEN) {
      return Duration.ZERO;
    }
    long left = coolDownNanos - (nanoClock.getAsLong() - openedAt);
    return Duration.ofNanos(Math.max(0, left));
  }

  synchronized int consecutiveFailures() {
    return consecutiveFailures;
  }
}
