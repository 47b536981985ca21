package dev.thetaflow.core.config;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Conversions from a YAML scalar to a typed value. Each checks type and range and throws {@link
 * IllegalArgumentException} whose message says what was expected; {@link ConfigSection} turns it
 * into a {@link ConfigProblem}.
 */
final class Scalars {

  private static final Pattern PLAIN_INTEGER = Pattern.compile("[-+]?(0|[1-9][0-9]*)");

  private Scalars() {}

  // -------------------------

  static long toInteger(ConfigNode.Scalar s, IntegerRange range) {
    if (s.kind() != ConfigNode.Kind.INTEGER) {
      String hint = quoted(s) ? " (remove the quotes)" : "";
      throw new IllegalArgumentException(
          "expected " + range.describe() + ", got " + s.kindName() + hint);
    }
    if (!PLAIN_INTEGER.matcher(s.text()).matches()) {
      // YAML 1.1 reads 0700 as octal 448 and accepts 0x1F; a port or id written so is a slip.
      throw new IllegalArgumentException(
          "expected "
              + range.describe()
              + " written in plain decimal digits (YAML reads "
              + s.text()
              + " as "
              + s.number()
              + ")");
    }
    BigInteger b = (BigInteger) s.number();
    if (b.compareTo(BigInteger.valueOf(range.min())) < 0
        || b.compareTo(BigInteger.valueOf(range.max())) > 0) {
      throw new IllegalArgumentException("expected " + range.describe());
    }
    return b.longValueExact();
  }

  static double toDecimal(ConfigNode.Scalar s, DecimalRange range) {
    double v;
    if (s.kind() == ConfigNode.Kind.INTEGER) {
      v = ((BigInteger) s.number()).doubleValue();
    } else if (s.kind() == ConfigNode.Kind.DECIMAL) {
      v = s.number().doubleValue();
    } else {
      String hint = quoted(s) ? " (write a plain number, no quotes)" : "";
      throw new IllegalArgumentException(
          "expected " + range.describe() + ", got " + s.kindName() + hint);
    }
    if (!range.contains(v)) {
      throw new IllegalArgumentException("expected " + range.describe());
    }
    return v;
  }

  static Duration toDuration(ConfigNode.Scalar s, DurationRange range) {
    if (s.kind() == ConfigNode.Kind.INTEGER || s.kind() == ConfigNode.Kind.DECIMAL) {
      throw new IllegalArgumentException(
          "expected "
              + Durations.EXPECTED
              + "; a bare number has no unit, write e.g. "
              + s.text()
              + "s or "
              + s.text()
              + "ms");
    }
    if (s.kind() != ConfigNode.Kind.STRING) {
      throw new IllegalArgumentException(
          "expected " + Durations.EXPECTED + ", got " + s.kindName());
    }
    Duration d = Durations.parse(s.text());
    if (!range.contains(d)) {
      throw new IllegalArgumentException("expected " + range.describe());
    }
    return d;
  }

  /** Whether the value is text that would be a number without its YAML quotes. */
  private static boolean quoted(ConfigNode.Scalar s) {
    return s.kind() == ConfigNode.Kind.STRING
        && !s.source().startsWith(EnvOverrides.SOURCE_PREFIX)
        && EnvOverrides.scalar(s.text(), s.source()).kind() != ConfigNode.Kind.STRING;
  }

  /** Text; numbers are taken as written (an account id or a path may look like a number). */
  static String toText(ConfigNode.Scalar s) {
    if (s.kind() == ConfigNode.Kind.BOOLEAN) {
      throw new IllegalArgumentException("expected a text value, got a boolean");
    }
    return s.text();
  }

  static <E extends Enum<E> & ConfigEnum> E toChoice(ConfigNode.Scalar s, Class<E> type) {
    if (s.kind() == ConfigNode.Kind.STRING) {
      for (E e : type.getEnumConstants()) {
        if (e.configName().equals(s.text())) {
          return e;
        }
      }
    }
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      names.add(e.configName());
    }
    String suggestion =
        Suggestions.closest(s.text(), names).map(n -> " (did you mean " + n + "?)").orElse("");
    throw new IllegalArgumentException("expected " + choices(type) + suggestion);
  }

  static <E extends Enum<E> & ConfigEnum> String choices(Class<E> type) {
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      names.add(e.configName());
    }
    return "one of " + String.join(", ", names);
  }
}
