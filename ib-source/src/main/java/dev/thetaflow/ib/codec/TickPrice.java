package dev.thetaflow.ib.codec;

/**
 * tickPrice (1). The official client also derives a tickSize from bid/ask/last prices; this record
 * carries exactly what was sent and leaves that to the caller.
 *
 * @param tickerId the reqId of the market-data request
 * @param tickType TWS tick type (1 bid, 2 ask, 4 last, 6 high, 7 low, 9 close, 66.. delayed)
 * @param price the price, or {@link TwsValues#UNSET_DOUBLE} if the field was empty
 * @param size the size at that price, or {@link TwsValues#UNSET_DOUBLE}
 * @param attrMask bit 0 canAutoExecute, bit 1 pastLimit, bit 2 preOpen
 */
public record TickPrice(int tickerId, int tickType, double price, double size, int attrMask)
    implements IncomingMessage {
  /** Attribute bit 0. */
  public boolean canAutoExecute() {
    return (attrMask & 1) != 0;
  }

  /** Attribute bit 1. */
  public boolean pastLimit() {
    return (attrMask & 2) != 0;
  }

  /** Attribute bit 2. */
  public boolean preOpen() {
    return (attrMask & 4) != 0;
  }
}
