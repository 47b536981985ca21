package dev.thetaflow.core.config;

import java.time.Duration;

/**
 * Exponential reconnect backoff: the first retry waits {@code initial}, each later one twice as
 * long, never more than {@code max}.
 *
 * @param initial wait before the first reconnect attempt, 100ms to 1m (default 1s)
 * @param max longest wait between attempts, 100ms to 1h and at least {@code initial} (default 1m)
 */
public record BackoffConfig(Duration initial, Duration max) implements java.io.Serializable {

  static final DurationRange INITIAL =
      new DurationRange(Duration.ofMillis(100), Duration.ofMinutes(1));
  static final DurationRange MAX = new DurationRange(Duration.ofMillis(100), Duration.ofHours(1));

  public BackoffConfig {
    INITIAL.require("initial", initial);
    MAX.require("max", max);
    if (max.compareTo(initial) < 0) {
      throw new ConfigViolation(
          "max",
          Durations.format(max),
          "expected at least the initial backoff (" + Durations.format(initial) + ")");
    }
  }

  static BackoffConfig read(ConfigSection s) {
    Duration initial = s.duration("initial", Duration.ofSeconds(1), INITIAL);
    Duration max = s.duration("max", Duration.ofMinutes(1), MAX);
    return s.build(() -> new BackoffConfig(initial, max));
  }
}
