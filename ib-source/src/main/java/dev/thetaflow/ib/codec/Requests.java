package dev.thetaflow.ib.codec;

/**
 * Encoders for client → server messages at server version 178, field for field as IB's official
 * client writes them (brief §2.3–2.4, recorded in tws-frames.md). Each method fills {@code w} with
 * one finished frame and returns its length in bytes (prefix included); the frame is {@code
 * w.buffer()[0, length)}. Stateless; thread safety is that of the writer passed in.
 */
public final class Requests {
  private Requests() {}

  /** startApi (71): version 2, clientId, optionalCapabilities (normally empty). */
  public static int startApi(FieldWriter w, int clientId, String optionalCapabilities) {
    return w.begin(OutgoingMessageId.START_API)
        .writeInt(2)
        .writeInt(clientId)
        .writeString(optionalCapabilities)
        .finish();
  }

  /**
   * reqMktData (1), version 11. Delta-neutral contracts are not supported (always written as 0). Do
   * not combine a generic tick list with a snapshot: TWS answers error 414.
   */
  public static int reqMktData(
      FieldWriter w,
      int reqId,
      TwsContract contract,
      String genericTickList,
      boolean snapshot,
      boolean regulatorySnapshot) {
    w.begin(OutgoingMessageId.REQ_MKT_DATA).writeInt(11).writeInt(reqId);
    contract.writeBlock(w);
    if (contract.isBag()) {
      w.writeInt(contract.comboLegs().size());
      for (TwsComboLeg leg : contract.comboLegs()) {
        w.writeInt(leg.conId()).writeInt(leg.ratio()).writeString(leg.action());
        w.writeString(leg.exchange());
      }
    }
    return w.writeBoolean(false) // deltaNeutralContractPresent
        .writeString(genericTickList)
        .writeBoolean(snapshot)
        .writeBoolean(regulatorySnapshot)
        .writeEmpty() // mktDataOptions, always empty
        .finish();
  }

  /** cancelMktData (2), version 2 as the official client sends it. */
  public static int cancelMktData(FieldWriter w, int reqId) {
    return w.begin(OutgoingMessageId.CANCEL_MKT_DATA).writeInt(2).writeInt(reqId).finish();
  }

  /** reqMarketDataType (59): 1 live, 2 frozen, 3 delayed, 4 delayed-frozen. */
  public static int reqMarketDataType(FieldWriter w, int marketDataType) {
    if (marketDataType < 1 || marketDataType > 4) {
      throw new IllegalArgumentException("market data type must be 1..4: " + marketDataType);
    }
    return w.begin(OutgoingMessageId.REQ_MARKET_DATA_TYPE)
        .writeInt(1)
        .writeInt(marketDataType)
        .finish();
  }

  /** reqIds (8): asks for the next valid order id (answered by nextValidId). */
  public static int reqIds(FieldWriter w, int numIds) {
    return w.begin(OutgoingMessageId.REQ_IDS).writeInt(1).writeInt(numIds).finish();
  }

  /** reqCurrentTime (49): answered by currentTime. */
  public static int reqCurrentTime(FieldWriter w) {
    return w.begin(OutgoingMessageId.REQ_CURRENT_TIME).writeInt(1).finish();
  }
}
