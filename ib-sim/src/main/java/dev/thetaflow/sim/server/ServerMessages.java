package dev.thetaflow.sim.server;

import dev.thetaflow.ib.codec.FieldWriter;
import dev.thetaflow.sim.market.SimInstrument;
import dev.thetaflow.sim.market.SimQuote;
import java.time.format.DateTimeFormatter;

/**
 * The server's messages at version 178, written from the protocol brief §3.2 (field by field; the
 * {@code @stoqey/ib} client decodes them independently in the conformance tests). Each method
 * leaves one finished frame in the writer and returns its length.
 */
final class ServerMessages {
  static final int TICK_PRICE = 1;
  static final int TICK_SIZE = 2;
  static final int ORDER_STATUS = 3;
  static final int OPEN_ORDER = 5;
  static final int COMPLETED_ORDER = 101;
  static final int ERR_MSG = 4;
  static final int ACCT_VALUE = 6;
  static final int PORTFOLIO_VALUE = 7;
  static final int ACCT_UPDATE_TIME = 8;
  static final int NEXT_VALID_ID = 9;
  static final int CONTRACT_DATA = 10;
  static final int EXECUTION_DATA = 11;
  static final int MANAGED_ACCTS = 15;
  static final int TICK_OPTION_COMPUTATION = 21;
  static final int TICK_STRING = 46;
  static final int CURRENT_TIME = 49;
  static final int CONTRACT_DATA_END = 52;
  static final int OPEN_ORDER_END = 53;
  static final int ACCT_DOWNLOAD_END = 54;
  static final int EXECUTION_DATA_END = 55;
  static final int TICK_SNAPSHOT_END = 57;
  static final int MARKET_DATA_TYPE = 58;
  static final int COMMISSION_REPORT = 59;
  static final int POSITION = 61;
  static final int POSITION_END = 62;
  static final int ACCOUNT_SUMMARY = 63;
  static final int ACCOUNT_SUMMARY_END = 64;
  static final int SEC_DEF_OPT_PARAMETER = 75;
  static final int SEC_DEF_OPT_PARAMETER_END = 76;
  static final int TICK_REQ_PARAMS = 81;
  static final int COMPLETED_ORDERS_END = 102;

  /** The conId TWS reports for a combo (BAG) order in the recorded frames. */
  private static final int COMBO_CON_ID = 28_812_380;

  /** IB's "not computed" marker in tickOptionComputation (brief §3.2). */
  static final double NOT_COMPUTED = -1;

  private static final DateTimeFormatter EXPIRY = DateTimeFormatter.BASIC_ISO_DATE;

  private ServerMessages() {}

  static int serverVersion(FieldWriter w, int version, String connectionTime) {
    return w.beginServerMessage(version).writeString(connectionTime).finish();
  }

  static int nextValidId(FieldWriter w, int orderId) {
    return w.beginServerMessage(NEXT_VALID_ID).writeInt(1).writeInt(orderId).finish();
  }

  static int managedAccounts(FieldWriter w, String accounts) {
    return w.beginServerMessage(MANAGED_ACCTS).writeInt(1).writeString(accounts).finish();
  }

  static int currentTime(FieldWriter w, long epochSeconds) {
    return w.beginServerMessage(CURRENT_TIME).writeInt(1).writeLong(epochSeconds).finish();
  }

  /** errMsg below 194: version 2, id, code, text, advancedOrderRejectJson. */
  static int error(FieldWriter w, int id, int code, String text, String rejectJson) {
    return w.beginServerMessage(ERR_MSG)
        .writeInt(2)
        .writeInt(id)
        .writeInt(code)
        .writeString(text)
        .writeString(rejectJson)
        .finish();
  }

  static int tickPrice(FieldWriter w, int tickerId, int tickType, double price, long size) {
    return w.beginServerMessage(TICK_PRICE)
        .writeInt(6)
        .writeInt(tickerId)
        .writeInt(tickType)
        .writeDouble(price)
        .writeLong(size)
        .writeInt(0)
        .finish();
  }

  static int tickString(FieldWriter w, int tickerId, int tickType, String value) {
    return w.beginServerMessage(TICK_STRING)
        .writeInt(6)
        .writeInt(tickerId)
        .writeInt(tickType)
        .writeString(value)
        .finish();
  }

  static int tickSize(FieldWriter w, int tickerId, int tickType, long size) {
    return w.beginServerMessage(TICK_SIZE)
        .writeInt(6)
        .writeInt(tickerId)
        .writeInt(tickType)
        .writeLong(size)
        .finish();
  }

