package dev.thetaflow.sim.market;

/**
 * One simulated underlying and its price process: Heston-like stochastic variance with leverage, a
 * common market factor, and Poisson jumps with normal log sizes.
 *
 * @param symbol ticker, e.g. SPY
 * @param primaryExchange listing exchange, e.g. ARCA
 * @param spot starting price
 * @param dividendYield continuous dividend yield
 * @param longRunVol long-run volatility (sqrt of the variance's mean level)
 * @param meanReversion speed at which variance returns to its mean, per year
 * @param volOfVol volatility of variance
 * @param leverage correlation between price and variance shocks (negative: falls raise vol)
 * @param marketBeta loading on the common market factor, 0..1
 * @param jumpsPerYear expected jumps per year of trading time
 * @param jumpMean mean log jump size
 * @param jumpStdDev standard deviation of the log jump size
 * @param strikeStep strike increment near the money
 */
public record UnderlyingSpec(
    String symbol,
    String primaryExchange,
    double spot,
    double dividendYield,
    double longRunVol,
    double meanReversion,
    double volOfVol,
    double leverage,
    double marketBeta,
    double jumpsPerYear,
    double jumpMean,
    double jumpStdDev,
    double strikeStep) {

  public UnderlyingSpec {
    if (symbol == null || !symbol.matches("[A-Z]{1,6}")) {
      throw new IllegalArgumentException("symbol must be 1-6 capital letters, was " + symbol);
    }
    requirePositive("spot", spot);
    requirePositive("longRunVol", longRunVol);
    requirePositive("meanReversion", meanReversion);
    requirePositive("strikeStep", strikeStep);
    if (volOfVol < 0 || jumpsPerYear < 0 || jumpStdDev < 0) {
      throw new IllegalArgumentException(
          symbol + ": volOfVol, jumpsPerYear and jumpStdDev must be >= 0");
    }
    if (Math.abs(leverage) > 1 || marketBeta < 0 || marketBeta > 1) {
      throw new IllegalArgumentException(
          symbol + ": leverage must be in [-1, 1] and marketBeta in [0, 1]");
    }
  }

  private static void requirePositive(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number > 0, was " + value);
    }
  }
}
