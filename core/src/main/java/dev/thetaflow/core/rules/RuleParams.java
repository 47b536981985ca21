package dev.thetaflow.core.rules;

import dev.thetaflow.core.config.Durations;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One rule's thresholds as configured (the scalars under {@code rules.<...>.<rule>}), read through
 * typed getters that validate and name the full key, the value and what was expected. A rule's
 * {@code from(RuleParams)} reads what it needs and then {@link #finish()} rejects keys nobody read,
 * so a misspelt threshold is an error, not a silent default.
 */
public final class RuleParams {
  private final String path;
  private final Map<String, String> values;
  private final TreeSet<String> read = new TreeSet<>();

  /**
   * @param path where the values were configured, e.g. {@code rules.byType.IRON_CONDOR.stopLoss}
   * @param values key to scalar text
   */
  public RuleParams(String path, Map<String, String> values) {
    this.path = path;
    this.values = new TreeMap<>(values);
  }

  public String path() {
    return path;
  }

  /** Whether {@code key} is configured. */
  public boolean has(String key) {
    return values.containsKey(key);
  }

  /** A required number within [min, max]. */
  public double decimal(String key, double min, double max) {
    String text = required(key, "a number from " + min + " to " + max);
    double v;
    try {
      v = Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw problem(key, text, "a number from " + min + " to " + max);
    }
    if (!(v >= min && v <= max)) {
      throw problem(key, text, "a number from " + min + " to " + max);
    }
    return v;
  }

  /** A required whole number within [min, max]. */
  public int integer(String key, int min, int max) {
    String text = required(key, "a whole number from " + min + " to " + max);
    try {
      int v = Integer.parseInt(text.trim());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw problem(key, text, "a whole number from " + min + " to " + max);
  }

  /** A required duration ({@code 30s}, {@code 5m}) within [min, max]. */
  public Duration duration(String key, Duration min, Duration max) {
    String expected =
        "a duration from " + Durations.format(min) + " to " + Durations.format(max) + " (e.g. 30s)";
    String text = required(key, expected);
    Duration d;
    try {
      d = Durations.parse(text.trim());
    } catch (IllegalArgumentException e) {
      throw problem(key, text, expected);
    }
    if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      throw problem(key, text, expected);
    }
    return d;
  }

  /** A required exchange wall-clock time, {@code HH:mm}. */
  public LocalTime time(String key) {
    String text = required(key, "a time of day HH:mm (exchange time)");
    try {
      return LocalTime.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw problem(key, text, "a time of day HH:mm (exchange time)");
    }
  }

  /** A required true/false. */
  public boolean flag(String key) {
    String text = required(key, "true or false");
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw problem(key, text, "true or false");
    };
  }

  /** Rejects configured keys no getter asked for; call after reading. */
  public void finish() {
    TreeSet<String> unknown = new TreeSet<>(values.keySet());
    unknown.removeAll(read);
    if (!unknown.isEmpty()) {
      throw new Problem(
          unknown.first(),
          path
              + ": unknown "
              + (unknown.size() == 1 ? "key " : "keys ")
              + String.join(", ", unknown)
              + " (known: "
              + String.join(", ", read)
              + ")",
          "one of " + String.join(", ", read));
    }
  }

  private String required(String key, String expected) {
    read.add(key);
    String text = values.get(key);
    if (text == null) {
      String near = misspelt(key);
      throw new Problem(
          near == null ? key : near,
          path
              + "."
              + key
              + " is required: "
              + expected
              + (near == null ? "" : " ('" + near + "' is configured: a misspelling?)"),
          near == null ? expected : key + " (" + expected + ")");
    }
    return text;
  }

  /** A configured key that is probably {@code key} misspelt (edit distance 2 or less), or null. */
  private String misspelt(String key) {
    for (String k : values.keySet()) {
      if (!read.contains(k)
          && distance(k.toLowerCase(Locale.ROOT), key.toLowerCase(Locale.ROOT)) <= 2) {
        return k;
      }
    }
    return null;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private Problem problem(String key, String text, String expected) {
    return new Problem(
        key, path + "." + key + " must be " + expected + ", was '" + text + "'", expected);
  }

  /** A threshold that is missing, malformed, out of range or unknown; names its key. */
  public static final class Problem extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final String expected;

    Problem(String key, String message, String expected) {
      super(message);
      this.key = key;
      this.expected = expected;
    }

    /** The threshold's key within the rule's section. */
    public String key() {
      return key;
    }

    /** What the value should have been, in words. */
    public String expected() {
      return expected;
    }
  }
}
