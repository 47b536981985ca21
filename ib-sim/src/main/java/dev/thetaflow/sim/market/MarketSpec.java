package dev.thetaflow.sim.market;

import dev.thetaflow.core.risk.MarketAssumptions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the simulated market lists and how it moves.
 *
 * @param underlyings the stocks/ETFs with option chains
 * @param rate continuously compounded risk-free rate
 * @param step simulated time per market step
 * @param weeklyExpiries how many weekly (Friday) expirations are listed ahead
 * @param chainYears monthly expirations are listed out to this many years
 * @param strikeRange strikes span spot × (1 ± strikeRange)
 */
public record MarketSpec(
    List<UnderlyingSpec> underlyings,
    double rate,
    Duration step,
    int weeklyExpiries,
    double chainYears,
    double strikeRange) {

  public MarketSpec {
    underlyings = List.copyOf(underlyings);
    if (underlyings.isEmpty()) {
      throw new IllegalArgumentException("the market needs at least one underlying");
    }
    if (step.isNegative() || step.isZero()) {
      throw new IllegalArgumentException("step must be positive, was " + step);
    }
    if (weeklyExpiries < 0 || !(chainYears > 0) || !(strikeRange > 0) || strikeRange >= 1) {
      throw new IllegalArgumentException(
          "weeklyExpiries >= 0, chainYears > 0 and strikeRange in (0, 1) are required");
    }
  }

  /** The rate and dividend yields this market prices with, as the job's analytics take them. */
  public MarketAssumptions assumptions() {
    Map<String, Double> yields = new HashMap<>();
    for (UnderlyingSpec u : underlyings) {
      yields.put(u.symbol(), u.dividendYield());
    }
    return new MarketAssumptions(rate, yields);
  }

  /** SPY, QQQ and IWM at late-2026-like levels, a 4% rate, 1-second steps. */
  public static MarketSpec defaults() {
    return new MarketSpec(
        List.of(
            new UnderlyingSpec(
                "SPY", "ARCA", 600, 0.013, 0.16, 4.0, 0.6, -0.7, 0.95, 3, -0.03, 0.02, 1),
            new UnderlyingSpec(
                "QQQ", "NASDAQ", 520, 0.006, 0.20, 4.0, 0.7, -0.65, 0.9, 3, -0.035, 0.025, 1),
            new UnderlyingSpec(
                "IWM", "ARCA", 230, 0.012, 0.22, 3.5, 0.7, -0.6, 0.8, 3, -0.035, 0.025, 1)),
        0.04,
        Duration.ofSeconds(1),
        8,
        1.0,
        0.25);
  }
}
