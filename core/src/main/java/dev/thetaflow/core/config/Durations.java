package dev.thetaflow.core.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as written in configuration: a whole number with a unit ({@code 500ms}, {@code 5s},
 * {@code 2m}, {@code 1h}) or ISO-8601 ({@code PT0.5S}, {@code PT1M30S}).
 */
public final class Durations {

  /** The accepted forms, for error messages. */
  public static final String EXPECTED =
      "a duration: a whole number with a unit ms, s, m or h (e.g. 500ms, 5s, 2m)"
          + " or ISO-8601 (e.g. PT1M30S)";

  private static final Pattern SHORT = Pattern.compile("([0-9]+)(ms|s|m|h)");
  private static final Pattern NUMBER_THEN_WORD =
      Pattern.compile("[-+]?([0-9]*\\.?[0-9]+)\\s*([A-Za-z]*)");

  private Durations() {}

  /**
   * Parses one duration.
   *
   * @throws IllegalArgumentException whose message says what was expected and, where it can tell,
   *     how to write the value correctly
   */
  public static Duration parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("expected " + EXPECTED + ", got an empty text");
    }
    Matcher m = SHORT.matcher(text);
    if (m.matches()) {
      long amount;
      try {
        amount = Long.parseLong(m.group(1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("expected " + EXPECTED + "; the number is too large");
      }
      try {
        return switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          default -> Duration.ofHours(amount);
        };
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("expected " + EXPECTED + "; the number is too large");
      }
    }
    if (text.charAt(0) == 'P' || text.charAt(0) == 'p' || text.startsWith("-P")) {
      try {
        return Duration.parse(text);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "expected "
                + EXPECTED
                + "; this is not valid ISO-8601 (days and times only: PnDTnHnMnS)");
      }
    }
    throw new IllegalArgumentException("expected " + EXPECTED + hint(text));
  }

  /** The shortest exact form this parser reads back: {@code 1h}, {@code 2m}, {@code 5s}, ... */
  public static String format(Duration d) {
    if (d.isNegative() || d.getNano() % 1_000_000 != 0) {
      return d.toString();
    }
    long ms = d.toMillis();
    if (ms != 0 && ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms != 0 && ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1_000 == 0) {
      return ms / 1_000 + "s";
    }
    return ms + "ms";
  }

  /** Explains the most common slips: a missing unit, a fraction, a spelled-out unit. */
  private static String hint(String text) {
    Matcher m = NUMBER_THEN_WORD.matcher(text.trim());
    if (!m.matches()) {
      return "";
    }
    String unit = m.group(2).toLowerCase(Locale.ROOT);
    if (text.startsWith("-")) {
      return "; negative durations are not allowed";
    }
    if (unit.isEmpty()) {
      return "; a bare number has no unit, write e.g. " + m.group(1) + "s or " + m.group(1) + "ms";
    }
    if (m.group(1).contains(".")) {
      return "; whole numbers only, write e.g. 1500ms instead of 1.5s";
    }
    String suggestion =
        switch (unit) {
          case "ms", "s", "m", "h" -> unit;
          case "sec", "secs", "second", "seconds" -> "s";
          case "min", "mins", "minute", "minutes" -> "m";
          case "hr", "hrs", "hour", "hours" -> "h";
          case "millis", "msec", "msecs", "milliseconds" -> "ms";
          default -> null;
        };
    if (suggestion != null && suggestion.equals(unit) && !text.contains(" ")) {
      return "; units are lower case, write " + m.group(1) + unit;
    }
    if (suggestion != null || text.contains(" ")) {
      String u = suggestion != null ? suggestion : unit;
      return "; write " + m.group(1) + u + " (no space, unit ms, s, m or h)";
    }
    return "; unknown unit '" + m.group(2) + "'";
  }
}
