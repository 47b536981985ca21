package dev.thetaflow.core.rules;

/**
 * How exit distances (stop loss, trailing stop) follow the market's volatility: the distance is
 * multiplied by the strategy's implied volatility over a baseline, kept within bounds, so a calm
 * market does not hold a loser too long and a wild one does not stop out on noise.
 *
 * <p>Configuration keys: {@code baseline} (the volatility at which distances are as configured, a
 * fraction: 0.30 for 30%), {@code minFactor} (the most a distance narrows, 0 &lt; x ≤ 1), {@code
 * maxFactor} (the most it widens, 1 ≤ x ≤ 10).
 *
 * @param baselineVol the implied volatility at which distances are as configured, in (0, 5]
 * @param minFactor the smallest factor, in (0, 1]
 * @param maxFactor the largest factor, in [1, 10]
 */
public record VolatilityScaling(double baselineVol, double minFactor, double maxFactor) {

  /** Distances as configured whatever the volatility. */
  public static final VolatilityScaling NONE = new VolatilityScaling(1, 1, 1);

  private static final String NAME = "volatility scaling";

  public VolatilityScaling {
    ExitText.requireAboveAtMost(NAME, "baseline", baselineVol, 0, 5);
    ExitText.requireAboveAtMost(NAME, "minFactor", minFactor, 0, 1);
    if (!(maxFactor >= 1 && maxFactor <= 10)) {
      throw new IllegalArgumentException(
          NAME + " threshold maxFactor must be from 1 to 10, was " + maxFactor);
    }
  }

  /** Reads {@code baseline}, {@code minFactor} and {@code maxFactor}; unknown keys are an error. */
  public static VolatilityScaling from(RuleParams p) {
    double baseline = p.decimal("baseline", 0, 5);
    double min = p.decimal("minFactor", 0, 1);
    double max = p.decimal("maxFactor", 1, 10);
    p.finish();
    return ExitText.configured(p, () -> new VolatilityScaling(baseline, min, max));
  }

  /**
   * The factor for implied volatility {@code iv} (a fraction): iv / baseline within [minFactor,
   * maxFactor]; 1 when iv is unknown (NaN, negative or infinite).
   */
  public double factor(double iv) {
    if (!(iv >= 0) || Double.isInfinite(iv)) {
      return 1;
    }
    return Math.min(maxFactor, Math.max(minFactor, iv / baselineVol));
  }

  /**
   * ", widened 1.10x for IV 33% vs 30% baseline" or "" when the factor is 1; only for reasons of
   * rules that fired.
   */
  String describe(double iv) {
    double f = factor(iv);
    if (f == 1) {
      return "";
    }
    return ", "
        + (f > 1 ? "widened " : "narrowed ")
        + ExitText.times(f)
        + " for IV "
        + ExitText.percent(iv)
        + " vs "
        + ExitText.percent(baselineVol)
        + " baseline";
  }
}
