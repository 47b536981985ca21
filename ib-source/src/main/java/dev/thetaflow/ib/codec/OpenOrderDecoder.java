package dev.thetaflow.ib.codec;

import java.util.ArrayList;
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
    skip(r, "optOutSmartRouting", "clearingAccount", "clearingIntent", "notHeld");
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
    boolean whatIf = r.readBoolean("whatIf");
    OpenOrder.OrderState state = orderState(r);
    skip(r, "randomizeSize", "randomizePrice");
    if (orderType.equals("PEG BENCH")) {
      skip(r, "referenceContractId", "isPeggedChangeAmountDecrease", "peggedChangeAmount");
      skip(r, "referenceChangeAmount", "referenceExchangeId");
    }
    int conditions = r.readCount("conditionsCount");
    if (conditions > 0) {
      // thetaflow never places conditional orders; one entered in TWS is reported, not misread
      throw r.unsupported("conditionsCount", conditions + " order conditions: not decoded");
    }
    skip(r, "adjustedOrderType", "triggerPrice", "trailStopPrice(adjusted)", "lmtPriceOffset");
    skip(r, "adjustedStopPrice", "adjustedStopLimitPrice", "adjustedTrailingAmount");
    skip(r, "adjustableTrailingUnit", "softDollarTier.name", "softDollarTier.value");
    skip(r, "softDollarTier.displayName", "cashQty", "dontUseAutoPriceForHedge");
    skip(r, "isOmsContainer", "discretionaryUpToLimitPrice", "usePriceMgmtAlgo", "duration");
    skip(r, "postToAts", "autoCancelParent", "minTradeQty", "minCompeteSize");
    skip(r, "competeAgainstBestOffset", "midOffsetAtWhole", "midOffsetAtHalf");
    TwsContract contract =
        legs.isEmpty() ? reported : CompletedOrderDecoder.withLegs(reported, legs);
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

  private static void skip(FieldReader r, String... fields) {
    for (String field : fields) {
      r.skip(field);
    }
  }
}
