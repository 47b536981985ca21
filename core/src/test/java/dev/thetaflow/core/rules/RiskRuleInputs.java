package dev.thetaflow.core.rules;

import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.instrument.Contract;
import dev.thetaflow.core.risk.PositionGreeks;
import dev.thetaflow.core.strategy.StrategyType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Inputs for the risk rule tests: one SPY iron condor at spot 600 (long put 570, short put 580,
 * short call 620, long call 630), 14 days to expiry, on Friday 2026-12-04 at 10:00 New York. conId
 * = strike × 10, +1 for calls.
 */
final class RiskRuleInputs {

  static final Instant NOW = Instant.parse("2026-12-04T15:00:00Z");
  static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
  static final LocalDate EXPIRY = TODAY.plusDays(14);
  static final double SPOT = 600;

  private RiskRuleInputs() {}

  static Contract put(double strike, LocalDate expiry) {
    return Contract.equityOption(
        (long) (strike * 10), "SPY", expiry, strike, OptionType.PUT, new BigDecimal("0.01"));
  }

  static Contract call(double strike, LocalDate expiry) {
    return Contract.equityOption(
        (long) (strike * 10) + 1, "SPY", expiry, strike, OptionType.CALL, new BigDecimal("0.01"));
  }

  static LegView leg(Contract c, long position, double mark, double delta) {
    return new LegView(c, position, mark, mark - 0.05, mark + 0.05, true, 0.2, delta, 0.01);
  }

  /** The condor's legs with the given short deltas (put's negative) at {@code expiry}. */
  static List<LegView> condor(double shortPutDelta, double shortCallDelta, LocalDate expiry) {
    return List.of(
        leg(put(570, expiry), 1, 0.60, shortPutDelta / 2),
        leg(put(580, expiry), -1, 1.20, shortPutDelta),
        leg(call(620, expiry), -1, 1.10, shortCallDelta),
        leg(call(630, expiry), 1, 0.50, shortCallDelta / 2));
  }

  static List<LegView> condor(double shortPutDelta, double shortCallDelta) {
    return condor(shortPutDelta, shortCallDelta, EXPIRY);
  }

  /** Greeks of the position: share delta, vega per 1.00 of vol, dollar gamma per 1%. */
  static PositionGreeks greeks(double delta, double vega, double dollarGamma) {
    return new PositionGreeks("SPY", SPOT, delta, 0, vega, 0, 0, delta * SPOT, dollarGamma);
  }

  /** A credit condor ($150 in, max loss $850), quiet market, everything known. */
  static RuleInput.Builder condorInput() {
    return RuleInput.builder("IC-1", StrategyType.IRON_CONDOR, NOW)
        .money(150, 150, 850)
        .pnl(0, 0)
        .spot(SPOT, SPOT)
        .vix(15, 15)
        .iv(0.20, 0.20)
        .dte(14)
        .greeks(greeks(1, -20, 5))
        .legs(condor(-0.15, 0.16));
  }

  static RuleParams params(Map<String, String> values) {
    return new RuleParams("rules.byType.IRON_CONDOR.test", values);
  }
}
