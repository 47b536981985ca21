package dev.thetaflow.ib.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * completedOrder (101) at 178. Its layout differs from openOrder's: no order id, client id or
 * parent id, no auctionStrategy, blockOrder or the deprecated flags, only 4 delta-neutral extras
 * (conId, shortSale, shortSaleSlot, designatedLocation), a bare status instead of the order-state
 * block, and a tail with the auto-cancel date, filled quantity, parent permId, completion time and
 * status. Field order taken from the official decoders' completed-order path at 178.
 */
final class CompletedOrderDecoder {
  private CompletedOrderDecoder() {}

  static CompletedOrder decode(FieldReader r) {
    TwsContract reported = TwsContract.readReported(r);
    String action = r.readString("action");
    double quantity = r.readDecimal("totalQuantity");
    String orderType = r.readString("orderType");
    double lmtPrice = r.readDoubleMax("lmtPrice");
    double auxPrice = r.readDoubleMax("auxPrice");
    String tif = r.readString("tif");
    r.skip("ocaGroup");
    String account = r.readString("account");
    skip(r, "openClose", "origin");
    String orderRef = r.readString("orderRef");
    long permId = r.readLong("permId");
    skip(r, "outsideRth", "hidden", "discretionaryAmt", "goodAfterTime");
    skip(r, "faGroup", "faMethod", "faPercentage", "modelCode", "goodTillDate", "rule80A");
    skip(r, "percentOffset", "settlingFirm", "shortSaleSlot", "designatedLocation", "exemptCode");
    skip(r, "startingPrice", "stockRefPrice", "delta", "stockRangeLower", "stockRangeUpper");
    skip(r, "displaySize", "sweepToFill", "allOrNone", "minQty", "ocaType", "triggerMethod");
    skip(r, "volatility", "volatilityType");
    String deltaNeutralOrderType = r.readString("deltaNeutralOrderType");
    r.skip("deltaNeutralAuxPrice");
    if (!deltaNeutralOrderType.isEmpty()) {
      skip(r, "dnConId", "dnShortSale", "dnShortSaleSlot", "dnDesignatedLocation");
    }
    skip(r, "continuousUpdate", "referencePriceType", "trailStopPrice", "trailingPercent");
    r.skip("comboLegsDescrip");
    List<TwsComboLeg> legs = new ArrayList<>();
    int legCount = r.readCount("comboLegsCount");
    for (int i = 0; i < legCount; i++) {
      int conId = r.readInt("leg.conId");
      int ratio = r.readInt("leg.ratio");
      String legAction = r.readString("leg.action");
      String exchange = r.readString("leg.exchange");
      skip(r, "leg.openClose", "leg.shortSaleSlot", "leg.designatedLocation", "leg.exemptCode");
      legs.add(new TwsComboLeg(conId, ratio, legAction, exchange));
    }
    int legPrices = r.readCount("orderComboLegsCount");
    for (int i = 0; i < legPrices; i++) {
      r.skip("orderComboLeg.price");
    }
    int routingParams = r.readCount("smartComboRoutingParamsCount");
    for (int i = 0; i < routingParams; i++) {
      skip(r, "smartComboRoutingParam.tag", "smartComboRoutingParam.value");
    }
    skip(r, "scaleInitLevelSize", "scaleSubsLevelSize");
    double scalePriceIncrement = r.readDoubleMax("scalePriceIncrement");
    if (scalePriceIncrement != TwsValues.UNSET_DOUBLE && scalePriceIncrement > 0) {
      skip(r, "scalePriceAdjustValue", "scalePriceAdjustInterval", "scaleProfitOffset");
      skip(r, "scaleAutoReset", "scaleInitPosition", "scaleInitFillQty", "scaleRandomPercent");
    }
    if (!r.readString("hedgeType").isEmpty()) {
      r.skip("hedgeParam");
    }
    skip(r, "clearingAccount", "clearingIntent", "notHeld");
    if (r.readBoolean("deltaNeutralContractPresent")) {
      skip(r, "dnContract.conId", "dnContract.delta", "dnContract.price");
    }
    if (!r.readString("algoStrategy").isEmpty()) {
      int params = r.readCount("algoParamsCount");
      for (int i = 0; i < params; i++) {
        skip(r, "algoParam.tag", "algoParam.value");
      }
    }
    r.skip("solicited");
    String status = r.readString("status");
    skip(r, "randomizeSize", "randomizePrice");
    if (orderType.equals("PEG BENCH")) {
      skip(r, "referenceContractId", "isPeggedChangeAmountDecrease", "peggedChangeAmount");
      skip(r, "referenceChangeAmount", "referenceExchangeId");
    }
    int conditions = r.readCount("conditionsCount");
    if (conditions > 0) {
      throw r.unsupported("conditionsCount", conditions + " order conditions: not decoded");
    }
    skip(r, "trailStopPrice", "lmtPriceOffset", "cashQty", "dontUseAutoPriceForHedge");
    skip(r, "isOmsContainer", "autoCancelDate");
    double filled = r.readDecimal("filledQuantity");
    skip(r, "refFuturesConId", "autoCancelParent", "shareholder", "imbalanceOnly");
    skip(r, "routeMarketableToBbo", "parentPermId");
    String completedTime = r.readString("completedTime");
    String completedStatus = r.readString("completedStatus");
    skip(r, "minTradeQty", "minCompeteSize", "competeAgainstBestOffset");
    skip(r, "midOffsetAtWhole", "midOffsetAtHalf");
    TwsContract contract = legs.isEmpty() ? reported : withLegs(reported, legs);
    return new CompletedOrder(
        contract,
        action,
        quantity,
        orderType,
        lmtPrice,
        auxPrice,
        tif,
        account,
        orderRef,
        permId,
        filled,
        status,
        completedTime,
        completedStatus);
  }

  static TwsContract withLegs(TwsContract c, List<TwsComboLeg> legs) {
    return new TwsContract(
        c.conId(),
        c.symbol(),
        c.secType(),
        c.lastTradeDateOrContractMonth(),
        c.strike(),
        c.right(),
        c.multiplier(),
        c.exchange(),
        c.primaryExchange(),
        c.currency(),
        c.localSymbol(),
        c.tradingClass(),
        legs);
  }

  private static void skip(FieldReader r, String... fields) {
    for (String field : fields) {
      r.skip(field);
    }
  }
}
