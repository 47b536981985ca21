package dev.thetaflow.ib.codec;

import java.util.List;

/**
 * securityDefinitionOptionParameter (75): the chain of one exchange and trading class.
 *
 * @param reqId the reqSecDefOptParams id
 * @param exchange the exchange
 * @param underlyingConId the underlying's contract id
 * @param tradingClass option trading class
 * @param multiplier multiplier as text
 * @param expirations expirations, YYYYMMDD
 * @param strikes strikes in the order sent
 */
public record SecDefOptParameter(
    int reqId,
    String exchange,
    int underlyingConId,
    String tradingClass,
    String multiplier,
    List<String> expirations,
    List<Double> strikes)
    implements IncomingMessage {
  /** Copies the lists. */
  public SecDefOptParameter {
    expirations = List.copyOf(expirations);
    strikes = List.copyOf(strikes);
  }
}
