package dev.thetaflow.core.decision;

/**
 * One number a rule compared with its threshold, kept with the decision so that an alert, the
 * decisions table and a trader all see the same evidence.
 *
 * @param name what was measured, in words ("loss as a multiple of the credit")
 * @param value the measured value (NaN only when it could not be measured)
 * @param threshold the value it was compared with
 * @param unit how the numbers read: "", "%", "$", "points", "days", "x" ...
 */
public record Measurement(String name, double value, double threshold, String unit) {

  public Measurement {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("measurement name is required");
    }
    if (Double.isInfinite(value) || Double.isNaN(threshold) || Double.isInfinite(threshold)) {
      throw new IllegalArgumentException(
          "measurement '"
              + name
              + "': value and threshold must be finite, were "
              + value
              + ", "
              + threshold);
    }
    unit = unit == null ? "" : unit;
  }

  /** "loss as a multiple of the credit 2.10x (threshold 2.00x)". */
  @Override
  public String toString() {
    return name + " " + withUnit(value) + " (threshold " + withUnit(threshold) + ")";
  }

  /** "$312.4", "7.000 days", "2.100x", "45.00%". */
  private String withUnit(double v) {
    if (unit.equals("$")) {
      return "$" + format(v);
    }
    return unit.isEmpty() || !Character.isLetter(unit.charAt(0)) || unit.equals("x")
        ? format(v) + unit
        : format(v) + " " + unit;
  }

  private static String format(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(java.util.Locale.ROOT, "%.4g", v);
  }
}
