package dev.thetaflow.core.analytics;

/**
 * Where today's implied volatility stands in its own history.
 *
 * <p>IV rank is {@code 100 * (current - low) / (high - low)} over the lookback: 0 at the low, 100
 * at the high, and outside 0..100 when today breaks the range. IV percentile is the share of
 * lookback observations strictly below today's value, in percent. A trader reads rank as "how
 * stretched is IV against its extremes" and percentile as "how often was IV lower than now"; one
 * spike in the history moves the rank a lot and the percentile little.
 *
 * @param current today's implied volatility
 * @param rank IV rank in percent; NaN when the history has no range (high == low)
 * @param percentile IV percentile in percent, 0..100
 * @param low lowest implied volatility in the lookback
 * @param high highest implied volatility in the lookback
 * @param observations how many history values were used (missing values are not counted)
 */
public record IvStatistics(
    double current, double rank, double percentile, double low, double high, int observations) {

  /**
   * Rank and percentile of {@code current} against {@code history} (the lookback, e.g. the last 252
   * daily closing IVs, not including today). NaN entries mark missing days and are skipped.
   *
   * @throws IllegalArgumentException when current or a history value is not a finite number &ge; 0,
   *     or the history holds no value
   */
  public static IvStatistics of(double current, double[] history) {
    if (!(current >= 0.0) || Double.isInfinite(current)) {
      throw new IllegalArgumentException(
          "current implied volatility must be a finite number >= 0, was " + current);
    }
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    int below = 0;
    int count = 0;
    for (int i = 0; i < history.length; i++) {
      double v = history[i];
      if (Double.isNaN(v)) {
        continue;
      }
      if (!(v >= 0.0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException(
            "implied volatility history[" + i + "] must be a finite number >= 0, was " + v);
      }
      low = Math.min(low, v);
      high = Math.max(high, v);
      if (v < current) {
        below++;
      }
      count++;
    }
    if (count == 0) {
      throw new IllegalArgumentException(
          "implied volatility history has no values (length " + history.length + ", all missing)");
    }
    double rank = high > low ? 100.0 * (current - low) / (high - low) : Double.NaN;
    double percentile = 100.0 * below / count;
    return new IvStatistics(current, rank, percentile, low, high, count);
  }
}
