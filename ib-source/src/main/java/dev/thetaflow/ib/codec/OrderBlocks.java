package dev.thetaflow.ib.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * The field groups openOrder and completedOrder share at 178: combo legs with their per-leg prices,
 * smart-routing pairs, scale parameters, hedge, delta-neutral contract and algo parameters, each
 * with its conditional fields.
 */
final class OrderBlocks {
  private OrderBlocks() {}

  /** comboLegsCount × 8 fields, orderComboLegsCount × price, smartComboRoutingParams pairs. */
  static List<TwsComboLeg> comboLegs(FieldReader r) {
    List<TwsComboLeg> legs = new ArrayList<>();
    int legCount = r.readCount("comboLegsCount");
    for (int i = 0; i < legCount; i++) {
      int conId = r.readInt("leg.conId");
      int ratio = r.readInt("leg.ratio");
      String action = r.readString("leg.action");
      String exchange = r.readString("leg.exchange");
      skip(r, "leg.openClose", "leg.shortSaleSlot", "leg.designatedLocation", "leg.exemptCode");
      legs.add(new TwsComboLeg(conId, ratio, action, exchange));
    }
    int legPrices = r.readCount("orderComboLegsCount");
    for (int i = 0; i < legPrices; i++) {
      r.skip("orderComboLeg.price");
    }
    int routingParams = r.readCount("smartComboRoutingParamsCount");
    for (int i = 0; i < routingParams; i++) {
      skip(r, "smartComboRoutingParam.tag", "smartComboRoutingParam.value");
    }
    return legs;
  }

  /** Scale sizes and increment, and the 7 scale extras when the increment is positive. */
  static void scale(FieldReader r) {
    skip(r, "scaleInitLevelSize", "scaleSubsLevelSize");
    double scalePriceIncrement = r.readDoubleMax("scalePriceIncrement");
    if (scalePriceIncrement != TwsValues.UNSET_DOUBLE && scalePriceIncrement > 0) {
      skip(r, "scalePriceAdjustValue", "scalePriceAdjustInterval", "scaleProfitOffset");
      skip(r, "scaleAutoReset", "scaleInitPosition", "scaleInitFillQty", "scaleRandomPercent");
    }
  }

  /** hedgeType, and hedgeParam when a hedge type is set. */
  static void hedge(FieldReader r) {
    if (!r.readString("hedgeType").isEmpty()) {
      r.skip("hedgeParam");
    }
  }

  /** The delta-neutral contract flag and its 3 fields, then algoStrategy and its parameters. */
  static void deltaNeutralContractAndAlgo(FieldReader r) {
    if (r.readBoolean("deltaNeutralContractPresent")) {
      skip(r, "dnContract.conId", "dnContract.delta", "dnContract.price");
    }
    if (!r.readString("algoStrategy").isEmpty()) {
      int params = r.readCount("algoParamsCount");
      for (int i = 0; i < params; i++) {
        skip(r, "algoParam.tag", "algoParam.value");
      }
    }
  }

  /** PEG BENCH's 5 fields (only for that order type), then conditionsCount, which must be 0. */
  static void pegBenchAndConditions(FieldReader r, String orderType) {
    if (orderType.equals("PEG BENCH")) {
      skip(r, "referenceContractId", "isPeggedChangeAmountDecrease", "peggedChangeAmount");
      skip(r, "referenceChangeAmount", "referenceExchangeId");
    }
    int conditions = r.readCount("conditionsCount");
    if (conditions > 0) {
      // thetaflow never places conditional orders; one entered in TWS is reported, not misread
      throw r.unsupported("conditionsCount", conditions + " order conditions: not decoded");
    }
  }

  /** The reported contract with the legs read later in the message (a BAG). */
  static TwsContract withLegs(TwsContract c, List<TwsComboLeg> legs) {
    if (legs.isEmpty()) {
      return c;
    }
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

  static void skip(FieldReader r, String... fields) {
    for (String field : fields) {
      r.skip(field);
    }
  }
}
