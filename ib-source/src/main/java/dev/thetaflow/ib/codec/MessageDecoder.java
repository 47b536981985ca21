package dev.thetaflow.ib.codec;

/**
 * Decodes one frame payload (as delivered by {@link FrameDecoder}) into an {@link IncomingMessage},
 * using the server-version-178 layouts of the protocol brief §3.2. Messages it does not know yet
 * come back as {@link UnhandledMessage}; a frame that does not match its layout throws {@link
 * MalformedMessageException} and leaves the decoder ready for the next frame.
 *
 * <p>Reusable; holds one {@link FieldReader}. Not thread-safe.
 */
public final class MessageDecoder {
  private final FieldReader reader = new FieldReader();

  /** Decodes {@code buffer[offset, offset + length)}. */
  public IncomingMessage decode(byte[] buffer, int offset, int length) {
    FieldReader r = reader.wrap(buffer, offset, length);
    int messageId = r.readMessageId();
    IncomingMessageId id = IncomingMessageId.fromId(messageId);
    if (id == null) {
      return new UnhandledMessage(messageId);
    }
    IncomingMessage message =
        switch (id) {
          case TICK_PRICE -> tickPrice(r);
          case TICK_SIZE -> tickSize(r);
          case TICK_OPTION_COMPUTATION -> tickOptionComputation(r);
          case TICK_GENERIC -> tickGeneric(r);
          case TICK_STRING -> tickString(r);
          case MARKET_DATA_TYPE -> marketDataType(r);
          case TICK_REQ_PARAMS -> tickReqParams(r);
          case TICK_SNAPSHOT_END -> new TickSnapshotEnd(skipVersion(r).readInt("reqId"));
          case NEXT_VALID_ID -> new NextValidId(skipVersion(r).readInt("orderId"));
          case MANAGED_ACCTS -> new ManagedAccounts(skipVersion(r).readString("accountsList"));
          case ERR_MSG -> errorMessage(r);
          case CURRENT_TIME -> new CurrentTime(skipVersion(r).readLong("time"));
          default -> null;
        };
    if (message == null) {
      return new UnhandledMessage(messageId);
    }
    r.expectEnd();
    return message;
  }

  private static FieldReader skipVersion(FieldReader r) {
    r.skip("version");
    return r;
  }

  private static TickPrice tickPrice(FieldReader r) {
    r.skip("version");
    int tickerId = r.readInt("tickerId");
    int tickType = r.readInt("tickType");
    double price = r.readDoubleMax("price");
    double size = r.readDecimal("size");
    int attrMask = r.readInt("attrMask");
    return new TickPrice(tickerId, tickType, price, size, attrMask);
  }

  private static TickSize tickSize(FieldReader r) {
    r.skip("version");
    int tickerId = r.readInt("tickerId");
    int tickType = r.readInt("tickType");
    return new TickSize(tickerId, tickType, r.readDecimal("size"));
  }

  private static TickGeneric tickGeneric(FieldReader r) {
    r.skip("version");
    int tickerId = r.readInt("tickerId");
    int tickType = r.readInt("tickType");
    return new TickGeneric(tickerId, tickType, r.readDoubleMax("value"));
  }

  private static TickString tickString(FieldReader r) {
    r.skip("version");
    int tickerId = r.readInt("tickerId");
    int tickType = r.readInt("tickType");
    return new TickString(tickerId, tickType, r.readString("value"));
  }

  private static MarketDataType marketDataType(FieldReader r) {
    r.skip("version");
    int reqId = r.readInt("reqId");
    return new MarketDataType(reqId, r.readInt("marketDataType"));
  }

  private static TickReqParams tickReqParams(FieldReader r) {
    int tickerId = r.readInt("tickerId");
    double minTick = r.readDoubleMax("minTick");
    String bboExchange = r.readString("bboExchange");
    return new TickReqParams(tickerId, minTick, bboExchange, r.readInt("snapshotPermissions"));
  }

  private static ErrorMessage errorMessage(FieldReader r) {
    r.skip("version");
    int id = r.readInt("id");
    int errorCode = r.readInt("errorCode");
    String text = r.readEscapedString("errorMsg");
    String json = r.readString("advancedOrderRejectJson");
    return new ErrorMessage(id, errorCode, text, json);
  }

  private static TickOptionComputation tickOptionComputation(FieldReader r) {
    int tickerId = r.readInt("tickerId");
    int tickType = r.readInt("tickType");
    int tickAttrib = r.readInt("tickAttrib");
    double impliedVol = r.readDoubleMax("impliedVol");
    double delta = unsetIf(r.readDoubleMax("delta"), -2);
    double optPrice = unsetIf(r.readDoubleMax("optPrice"), -1);
    double pvDividend = unsetIf(r.readDoubleMax("pvDividend"), -1);
    double gamma = unsetIf(r.readDoubleMax("gamma"), -2);
    double vega = unsetIf(r.readDoubleMax("vega"), -2);
    double theta = unsetIf(r.readDoubleMax("theta"), -2);
    double undPrice = unsetIf(r.readDoubleMax("undPrice"), -1);
    return new TickOptionComputation(
        tickerId,
        tickType,
        tickAttrib,
        impliedVol < 0 || Double.isNaN(impliedVol) ? TwsValues.UNSET_DOUBLE : impliedVol,
        delta,
        optPrice,
        pvDividend,
        gamma,
        vega,
        theta,
        undPrice);
  }

  private static double unsetIf(double value, double notComputed) {
    return value == notComputed || Double.isNaN(value) ? TwsValues.UNSET_DOUBLE : value;
  }
}
