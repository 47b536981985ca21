package dev.thetaflow.core.config;

import java.time.Duration;

/** Inclusive bounds for a duration key. */
record DurationRange(Duration min, Duration max) {

  DurationRange {
    if (min.compareTo(max) > 0) {
      throw new IllegalArgumentException("min " + min + " > max " + max);
    }
  }

  boolean contains(Duration value) {
    return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
  }

  String describe() {
    return "a duration from " + Durations.format(min) + " to " + Durations.format(max);
  }

  void require(String key, Duration value) {
    if (value == null) {
      throw new ConfigViolation(key, null, "expected " + describe());
    }
    if (!contains(value)) {
      throw new ConfigViolation(key, Durations.format(value), "expected " + describe());
    }
  }
}
