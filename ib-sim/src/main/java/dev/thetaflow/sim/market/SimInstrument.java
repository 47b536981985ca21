package dev.thetaflow.sim.market;

import dev.thetaflow.core.analytics.OptionType;
import java.time.LocalDate;

/**
 * A listed instrument of the simulated market, with what contract details report about it.
 *
 * @param conId unique id, stable for a given seed and configuration
 * @param symbol underlying symbol (SPY, VIX, ...)
 * @param secType STK, IND or OPT
 * @param exchange SMART for stocks and options, CBOE for VIX
 * @param primaryExchange ARCA, NASDAQ, CBOE, ...
 * @param currency USD
 * @param localSymbol OCC-style symbol for options, the ticker otherwise
 * @param tradingClass SPY, QQQ, ... (options), the ticker otherwise
 * @param multiplier 100 for options, 1 otherwise
 * @param minTick minimum price increment
 * @param expiry option last trading day, null otherwise
 * @param strike option strike, NaN otherwise
 * @param right call or put for options, null otherwise
 * @param underlyingConId conId of the option's underlying, 0 otherwise
 */
public record SimInstrument(
    int conId,
    String symbol,
    String secType,
    String exchange,
    String primaryExchange,
    String currency,
    String localSymbol,
    String tradingClass,
    int multiplier,
    double minTick,
    LocalDate expiry,
    double strike,
    OptionType right,
    int underlyingConId) {

  public boolean isOption() {
    return "OPT".equals(secType);
  }
}
