package dev.thetaflow.core.config;

/** Inclusive bounds for an integer key. */
record IntegerRange(long min, long max) {

  IntegerRange {
    if (min > max) {
      throw new IllegalArgumentException("min " + min + " > max " + max);
    }
  }

  boolean contains(long value) {
    return value >= min && value <= max;
  }

  String describe() {
    if (min == Long.MIN_VALUE && max == Long.MAX_VALUE) {
      return "an integer";
    }
    if (max == Long.MAX_VALUE || max == Integer.MAX_VALUE) {
      return "an integer >= " + min;
    }
    return "an integer from " + min + " to " + max;
  }

  void require(String key, long value) {
    if (!contains(value)) {
      throw new ConfigViolation(key, value, "expected " + describe());
    }
  }
}
