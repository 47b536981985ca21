package dev.thetaflow.core.config;

import dev.thetaflow.core.risk.MarketAssumptions;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the option analytics assume beyond quotes. Both move every Greek the job computes, so the
 * rate is required: a number that prices real positions should be written down, not defaulted.
 *
 * @param rate continuously compounded risk-free rate, from −0.05 to 0.25
 * @param dividendYields continuous dividend yield by underlying symbol, each from 0 to 0.25; an
 *     underlying not listed is taken to pay none
 */
public record AnalyticsConfig(double rate, Map<String, Double> dividendYields) {

  static final DecimalRange RATE = new DecimalRange(-0.05, true, 0.25);
  static final DecimalRange YIELD = new DecimalRange(0, true, 0.25);

  public AnalyticsConfig {
    RATE.require("rate", rate);
    dividendYields = Map.copyOf(dividendYields);
    dividendYields.forEach((symbol, q) -> YIELD.require("dividendYields." + symbol, q));
  }

  /** As the analytics take them. */
  public MarketAssumptions market() {
    return new MarketAssumptions(rate, dividendYields);
  }

  static AnalyticsConfig read(ConfigSection s) {
    double rate = s.decimal("rate", RATE);
    ConfigSection yields = s.section("dividendYields");
    Map<String, Double> bySymbol = new TreeMap<>();
    for (String symbol : yields.keys()) {
      bySymbol.put(symbol, yields.decimal(symbol, YIELD));
    }
    return s.build(() -> new AnalyticsConfig(rate, bySymbol));
  }
}
