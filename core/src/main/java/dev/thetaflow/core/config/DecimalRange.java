package dev.thetaflow.core.config;

/** Bounds for a finite decimal key; the lower bound may be exclusive (e.g. "greater than 0"). */
record DecimalRange(double min, boolean minInclusive, double max) {

  DecimalRange {
    if (!(min < max)) {
      throw new IllegalArgumentException("min " + min + " >= max " + max);
    }
  }

  /** A range {@code (0, max]}: strictly positive, at most {@code max}. */
  static DecimalRange positiveUpTo(double max) {
    return new DecimalRange(0.0, false, max);
  }

  boolean contains(double value) {
    return Double.isFinite(value) && (minInclusive ? value >= min : value > min) && value <= max;
  }

  String describe() {
    return "a number "
        + (minInclusive
            ? "from " + plain(min) + " to "
            : "greater than " + plain(min) + " and up to ")
        + plain(max);
  }

  void require(String key, double value) {
    if (!contains(value)) {
      throw new ConfigViolation(key, value, "expected " + describe());
    }
  }

  private static String plain(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