  /** At 156+: no version; tickAttrib 1 (price-based), then the eight model values. */
  static int tickOptionComputation(
      FieldWriter w, int tickerId, int tickType, SimQuote.ModelComputation m) {
    return w.beginServerMessage(TICK_OPTION_COMPUTATION)
        .writeInt(tickerId)
        .writeInt(tickType)
        .writeInt(1)
        .writeDouble(m.impliedVol())
        .writeDouble(m.delta())
        .writeDouble(m.optPrice())
        .writeDouble(m.pvDividend())
        .writeDouble(m.gamma())
        .writeDouble(m.vega())
        .writeDouble(m.theta())
        .writeDouble(m.undPrice())
        .finish();
  }

  static int tickSnapshotEnd(FieldWriter w, int reqId) {
    return w.beginServerMessage(TICK_SNAPSHOT_END).writeInt(1).writeInt(reqId).finish();
  }

  static int marketDataType(FieldWriter w, int reqId, int type) {
    return w.beginServerMessage(MARKET_DATA_TYPE)
        .writeInt(1)
        .writeInt(reqId)
        .writeInt(type)
        .finish();
  }

  static int tickReqParams(FieldWriter w, int tickerId, double minTick) {
    return w.beginServerMessage(TICK_REQ_PARAMS)
        .writeInt(tickerId)
        .writeDouble(minTick)
        .writeString("9c0001")
        .writeInt(3)
        .finish();
  }

  /** contractDetails at 164–181, no version (brief §3.2). */
  static int contractData(FieldWriter w, int reqId, SimInstrument i, String underlyingSymbol) {
    boolean option = i.isOption();
    w.beginServerMessage(CONTRACT_DATA)
        .writeInt(reqId)
        .writeString(i.symbol())
        .writeString(i.secType())
        .writeString(option ? i.expiry().format(EXPIRY) : "")
        .writeDouble(option ? i.strike() : 0)
        .writeString(
            option ? (i.right() == dev.thetaflow.core.analytics.OptionType.CALL ? "C" : "P") : "")
        .writeString(i.exchange())
        .writeString(i.currency())
        .writeString(i.localSymbol())
        .writeString(i.tradingClass()) // marketName
        .writeString(i.tradingClass())
        .writeInt(i.conId())
        .writeDouble(i.minTick())
        .writeString(option ? String.valueOf(i.multiplier()) : "")
        .writeString(
            "ACTIVETIM,AD,ADJUST,ALERT,ALLOC,AVGCOST,BASKET,COND,DAY,GTC,GTD,LMT,MKT,STP,STPLMT,TRAIL")
        .writeString("SMART,CBOE,AMEX,ISE,PHLX,ARCA,NASDAQOM,BOX")
        .writeInt(1)
        .writeInt(option ? i.underlyingConId() : 0)
        .writeString(option ? underlyingSymbol + " options" : i.symbol())
        .writeString(i.primaryExchange())
        .writeString(option ? i.expiry().format(DateTimeFormatter.ofPattern("yyyyMM")) : "")
        .writeString("")
        .writeString("")
        .writeString("")
        .writeString("US/Eastern")
        .writeString("20261124:0930-20261124:1600")
        .writeString("20261124:0930-20261124:1600")
        .writeString("")
        .writeEmpty()
        .writeInt(0) // secIdListCount
        .writeInt(option ? 2 : 1)
        .writeString(option ? underlyingSymbol : "")
        .writeString(option ? "STK" : "")
        .writeString(option ? "32,32" : "26")
        .writeString(option ? i.expiry().format(EXPIRY) : "")
        .writeString(option ? "" : "ETF")
        .writeString("1")
        .writeString("1")
        .writeString("1");
    return w.finish();
  }

  static int end(FieldWriter w, int messageId, int reqId) {
    return w.beginServerMessage(messageId).writeInt(1).writeInt(reqId).finish();
  }

  static int endWithoutId(FieldWriter w, int messageId) {
    return w.beginServerMessage(messageId).writeInt(1).finish();
  }

  static int secDefOptParameterEnd(FieldWriter w, int reqId) {
    return w.beginServerMessage(SEC_DEF_OPT_PARAMETER_END).writeInt(reqId).finish();
  }

