package dev.thetaflow.sim.market;

import dev.thetaflow.core.analytics.OptionType;
import java.time.LocalDate;

/**
 * A contract as a client describes it on the wire; unset fields are null (or 0 for conId, NaN for
 * strike) and match anything.
 *
 * @param conId IB contract id, 0 when not given
 * @param symbol underlying symbol, e.g. SPY
 * @param secType STK, IND or OPT; null matches any
 * @param expiry last trading day of an option; null matches any
 * @param strike option strike; NaN matches any
 * @param right call or put; null matches any
 */
public record ContractQuery(
    int conId, String symbol, String secType, LocalDate expiry, double strike, OptionType right) {

  public static ContractQuery ofConId(int conId) {
    return new ContractQuery(conId, null, null, null, Double.NaN, null);
  }
}
