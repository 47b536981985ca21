package dev.thetaflow.sim.server;

import dev.thetaflow.ib.codec.FieldWriter;
import dev.thetaflow.sim.market.MarketView;
import dev.thetaflow.sim.market.SimQuote;
import java.util.List;

/**
 * One market-data subscription: what was last sent, so each cycle sends only the fields that
 * changed (IB's behaviour). A combo's quote is the net of its legs.
 */
final class MarketDataStream {
  // IB tick types (brief §3.2 and IB's tick-type table)
  static final int BID_SIZE = 0;
  static final int BID = 1;
  static final int ASK = 2;
  static final int ASK_SIZE = 3;
  static final int LAST = 4;
  static final int LAST_SIZE = 5;
  static final int HIGH = 6;
  static final int LOW = 7;
  static final int VOLUME = 8;
  static final int CLOSE = 9;
  static final int OPEN = 14;
  static final int MODEL_OPTION = 13;

  private final int reqId;
  private final List<SimOrder.Leg> legs;
  private final int conId;
  private SimQuote sent;

  MarketDataStream(int reqId, List<SimOrder.Leg> legs, int conId) {
    this.reqId = reqId;
    this.legs = List.copyOf(legs);
    this.conId = conId;
  }

  int conId() {
    return conId;
  }

  List<SimOrder.Leg> legs() {
    return legs;
  }

  /** Writes the changes since the last call; returns how many messages were written. */
  int publish(SimClientSession s, SimQuote q, FieldWriter w) {
    SimQuote before = sent;
    int n = 0;
    n +=
        price(
            s,
            w,
            BID,
            q.bid(),
            q.bidSize(),
            before == null ? Double.NaN : before.bid(),
            before == null ? -1 : before.bidSize(),
            BID_SIZE);
    n +=
        price(
            s,
            w,
            ASK,
            q.ask(),
            q.askSize(),
            before == null ? Double.NaN : before.ask(),
            before == null ? -1 : before.askSize(),
            ASK_SIZE);
    n +=
        price(
            s,
            w,
            LAST,
            q.last(),
            q.lastSize(),
            before == null ? Double.NaN : before.last(),
            before == null ? -1 : before.lastSize(),
            LAST_SIZE);
    if (before == null || before.high() != q.high()) {
      n += write(s, w, ServerMessages.tickPrice(w, reqId, HIGH, q.high(), 0));
    }
    if (before == null || before.low() != q.low()) {
      n += write(s, w, ServerMessages.tickPrice(w, reqId, LOW, q.low(), 0));
    }
    if (before == null) {
      n += write(s, w, ServerMessages.tickPrice(w, reqId, CLOSE, q.close(), 0));
      n += write(s, w, ServerMessages.tickPrice(w, reqId, OPEN, q.open(), 0));
    }
    if (q.volume() > 0 && (before == null || before.volume() != q.volume())) {
      n += write(s, w, ServerMessages.tickSize(w, reqId, VOLUME, q.volume()));
    }
    if (q.model() != null && (before == null || !q.model().equals(before.model()))) {
      n += write(s, w, ServerMessages.tickOptionComputation(w, reqId, MODEL_OPTION, q.model()));
    }
    sent = q;
    return n;
  }

  /**
   * A price tick when the price changed (with its size), a size tick when only the size did. No bid
   * (NaN) goes out as IB's −1 with size 0.
   */
  private int price(
      SimClientSession s,
      FieldWriter w,
      int tickType,
      double price,
      int size,
      double sentPrice,
      int sentSize,
      int sizeTickType) {
    double wire = Double.isNaN(price) ? -1 : price;
    double sentWire = Double.isNaN(sentPrice) ? (sentSize < 0 ? Double.NaN : -1) : sentPrice;
    if (sentSize < 0 || wire != sentWire) {
      return write(s, w, ServerMessages.tickPrice(w, reqId, tickType, wire, Math.max(size, 0)));
    }
    if (size != sentSize) {
      return write(s, w, ServerMessages.tickSize(w, reqId, sizeTickType, size));
    }
    return 0;
  }

  private static int write(SimClientSession s, FieldWriter w, int length) {
    s.write(w.buffer(), length);
    return 1;
  }

  /**
   * The net quote of a combo bought once: buy legs at their bid/ask, sell legs at the opposite
   * side; sizes are what the thinnest leg allows.
   */
  static SimQuote comboQuote(MarketView market, List<SimOrder.Leg> legs) {
    double bid = 0;
    double ask = 0;
    int bidSize = Integer.MAX_VALUE;
    int askSize = Integer.MAX_VALUE;
    for (SimOrder.Leg leg : legs) {
      SimQuote q = market.quote(leg.instrument().conId());
      int r = leg.ratio();
      if (leg.buy()) {
        bid += r * q.bid();
        ask += r * q.ask();
        bidSize = Math.min(bidSize, q.bidSize() / r);
        askSize = Math.min(askSize, q.askSize() / r);
      } else {
        bid -= r * q.ask();
        ask -= r * q.bid();
        bidSize = Math.min(bidSize, q.askSize() / r);
        askSize = Math.min(askSize, q.bidSize() / r);
      }
    }
    double mid = Math.round((bid + ask) / 2 * 100) / 100.0;
    return new SimQuote(
        market.step(),
        round(bid),
        round(ask),
        bidSize,
        askSize,
        mid,
        0,
        0,
        mid,
        mid,
        mid,
        mid,
        null);
  }

  private static double round(double price) {
    return Double.isNaN(price) ? price : Math.round(price * 100) / 100.0;
  }
}