  static int secDefOptParameter(
      FieldWriter w, int reqId, dev.thetaflow.sim.market.ChainParams chain) {
    w.beginServerMessage(SEC_DEF_OPT_PARAMETER)
        .writeInt(reqId)
        .writeString(chain.exchange())
        .writeInt(chain.underlyingConId())
        .writeString(chain.tradingClass())
        .writeString(String.valueOf(chain.multiplier()))
        .writeInt(chain.expirations().size());
    for (var expiry : chain.expirations()) {
      w.writeString(expiry.format(EXPIRY));
    }
    w.writeInt(chain.strikes().size());
    for (double strike : chain.strikes()) {
      w.writeDouble(strike);
    }
    return w.finish();
  }

  /** The 11-field contract block of position and execDetails (no primaryExchange). */
  static FieldWriter reportedContract(FieldWriter w, SimInstrument i) {
    boolean option = i.isOption();
    return w.writeInt(i.conId())
        .writeString(i.symbol())
        .writeString(i.secType())
        .writeString(option ? i.expiry().format(EXPIRY) : "")
        .writeDouble(option ? i.strike() : 0)
        .writeString(
            option ? (i.right() == dev.thetaflow.core.analytics.OptionType.CALL ? "C" : "P") : "")
        .writeString(option ? String.valueOf(i.multiplier()) : "")
        .writeString(i.exchange())
        .writeString(i.currency())
        .writeString(i.localSymbol())
        .writeString(i.tradingClass());
  }

  static int position(FieldWriter w, String account, SimInstrument i, long qty, double avgCost) {
    w.beginServerMessage(POSITION).writeInt(3).writeString(account);
    return reportedContract(w, i).writeLong(qty).writeDouble(avgCost).finish();
  }

  static int accountValue(FieldWriter w, String key, String value, String account) {
    return w.beginServerMessage(ACCT_VALUE)
        .writeInt(2)
        .writeString(key)
        .writeString(value)
        .writeString("USD")
        .writeString(account)
        .finish();
  }

  static int accountUpdateTime(FieldWriter w, String hhmm) {
    return w.beginServerMessage(ACCT_UPDATE_TIME).writeInt(1).writeString(hhmm).finish();
  }

  static int accountDownloadEnd(FieldWriter w, String account) {
    return w.beginServerMessage(ACCT_DOWNLOAD_END).writeInt(1).writeString(account).finish();
  }

  static int accountSummary(FieldWriter w, int reqId, String account, String tag, String value) {
    return w.beginServerMessage(ACCOUNT_SUMMARY)
        .writeInt(1)
        .writeInt(reqId)
        .writeString(account)
        .writeString(tag)
        .writeString(value)
        .writeString("USD")
        .finish();
  }

  /** orderStatus at 131+, no version. */
  static int orderStatus(
      FieldWriter w,
      int orderId,
      String status,
      long filled,
      long remaining,
      double avgFillPrice,
      long permId,
      double lastFillPrice,
      int clientId) {
    return w.beginServerMessage(ORDER_STATUS)
        .writeInt(orderId)
        .writeString(status)
        .writeLong(filled)
        .writeLong(remaining)
        .writeDouble(avgFillPrice)
        .writeLong(permId)
        .writeInt(0)
        .writeDouble(lastFillPrice)
        .writeInt(clientId)
        .writeString("")
        .writeDouble(0)
        .finish();
  }

