package dev.thetaflow.ib.codec;

import static dev.thetaflow.ib.codec.OrderBlocks.skip;

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
    List<TwsComboLeg> legs = OrderBlocks.comboLegs(r);
    OrderBlocks.scale(r);
    OrderBlocks.hedge(r);
    skip(r, "clearingAccount", "clearingIntent", "notHeld");
    OrderBlocks.deltaNeutralContractAndAlgo(r);
    r.skip("solicited");
    String status = r.readString("status");
    skip(r, "randomizeSize", "randomizePrice");
    OrderBlocks.pegBenchAndConditions(r, orderType);
    skip(r, "trailStopPrice", "lmtPriceOffset", "cashQty", "dontUseAutoPriceForHedge");
    skip(r, "isOmsContainer", "autoCancelDate");
    double filled = r.readDecimal("filledQuantity");
    skip(r, "refFuturesConId", "autoCancelParent", "shareholder", "imbalanceOnly");
    skip(r, "routeMarketableToBbo", "parentPermId");
    String completedTime = r.readString("completedTime");
    String completedStatus = r.readString("completedStatus");
    skip(r, "minTradeQty", "minCompeteSize", "competeAgainstBestOffset");
    skip(r, "midOffsetAtWhole", "midOffsetAtHalf");
    TwsContract contract = OrderBlocks.withLegs(reported, legs);
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
}
