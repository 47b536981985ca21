package dev.thetaflow.core.analytics;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Collects the comparisons of one test against reference values: every failure with its case id,
 * field, our value, the reference and the error, and per field the largest errors, printed so the
 * accuracy can be quoted.
 */
final class ErrorTally {

  private static final int MAX_LISTED_FAILURES = 30;

  private static final class FieldStats {
    int checks;
    double maxAbs;
    double maxScaled;
    String maxScaledId = "-";
    double maxOfTolerance;
  }

  private final String title;
  private final Map<String, FieldStats> fields = new LinkedHashMap<>();
  private final List<String> failures = new ArrayList<>();

  /** |actual - expected| / |expected|, or the absolute error when expected is 0. */
  static double relativeError(double actual, double expected) {
    double diff = Math.abs(actual - expected);
    return expected == 0.0 ? diff : diff / Math.abs(expected);
  }

  ErrorTally(String title) {
    this.title = title;
  }

  /**
   * Passes when {@code |ours - reference| <= tolerance}. {@code scale} is what the error is
   * reported relative to (the {@code max(|ref|, floor)} of the rule); NaN never passes.
   */
  void check(
      String id, String field, double ours, double reference, double scale, double tolerance) {
    double error = Math.abs(ours - reference);
    if (ours == reference) {
      error = 0.0; // also equal infinities
    }
    FieldStats stats = fields.computeIfAbsent(field, f -> new FieldStats());
    stats.checks++;
    boolean pass = error <= tolerance;
    if (!pass) {
      failures.add(
          String.format(
              Locale.ROOT,
              "case %s field %s: ours=%s ref=%s error=%.3e (tolerance %.3e, error/scale %.3e)",
              id,
              field,
              ours,
              reference,
              error,
              tolerance,
              error / scale));
      error = Double.isNaN(error) ? Double.POSITIVE_INFINITY : error;
    }
    stats.maxAbs = Math.max(stats.maxAbs, error);
    double scaled = error / scale;
    if (stats.checks == 1 || scaled > stats.maxScaled) {
      stats.maxScaled = scaled;
      stats.maxScaledId = id;
    }
    stats.maxOfTolerance = Math.max(stats.maxOfTolerance, error / tolerance);
  }

  /** Records a categorical mismatch (e.g. an implied-volatility status). */
  void checkEqual(String id, String field, Object ours, Object reference) {
    FieldStats stats = fields.computeIfAbsent(field, f -> new FieldStats());
    stats.checks++;
    if (!ours.equals(reference)) {
      failures.add("case " + id + " field " + field + ": ours=" + ours + " ref=" + reference);
      stats.maxOfTolerance = Double.POSITIVE_INFINITY;
    }
  }

  /** Prints the per-field maxima, then fails listing the failures if there are any. */
  void report() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%n== %s ==%n", title));
    out.append(
        String.format(
            Locale.ROOT,
            "%-14s %7s %12s %14s  %-28s %12s%n",
            "field",
            "checks",
            "max |err|",
            "max err/scale",
            "(case)",
            "max err/tol"));
    fields.forEach(
        (name, s) ->
            out.append(
                String.format(
                    Locale.ROOT,
                    "%-14s %7d %12.3e %14.3e  %-28s %12.3e%n",
                    name,
                    s.checks,
                    s.maxAbs,
                    s.maxScaled,
                    "(" + s.maxScaledId + ")",
                    s.maxOfTolerance)));
    System.out.print(out);
    if (!failures.isEmpty()) {
      StringBuilder message = new StringBuilder();
      message.append(title).append(": ").append(failures.size()).append(" mismatches\n");
      failures.stream()
          .limit(MAX_LISTED_FAILURES)
          .forEach(f -> message.append("  ").append(f).append('\n'));
      if (failures.size() > MAX_LISTED_FAILURES) {
        message.append("  ... and ").append(failures.size() - MAX_LISTED_FAILURES).append(" more");
      }
      fail(message.toString());
    }
  }
}
