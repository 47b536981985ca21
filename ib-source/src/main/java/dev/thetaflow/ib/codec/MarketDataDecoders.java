package dev.thetaflow.ib.codec;

/**
 * Decoders for market-data messages: ticks, option computations, data type, request parameters.
 * Each reads the fields after the message id, in the 178 layout.
 */
final class MarketDataDecoders {
  private MarketDataDecoders() {}

  static TickPrice tickPrice(FieldReader r) {
    r.skip("version");
    int tickerId = r.readInt("tickerId");
    int tickType = r.readInt("tickType");
    double price = r.readDoubleMax("price");
    double size = r.readDecimal("size");
    int attrMask = r.readInt("attrMask");
    return new TickPrice(tickerId, tickType, price, size, attrMask);
  }

  static TickSize tickSize(FieldReader r) {
    r.skip("version");
    int tickerId = r.readInt("tickerId");
    int tickType = r.readInt("tickType");
    return new TickSize(tickerId, tickType, r.readDecimal("size"));
  }

  static TickGeneric tickGeneric(FieldReader r) {
    r.skip("version");
    int tickerId = r.readInt("tickerId");
    int tickType = r.readInt("tickType");
    return new TickGeneric(tickerId, tickType, r.readDoubleMax("value"));
  }

  static TickString tickString(FieldReader r) {
    r.skip("version");
    int tickerId = r.readInt("tickerId");
    int tickType = r.readInt("tickType");
    return new TickString(tickerId, tickType, r.readString("value"));
  }

  static MarketDataType marketDataType(FieldReader r) {
    r.skip("version");
    int reqId = r.readInt("reqId");
    return new MarketDataType(reqId, r.readInt("marketDataType"));
  }

  static TickReqParams tickReqParams(FieldReader r) {
    int tickerId = r.readInt("tickerId");
    double minTick = r.readDoubleMax("minTick");
    String bboExchange = r.readString("bboExchange");
    return new TickReqParams(tickerId, minTick, bboExchange, r.readInt("snapshotPermissions"));
  }

  static TickOptionComputation tickOptionComputation(FieldReader r) {
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