  /**
   * openOrder at 178 (no version), the 26 groups of the brief §3.2 in order: the order as placed,
   * its legs for a combo, and the order state. Defaults as TWS writes them (exemptCode −1,
   * deltaNeutralOrderType {@code None} with its 8 extras, unset doubles as 1.797…E308).
   */
  static int openOrder(FieldWriter w, SimOrder o, String account) {
    w.beginServerMessage(OPEN_ORDER).writeInt(o.orderId);
    orderContract(w, o);
    w.writeString(o.buy ? "BUY" : "SELL").writeLong(o.quantity).writeString(o.orderType);
    writeMaybe(w, o.limitPrice);
    writeMaybe(w, o.auxPrice);
    w.writeString(o.tif == null ? "DAY" : o.tif)
        .writeString("") // ocaGroup
        .writeString(account)
        .writeString("") // openClose
        .writeInt(0) // origin
        .writeString(o.orderRef)
        .writeInt(o.clientId)
        .writeLong(o.permId)
        .writeInt(0) // outsideRth
        .writeInt(0) // hidden
        .writeInt(0) // discretionaryAmt
        .writeString("") // goodAfterTime
        .writeString(""); // sharesAllocation
    for (int i = 0; i < 8; i++) {
      w.writeString(""); // faGroup, faMethod, faPercentage, modelCode, goodTillDate, rule80A,
      // percentOffset, settlingFirm
    }
    w.writeInt(0).writeString("").writeInt(-1).writeInt(0); // shortSaleSlot .. auctionStrategy
    for (int i = 0; i < 6; i++) {
      w.writeString(""); // startingPrice .. displaySize
    }
    w.writeInt(0).writeInt(0).writeInt(0).writeString("").writeInt(3); // blockOrder .. ocaType
    w.writeInt(0).writeInt(0).writeString(""); // eTradeOnly, firmQuoteOnly, nbboPriceCap
    w.writeInt(0).writeInt(0); // parentId, triggerMethod
    w.writeString("").writeInt(0).writeString("None").writeString(""); // volatility .. dnAuxPrice
    w.writeInt(0)
        .writeString("")
        .writeString("")
        .writeString("")
        .writeString("?")
        .writeInt(0)
        .writeInt(0)
        .writeString(""); // the 8 delta-neutral extras that follow "None"
    w.writeInt(0).writeInt(0); // continuousUpdate, referencePriceType
    writeMaybe(w, o.orderType.equals("TRAIL") ? o.trailStopPrice : Double.NaN);
    writeMaybe(w, o.trailingPercent > 0 ? o.trailingPercent : Double.NaN);
    w.writeString("").writeString(""); // basisPoints, basisPointsType
    writeLegs(w, o);
    w.writeInt(0); // smartComboRoutingParamsCount
    w.writeString("").writeString("").writeString(""); // scale fields, no increment
    w.writeString("").writeInt(0).writeString("").writeString("IB").writeInt(0); // hedge .. notHeld
    w.writeInt(0); // deltaNeutralContractPresent
    w.writeString(""); // algoStrategy
    w.writeInt(0).writeInt(0); // solicited, whatIf
    w.writeString(o.status);
    for (int i = 0; i < 12; i++) {
      w.writeDouble(Double.MAX_VALUE); // margin before/change/after, commission min/max
    }
    w.writeString("").writeString(""); // commissionCurrency, warningText
    w.writeInt(0).writeInt(0); // randomizeSize, randomizePrice
    w.writeInt(0); // conditionsCount
    w.writeString("None");
    for (int i = 0; i < 6; i++) {
      w.writeDouble(Double.MAX_VALUE); // triggerPrice .. adjustedTrailingAmount
    }
    w.writeInt(0).writeString("").writeString("").writeString(""); // unit, soft dollar tier
    w.writeDouble(Double.MAX_VALUE).writeInt(1).writeInt(0).writeInt(0).writeInt(0);
    w.writeInt(Integer.MAX_VALUE).writeInt(Integer.MAX_VALUE).writeInt(0); // duration .. parent
    w.writeInt(Integer.MAX_VALUE).writeInt(Integer.MAX_VALUE); // minTradeQty, minCompeteSize
    w.writeDouble(Double.MAX_VALUE).writeDouble(Double.MAX_VALUE).writeDouble(Double.MAX_VALUE);
    return w.finish();
  }

  /**
   * completedOrder at 178: no order id; the completed-order layout (4 delta-neutral extras, a bare
   * status, the completion tail). Written from the official decoders' field order.
   */
  static int completedOrder(FieldWriter w, SimOrder o, String account, String completedTime) {
    w.beginServerMessage(COMPLETED_ORDER);
    orderContract(w, o);
    w.writeString(o.buy ? "BUY" : "SELL").writeLong(o.quantity).writeString(o.orderType);
    writeMaybe(w, o.limitPrice);
    writeMaybe(w, o.auxPrice);
    w.writeString(o.tif == null ? "DAY" : o.tif)
        .writeString("")
        .writeString(account)
        .writeString("")
        .writeInt(0)
        .writeString(o.orderRef)
        .writeLong(o.permId)
        .writeInt(0)
        .writeInt(0)
        .writeInt(0)
        .writeString(""); // outsideRth .. goodAfterTime
    for (int i = 0; i < 8; i++) {
      w.writeString(""); // faGroup, faMethod, faPercentage, modelCode, gtd, rule80A, %off, firm
    }
    w.writeInt(0).writeString("").writeInt(-1); // shortSaleSlot, designatedLocation, exemptCode
    for (int i = 0; i < 5; i++) {
      w.writeString(""); // startingPrice .. stockRangeUpper
    }
    w.writeString("").writeInt(0).writeInt(0).writeString("").writeInt(3).writeInt(0);
    w.writeString("").writeInt(0).writeString("None").writeString(""); // volatility .. dnAux
    w.writeInt(0).writeInt(0).writeInt(0).writeString(""); // the 4 extras that follow "None"
    w.writeInt(0).writeInt(0); // continuousUpdate, referencePriceType
    writeMaybe(w, o.orderType.equals("TRAIL") ? o.trailStopPrice : Double.NaN);
    writeMaybe(w, o.trailingPercent > 0 ? o.trailingPercent : Double.NaN);
    writeLegs(w, o);
    w.writeInt(0); // smartComboRoutingParamsCount
    w.writeString("").writeString("").writeString(""); // scale
    w.writeString("").writeString("").writeString("IB").writeInt(0); // hedge, clearing, notHeld
    w.writeInt(0).writeString("").writeInt(0); // dn contract, algoStrategy, solicited
    w.writeString(o.status).writeInt(0).writeInt(0).writeInt(0); // status, randomize, conditions
    w.writeDouble(Double.MAX_VALUE).writeDouble(Double.MAX_VALUE).writeDouble(Double.MAX_VALUE);
    w.writeInt(1).writeInt(0).writeString("").writeLong(o.filled).writeInt(0).writeInt(0);
    w.writeString("").writeInt(0).writeInt(0).writeLong(Integer.MAX_VALUE); // .. parentPermId
    w.writeString(completedTime)
        .writeString(o.status.equals("Filled") ? "Filled Size: " + o.filled : o.status);
    w.writeInt(Integer.MAX_VALUE).writeInt(Integer.MAX_VALUE);
    w.writeDouble(Double.MAX_VALUE).writeDouble(Double.MAX_VALUE).writeDouble(Double.MAX_VALUE);
    return w.finish();
  }

