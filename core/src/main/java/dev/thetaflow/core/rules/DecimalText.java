package dev.thetaflow.core.rules;

import java.util.Locale;

/**
 * The numbers of {@link ExitText} without {@link java.util.Formatter}: character for character what
 * {@code String.format(Locale.US, "%,.2f", v)} and its kin print, at a fraction of the cost. A rule
 * that fires builds its reason on the latency path (issue 6: ≤ 2 µs per evaluation), and one
 * Formatter call costs about half a microsecond of it.
 *
 * <p>How the Formatter rounds, and so how this does: the shortest decimal digits that identify the
 * double ({@link Double#toString(double)}), rounded half up at the last place shown; every negative
 * value is signed, also when it rounds to zero ("-0"). Values outside [0.001, 10⁷) go to the
 * Formatter itself.
 */
final class DecimalText {
  private static final long[] SCALE = {1, 10, 100};

  private DecimalText() {}

  /** Money for the whole position: "2,150", as {@code %,.0f}. */
  static String money(double v) {
    return fixed(v, 0, true).toString();
  }

  /** A price or level: "5,012.25", as {@code %,.2f}. */
  static String price(double v) {
    return fixed(v, 2, true).toString();
  }

  /** A multiple: "2.15x", as {@code %.2fx}. */
  static String times(double v) {
    return fixed(v, 2, false).append('x').toString();
  }

  /** A fraction as a percentage: 0.33 → "33%", as {@code %.0f%%} of the fraction × 100. */
  static String percent(double fraction) {
    return fixed(fraction * 100, 0, false).append('%').toString();
  }

  /** A fraction as a percentage to a tenth: -0.0612 → "-6.1%", as {@code %.1f%%}. */
  static String percent1(double fraction) {
    return fixed(fraction * 100, 1, false).append('%').toString();
  }

  /** Days: "21.3", as {@code %.1f}. */
  static String days(double v) {
    return fixed(v, 1, false).toString();
  }

  /**
   * What {@link VolatilityScaling#describe(double)} says (", widened 1.10x for IV 33% vs 30%
   * baseline", or "" at a factor of 1), in these numbers.
   */
  static String scaling(VolatilityScaling s, double iv) {
    double f = s.factor(iv);
    if (f == 1) {
      return "";
    }
    return ", "
        + (f > 1 ? "widened " : "narrowed ")
        + times(f)
        + " for IV "
        + percent(iv)
        + " vs "
        + percent(s.baselineVol())
        + " baseline";
  }

  /**
   * {@code v} with {@code decimals} (0 to 2) places, grouped by thousands with commas when {@code
   * group}: the text of {@code String.format(Locale.US, "%,.<decimals>f", v)} (without the comma
   * flag when not grouped).
   */
  static StringBuilder fixed(double v, int decimals, boolean group) {
    double abs = Math.abs(v);
    StringBuilder b = new StringBuilder(24);
    if (!(abs < 1e7)) { // NaN, infinite, or large: rare, so the Formatter's own text
      return b.append(String.format(Locale.US, (group ? "%,." : "%.") + decimals + "f", v));
    }
    if (Double.compare(v, 0.0) < 0) {
      b.append('-'); // the Formatter signs -0.0 and -0.3 alike
    }
    long units; // abs rounded half up, in units of the last place shown
    if (decimals == 0) {
      // A half is exactly representable here, so rounding the value itself rounds its digits.
      units = (long) abs;
      if (abs - units >= 0.5) {
        units++;
      }
    } else if (abs < 1e-3) {
      units = 0; // below half of 0.01
    } else {
      units = roundedDigits(Double.toString(abs), decimals);
    }
    long scale = SCALE[decimals];
    long whole = units / scale;
    appendWhole(b, whole, group);
    if (decimals > 0) {
      b.append('.');
      long frac = units % scale;
      for (long s = scale / 10; s > 0; s /= 10) {
        b.append((char) ('0' + frac / s % 10));
      }
    }
    return b;
  }

  /**
   * Plain decimal text ("1234.5678", as {@link Double#toString(double)} writes values from 10⁻³ to
   * 10⁷) rounded half up to {@code decimals} places, in units of the last place.
   */
  private static long roundedDigits(String s, int decimals) {
    int dot = s.indexOf('.');
    long units = 0;
    for (int i = 0; i < dot; i++) {
      units = units * 10 + (s.charAt(i) - '0');
    }
    for (int i = 1; i <= decimals; i++) {
      int at = dot + i;
      units = units * 10 + (at < s.length() ? s.charAt(at) - '0' : 0);
    }
    int next = dot + decimals + 1;
    if (next < s.length() && s.charAt(next) >= '5') {
      units++;
    }
    return units;
  }

  private static void appendWhole(StringBuilder b, long whole, boolean group) {
    if (!group || whole < 1000) {
      b.append(whole);
      return;
    }
    String digits = Long.toString(whole);
    int n = digits.length();
    for (int i = 0; i < n; i++) {
      if (i > 0 && (n - i) % 3 == 0) {
        b.append(',');
      }
      b.append(digits.charAt(i));
    }
  }
}
