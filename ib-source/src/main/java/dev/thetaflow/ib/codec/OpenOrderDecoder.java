package dev.thetaflow.ib.codec;

import static dev.thetaflow.ib.codec.OrderBlocks.skip;

import java.util.List;

/**
 * openOrder (5) at 178, no version (brief §3.2, groups 1–26). The layout is fixed, so reaching the
 * order state means walking every field before it, with the conditional groups: 8 delta-neutral
 * extras when deltaNeutralOrderType is not empty (TWS sends the literal {@code None}), combo legs ×
 * 8, per-leg prices, smart-routing pairs, 7 scale extras when scalePriceIncrement > 0, hedgeParam,
 * the delta-neutral contract, algo parameters, conditions.
 */
final class OpenOrderDecoder {
  private OpenOrderDecoder() {}

  static OpenOrder decode(FieldReader r) {
    int orderId = r.readInt("orderId");
    TwsContract reported = TwsContract.readReported(r);
    String action = r.readString("action");
    double quantity = r.readDecimal("totalQuantity");
    String orderType = r.readString("orderType");
    double lmtPrice = r.readDoubleMax("lmtPrice");
    double auxPrice = r.readDoubleMax("auxPrice");
    String tif = r.readString("tif");
    String ocaGroup = r.readString("ocaGroup");
    String account = r.readString("account");
    r.skip("openClose");
    r.skip("origin");
    String orderRef = r.readString("orderRef");
    int clientId = r.readInt("clientId");
    long permId = r.readLong("permId");
    boolean outsideRth = r.readBoolean("outsideRth");
    skip(r, "hidden", "discretionaryAmt", "goodAfterTime", "sharesAllocation");
    skip(r, "faGroup", "faMethod", "faPercentage", "modelCode");
    String goodTillDate = r.readString("goodTillDate");
    skip(r, "rule80A", "percentOffset", "settlingFirm");
    skip(r, "shortSaleSlot", "designatedLocation", "exemptCode", "auctionStrategy");
    skip(r, "startingPrice", "stockRefPrice", "delta", "stockRangeLower", "stockRangeUpper");
    skip(r, "displaySize", "blockOrder", "sweepToFill", "allOrNone", "minQty", "ocaType");
    skip(r, "eTradeOnly", "firmQuoteOnly", "nbboPriceCap");
    int parentId = r.readInt("parentId");
    skip(r, "triggerMethod", "volatility", "volatilityType");
    String deltaNeutralOrderType = r.readString("deltaNeutralOrderType");
    r.skip("deltaNeutralAuxPrice");
    if (!deltaNeutralOrderType.isEmpty()) {
      skip(r, "dnConId", "dnSettlingFirm", "dnClearingAccount", "dnClearingIntent");
      skip(r, "dnOpenClose", "dnShortSale", "dnShortSaleSlot", "dnDesignatedLocation");
    }
    skip(r, "continuousUpdate", "referencePriceType");
    double trailStopPrice = r.readDoubleMax("trailStopPrice");
    double trailingPercent = r.readDoubleMax("trailingPercent");
    skip(r, "basisPoints", "basisPointsType", "comboLegsDescrip");
    List<TwsComboLeg> legs = OrderBlocks.comboLegs(r);
    OrderBlocks.scale(r);
    OrderBlocks.hedge(r);
    skip(r, "optOutSmartRouting", "clearingAccount", "clearingIntent", "notHeld");
    OrderBlocks.deltaNeutralContractAndAlgo(r);
    r.skip("solicited");
    boolean whatIf = r.readBoolean("whatIf");
    OpenOrder.OrderState state = orderState(r);
    skip(r, "randomizeSize", "randomizePrice");
    OrderBlocks.pegBenchAndConditions(r, orderType);
    skip(r, "adjustedOrderType", "triggerPrice", "trailStopPrice(adjusted)", "lmtPriceOffset");
    skip(r, "adjustedStopPrice", "adjustedStopLimitPrice", "adjustedTrailingAmount");
    skip(r, "adjustableTrailingUnit", "softDollarTier.name", "softDollarTier.value");
    skip(r, "softDollarTier.displayName", "cashQty", "dontUseAutoPriceForHedge");
    skip(r, "isOmsContainer", "discretionaryUpToLimitPrice", "usePriceMgmtAlgo", "duration");
    skip(r, "postToAts", "autoCancelParent", "minTradeQty", "minCompeteSize");
    skip(r, "competeAgainstBestOffset", "midOffsetAtWhole", "midOffsetAtHalf");
    TwsContract contract = OrderBlocks.withLegs(reported, legs);
    return new OpenOrder(
        orderId,
        contract,
        action,
        quantity,
        orderType,
        lmtPrice,
        auxPrice,
        tif,
        ocaGroup,
        account,
        orderRef,
        clientId,
        permId,
        outsideRth,
        goodTillDate,
        parentId,
        trailStopPrice,
        trailingPercent,
        whatIf,
        state);
  }

  private static OpenOrder.OrderState orderState(FieldReader r) {
    String status = r.readString("status");
    skip(r, "initMarginBefore", "maintMarginBefore", "equityWithLoanBefore");
    double initChange = r.readDoubleMax("initMarginChange");
    double maintChange = r.readDoubleMax("maintMarginChange");
    skip(r, "equityWithLoanChange", "initMarginAfter", "maintMarginAfter", "equityWithLoanAfter");
    double commission = r.readDoubleMax("commission");
    skip(r, "minCommission", "maxCommission");
    String currency = r.readString("commissionCurrency");
    String warning = r.readString("warningText");
    return new OpenOrder.OrderState(status, initChange, maintChange, commission, currency, warning);
  }
}
