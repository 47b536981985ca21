package dev.thetaflow.core.rules;

import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.instrument.Contract;
import java.util.ArrayList;
import java.util.List;

/** What the risk rules share: leg selection and the way numbers read in a trader's alert. */
final class RiskSupport {
  /**
   * Slack for "at or beyond" comparisons of derived values (points from differences of
   * volatilities, ratios): 0.30 − 0.25 is 0.0499…, and a threshold of 5 points must still fire.
   */
  static final double EPS = 1e-9;

  private RiskSupport() {}

  /** A held short option leg: the legs whose delta, moneyness and assignment the rules judge. */
  static boolean isShortOption(LegView leg) {
    return leg.isShort() && leg.contract().isOption();
  }

  /** Whether any leg is held: a strategy with nothing held is not judged. */
  static boolean anyHeld(List<LegView> legs) {
    for (LegView leg : legs) {
      if (leg.isHeld()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The short leg and its long wing: the held long option of the same right and expiry whose strike
   * is nearest (its vertical), when there is one. Closing or moving the two together never leaves
   * the wing naked or the short uncovered.
   */
  static List<Long> withWing(List<LegView> legs, LegView shortLeg) {
    Contract s = shortLeg.contract();
    LegView wing = null;
    for (LegView leg : legs) {
      Contract c = leg.contract();
      if (leg.position() > 0
          && c.isOption()
          && c.right() == s.right()
          && c.expiry().equals(s.expiry())
          && (wing == null
              || Math.abs(c.strike() - s.strike())
                  < Math.abs(wing.contract().strike() - s.strike()))) {
        wing = leg;
      }
    }
    List<Long> ids = new ArrayList<>(2);
    ids.add(s.conId());
    if (wing != null) {
      ids.add(wing.contract().conId());
    }
    return ids;
  }

  /** "short put 480" for reasons. */
  static String describe(LegView leg) {
    Contract c = leg.contract();
    return (leg.isShort() ? "short " : "long ")
        + (c.right() == OptionType.CALL ? "call " : "put ")
        + number(c.strike());
  }

  /** A plain number: whole numbers without decimals, others with up to two ("0.5", "1,234"). */
  static String number(double v) {
    String s = fixed(v, 2);
    int end = s.length();
    if (s.indexOf('.') < 0) {
      return s;
    }
    while (s.charAt(end - 1) == '0') {
      end--;
    }
    return s.charAt(end - 1) == '.' ? s.substring(0, end - 1) : s.substring(0, end);
  }

  /**
   * A fixed number of decimals (0 to 6) with thousands separators, rounded half up. Written out by
   * hand because String.format costs microseconds, and a firing rule is on the latency path.
   */
  static String fixed(double v, int decimals) {
    long scale = 1;
    for (int i = 0; i < decimals; i++) {
      scale *= 10;
    }
    double scaled = Math.abs(v) * scale;
    if (!(scaled < 1e17)) {
      return String.valueOf(v); // NaN, infinite or beyond what a long holds exactly
    }
    long units = Math.round(scaled);
    StringBuilder b = new StringBuilder(24);
    if (v < 0 && units != 0) {
      b.append('-');
    }
    String whole = Long.toString(units / scale);
    for (int i = 0; i < whole.length(); i++) {
      if (i > 0 && (whole.length() - i) % 3 == 0) {
        b.append(',');
      }
      b.append(whole.charAt(i));
    }
    if (decimals > 0) {
      String frac = Long.toString(units % scale);
      b.append('.');
      for (int i = frac.length(); i < decimals; i++) {
        b.append('0');
      }
      b.append(frac);
    }
    return b.toString();
  }

  /** A share (0.25) as a percentage ("25%", "2.5%"). */
  static String percent(double share) {
    return number(share * 100.0) + "%";
  }

  /** Money in the account's currency: "$1,234", "-$56.5", cents only below $1,000. */
  static String money(double v) {
    double abs = Math.abs(v);
    return (v < 0 ? "-$" : "$") + (abs >= 1000 ? fixed(abs, 0) : number(abs));
  }

  /** Throws the threshold message every rule uses: the name, the value and what was expected. */
  static IllegalArgumentException badThreshold(
      String rule, String threshold, Object value, String expected) {
    return new IllegalArgumentException(
        rule + " threshold " + threshold + " must be " + expected + ", was " + value);
  }

  /** Whether {@code v} is a finite number &gt; 0. */
  static boolean positive(double v) {
    return v > 0 && v < Double.POSITIVE_INFINITY;
  }
}
