package dev.thetaflow.core.rules;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * What the exit rules share: how their numbers read in a reason, how a threshold is compared and
 * how a bad threshold is reported. Package-private: the wording is the rules' own.
 */
final class ExitText {
  /**
   * Thresholds are products of configured decimals (2.00 × 1.10 × 1,000), so a value exactly at the
   * threshold must not miss it by a rounding error in the last bit.
   */
  private static final double TOLERANCE = 1e-9;

  private ExitText() {}

  /** Whether {@code measured} has reached {@code threshold} (both finite, threshold &gt; 0). */
  static boolean reaches(double measured, double threshold) {
    return measured >= threshold * (1 - TOLERANCE);
  }

  /** Progress towards a positive threshold, never below 0 (a profit is far from a stop). */
  static double progress(double measured, double threshold) {
    return Math.max(0, measured / threshold);
  }

  /** Money for the whole position: "2,150". */
  static String money(double v) {
    return String.format(Locale.US, "%,.0f", v);
  }

  /** A price or level: "5,012.25". */
  static String price(double v) {
    return String.format(Locale.US, "%,.2f", v);
  }

  /** A multiple: "2.15x". */
  static String times(double v) {
    return String.format(Locale.US, "%.2fx", v);
  }

  /** A fraction as a percentage: 0.33 → "33%". */
  static String percent(double fraction) {
    return String.format(Locale.US, "%.0f%%", fraction * 100);
  }

  /** A fraction as a percentage to a tenth, for moves near a limit: -0.0612 → "-6.1%". */
  static String percent1(double fraction) {
    return String.format(Locale.US, "%.1f%%", fraction * 100);
  }

  /** Days: "21.3". */
  static String days(double v) {
    return String.format(Locale.US, "%.1f", v);
  }

  /**
   * Rejects a threshold outside (low, high]: names the rule, the threshold (its configuration key),
   * the value and what was expected.
   */
  static void requireAboveAtMost(String rule, String name, double value, double low, double high) {
    if (!(value > low && value <= high)) {
      throw new IllegalArgumentException(
          rule
              + " threshold "
              + name
              + " must be above "
              + plain(low)
              + " and at most "
              + plain(high)
              + ", was "
              + value);
    }
  }

  /**
   * Builds thresholds read from {@code p}, putting the configuration path in front of a problem.
   */
  static <T> T configured(RuleParams p, Supplier<T> thresholds) {
    try {
      return thresholds.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(p.path() + ": " + e.getMessage(), e);
    }
  }

  private static String plain(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
