package dev.thetaflow.core.strategy;

import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.instrument.Contract;
import java.math.BigDecimal;
import java.time.LocalDate;

/** SPY options of one expiry for strategy tests; conId = strike × 10 (+1 for calls). */
public final class StrategyTestData {

  public static final LocalDate EXPIRY = LocalDate.of(2026, 12, 18);

  private StrategyTestData() {}

  public static Contract put(double strike) {
    return Contract.equityOption(
        (long) (strike * 10), "SPY", EXPIRY, strike, OptionType.PUT, new BigDecimal("0.01"));
  }

  public static Contract call(double strike) {
    return Contract.equityOption(
        (long) (strike * 10) + 1, "SPY", EXPIRY, strike, OptionType.CALL, new BigDecimal("0.01"));
  }
}
