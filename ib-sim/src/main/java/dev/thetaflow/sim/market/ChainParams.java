package dev.thetaflow.sim.market;

import java.time.LocalDate;
import java.util.List;

/**
 * What reqSecDefOptParams reports for an underlying: one row per exchange and trading class.
 *
 * @param underlyingConId conId of the underlying
 * @param exchange SMART
 * @param tradingClass e.g. SPY
 * @param multiplier 100
 * @param expirations listed expirations, ascending
 * @param strikes union of listed strikes over all expirations, ascending
 */
public record ChainParams(
    int underlyingConId,
    String exchange,
    String tradingClass,
    int multiplier,
    List<LocalDate> expirations,
    List<Double> strikes) {

  public ChainParams {
    expirations = List.copyOf(expirations);
    strikes = List.copyOf(strikes);
  }
}
