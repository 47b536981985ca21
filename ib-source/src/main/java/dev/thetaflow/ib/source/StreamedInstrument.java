package dev.thetaflow.ib.source;

import java.io.Serializable;

/**
 * An instrument the source streams from its start, named the way IB resolves it.
 *
 * @param symbol e.g. SPY, VIX
 * @param secType STK or IND
 * @param exchange SMART for stocks and ETFs, CBOE for VIX
 * @param currency e.g. USD
 */
public record StreamedInstrument(String symbol, String secType, String exchange, String currency)
    implements Serializable {
  public StreamedInstrument {
    if (symbol == null || symbol.isBlank()) {
      throw new IllegalArgumentException("a streamed instrument needs a symbol");
    }
    if (!"STK".equals(secType) && !"IND".equals(secType)) {
      throw new IllegalArgumentException(symbol + ": secType must be STK or IND, was " + secType);
    }
  }

  public static StreamedInstrument stock(String symbol) {
    return new StreamedInstrument(symbol, "STK", "SMART", "USD");
  }

  /** The CBOE VIX index, which the catastrophe and VIX-exit rules read. */
  public static StreamedInstrument vix() {
    return new StreamedInstrument("VIX", "IND", "CBOE", "USD");
  }
}