  /** The order's contract block: the leg's, or a BAG as TWS reports combos (class COMB). */
  private static void orderContract(FieldWriter w, SimOrder o) {
    SimInstrument first = o.legs.get(0).instrument();
    if (!o.combo) {
      reportedContract(w, first);
      return;
    }
    w.writeInt(COMBO_CON_ID)
        .writeString(first.symbol())
        .writeString("BAG")
        .writeString("")
        .writeDouble(0)
        .writeString("?")
        .writeString("")
        .writeString("SMART")
        .writeString("USD")
        .writeString("")
        .writeString("COMB");
  }

  private static void writeLegs(FieldWriter w, SimOrder o) {
    if (!o.combo) {
      w.writeString("").writeInt(0).writeInt(0);
      return;
    }
    StringBuilder descrip = new StringBuilder();
    for (SimOrder.Leg leg : o.legs) {
      if (descrip.length() > 0) {
        descrip.append(',');
      }
      descrip
          .append(leg.instrument().conId())
          .append('|')
          .append(leg.buy() ? leg.ratio() : -leg.ratio());
    }
    w.writeString(descrip.toString()).writeInt(o.legs.size());
    for (SimOrder.Leg leg : o.legs) {
      w.writeInt(leg.instrument().conId())
          .writeInt(leg.ratio())
          .writeString(leg.buy() ? "BUY" : "SELL")
          .writeString("SMART")
          .writeInt(0)
          .writeInt(0)
          .writeString("")
          .writeInt(-1);
    }
    w.writeInt(o.legs.size());
    for (int i = 0; i < o.legs.size(); i++) {
      w.writeString(""); // no per-leg price
    }
  }

  private static void writeMaybe(FieldWriter w, double value) {
    if (Double.isNaN(value)) {
      w.writeEmpty();
    } else {
      w.writeDouble(value);
    }
  }

  /** execDetails at 136+ (no version), with pendingPriceRevision at 178. */
  static int execDetails(FieldWriter w, int reqId, SimExecution e) {
    w.beginServerMessage(EXECUTION_DATA).writeInt(reqId).writeInt(e.orderId());
    reportedContract(w, e.instrument());
    return w.writeString(e.execId())
        .writeString(e.time())
        .writeString(e.account())
        .writeString("CBOE")
        .writeString(e.side())
        .writeLong(e.shares())
        .writeDouble(e.price())
        .writeLong(e.permId())
        .writeInt(e.clientId())
        .writeInt(0)
        .writeLong(e.cumQty())
        .writeDouble(e.avgPrice())
        .writeString(e.orderRef())
        .writeString("")
        .writeEmpty()
        .writeString("")
        .writeInt(2)
        .writeInt(0)
        .finish();
  }

  static int commissionReport(FieldWriter w, SimExecution e) {
    return w.beginServerMessage(COMMISSION_REPORT)
        .writeInt(1)
        .writeString(e.execId())
        .writeDouble(e.commission())
        .writeString("USD")
        .writeDouble(Double.MAX_VALUE)
        .writeDouble(Double.MAX_VALUE)
        .writeInt(0)
        .finish();
  }
}
