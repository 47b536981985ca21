package dev.thetaflow.ib.codec;

import java.math.BigDecimal;

/**
 * placeOrder (3) at server version 178, field for field in the order of brief §2.6. Fields
 * thetaflow does not set take the default column; unset doubles and ints are written empty, as the
 * Java client's {@code sendMax} does (the Python client writes the sentinels as digits; TWS reads
 * both).
 */
final class PlaceOrderEncoder {
  private PlaceOrderEncoder() {}

  static int encode(FieldWriter w, int orderId, TwsContract contract, TwsOrder order) {
    if (orderId <= 0) {
      // Ids come from nextValidId and are positive; 0 or less points at an allocation bug.
      throw invalid("orderId", "must be positive: " + orderId);
    }
    validate(contract, order);
    w.begin(OutgoingMessageId.PLACE_ORDER).writeInt(orderId);
    contract.writeBlock(w);
    w.writeEmpty() // secIdType
        .writeEmpty() // secId
        .writeString(order.action())
        .writeString(quantityText(order.totalQuantity()))
        .writeString(order.orderType())
        .writeDoubleMax(order.lmtPrice())
        .writeDoubleMax(order.auxPrice())
        .writeString(order.tif())
        .writeEmpty() // ocaGroup
        .writeString(order.account())
        .writeEmpty() // openClose
        .writeInt(0) // origin: customer
        .writeString(order.orderRef())
        .writeBoolean(order.transmit())
        .writeInt(order.parentId())
        .writeInt(0) // blockOrder
        .writeInt(0) // sweepToFill
        .writeInt(0) // displaySize
        .writeInt(0) // triggerMethod: default
        .writeBoolean(order.outsideRth())
        .writeInt(0); // hidden
    if (contract.isBag()) {
      writeCombo(w, contract, order);
    }
    w.writeEmpty() // sharesAllocation, deprecated
        .writeInt(0) // discretionaryAmt
        .writeEmpty() // goodAfterTime
        .writeEmpty() // goodTillDate
        .writeEmpty() // faGroup
        .writeEmpty() // faMethod
        .writeEmpty() // faPercentage
        .writeEmpty() // modelCode
        .writeInt(0) // shortSaleSlot
        .writeEmpty() // designatedLocation
        .writeInt(-1) // exemptCode
        .writeInt(0) // ocaType
        .writeEmpty() // rule80A
        .writeEmpty() // settlingFirm
        .writeInt(0) // allOrNone
        .writeEmpty() // minQty
        .writeEmpty() // percentOffset
        .writeInt(0) // eTradeOnly, deprecated
        .writeInt(0) // firmQuoteOnly, deprecated
        .writeEmpty() // nbboPriceCap, deprecated
        .writeInt(0) // auctionStrategy
        .writeEmpty() // startingPrice
        .writeEmpty() // stockRefPrice
        .writeEmpty() // delta
        .writeEmpty() // stockRangeLower
        .writeEmpty() // stockRangeUpper
        .writeInt(0) // overridePercentageConstraints
        .writeEmpty() // volatility
        .writeEmpty() // volatilityType
        .writeEmpty() // deltaNeutralOrderType: empty, so no delta-neutral fields follow
        .writeEmpty() // deltaNeutralAuxPrice
        .writeInt(0) // continuousUpdate
        .writeEmpty() // referencePriceType
        .writeDoubleMax(order.trailStopPrice())
        .writeDoubleMax(order.trailingPercent())
        .writeEmpty() // scaleInitLevelSize
        .writeEmpty() // scaleSubsLevelSize
        .writeEmpty() // scalePriceIncrement: empty, so no scale fields follow
        .writeEmpty() // scaleTable
        .writeEmpty() // activeStartTime
        .writeEmpty() // activeStopTime
        .writeEmpty() // hedgeType: empty, so no hedgeParam
        .writeInt(0) // optOutSmartRouting
        .writeEmpty() // clearingAccount
        .writeEmpty() // clearingIntent
        .writeInt(0) // notHeld
        .writeInt(0) // deltaNeutralContractPresent
        .writeEmpty() // algoStrategy: empty, so no algo params
        .writeEmpty() // algoId
        .writeBoolean(order.whatIf())
        .writeEmpty() // orderMiscOptions
        .writeInt(0) // solicited
        .writeInt(0) // randomizeSize
        .writeInt(0) // randomizePrice
        .writeInt(0) // conditionsCount (no PEG BENCH fields: that order type is refused)
        .writeEmpty() // adjustedOrderType
        .writeEmpty() // triggerPrice
        .writeEmpty() // lmtPriceOffset
        .writeEmpty() // adjustedStopPrice
        .writeEmpty() // adjustedStopLimitPrice
        .writeEmpty() // adjustedTrailingAmount
        .writeInt(0) // adjustableTrailingUnit
        .writeEmpty() // extOperator
        .writeEmpty() // softDollarTier.name
        .writeEmpty() // softDollarTier.value
        .writeEmpty() // cashQty
        .writeEmpty() // mifid2DecisionMaker
        .writeEmpty() // mifid2DecisionAlgo
        .writeEmpty() // mifid2ExecutionTrader
        .writeEmpty() // mifid2ExecutionAlgo
        .writeInt(0) // dontUseAutoPriceForHedge
        .writeInt(0) // isOmsContainer
        .writeInt(0) // discretionaryUpToLimitPrice
        .writeEmpty() // usePriceMgmtAlgo
        .writeEmpty() // duration
        .writeEmpty() // postToAts
        .writeInt(0) // autoCancelParent
        .writeEmpty() // advancedErrorOverride
        .writeEmpty(); // manualOrderTime
    // No PEG BEST / PEG MID / IBKRATS extras: those order types and that exchange are refused.
    return w.finish();
  }

  private static void writeCombo(FieldWriter w, TwsContract contract, TwsOrder order) {
    w.writeInt(contract.comboLegs().size());
    for (TwsComboLeg leg : contract.comboLegs()) {
      w.writeInt(leg.conId())
          .writeInt(leg.ratio())
          .writeString(leg.action())
          .writeString(leg.exchange())
          .writeInt(0) // openClose: same as parent
          .writeInt(0) // shortSaleSlot
          .writeEmpty() // designatedLocation
          .writeInt(-1); // exemptCode
    }
    w.writeInt(order.orderComboLegPrices().size());
    for (double price : order.orderComboLegPrices()) {
      w.writeDoubleMax(price);
    }
    w.writeInt(order.smartComboRoutingParams().size());
    for (TagValue param : order.smartComboRoutingParams()) {
      w.writeString(param.tag()).writeString(param.value());
    }
  }

  /**
   * Refuses orders that TWS would misread or that would not do what the caller meant: a non-finite
   * price would be sent as text TWS cannot parse or as a huge number, a limit order without a limit
   * would go out as something else, a zero or negative quantity has no meaning.
   */
  static void validate(TwsContract contract, TwsOrder order) {
    String action = order.action();
    if (!action.equals("BUY") && !action.equals("SELL")) {
      throw invalid("action", "must be BUY or SELL: " + action);
    }
    if (order.totalQuantity().signum() <= 0) {
      throw invalid("totalQuantity", "must be positive: " + order.totalQuantity());
    }
    if (order.tif() == null || order.tif().isBlank()) {
      // An empty tif is legal on the wire but takes whatever the TWS order presets say (maybe GTC).
      throw invalid("tif", "must be given (DAY, GTC, IOC…), not left to TWS's presets");
    }
    if (order.tif().equals("GTD")) {
      throw invalid("tif", "GTD needs a goodTillDate, which this encoder does not write");
    }
    checkPrice("lmtPrice", order.lmtPrice());
    checkPrice("auxPrice", order.auxPrice());
    checkPrice("trailingPercent", order.trailingPercent());
    checkPrice("trailStopPrice", order.trailStopPrice());
    boolean lmt = TwsValues.isSet(order.lmtPrice());
    boolean aux = TwsValues.isSet(order.auxPrice());
    boolean pct = TwsValues.isSet(order.trailingPercent());
    boolean trailStop = TwsValues.isSet(order.trailStopPrice());
    switch (order.orderType()) {
      case "LMT" -> {
        require(lmt, "lmtPrice", "a LMT order needs a limit price");
        refuse(aux, "auxPrice", "a LMT order has no stop price");
      }
      case "MKT" -> {
        refuse(lmt, "lmtPrice", "a MKT order has no limit price");
        refuse(aux, "auxPrice", "a MKT order has no stop price");
      }
      case "STP" -> {
        require(aux, "auxPrice", "a STP order needs its stop price in auxPrice");
        refuse(lmt, "lmtPrice", "a STP order has no limit price (use STP LMT)");
      }
      case "STP LMT" -> {
        require(aux, "auxPrice", "a STP LMT order needs its stop price in auxPrice");
        require(lmt, "lmtPrice", "a STP LMT order needs a limit price");
      }
      case "TRAIL" -> {
        refuse(lmt, "lmtPrice", "a TRAIL order has no limit price");
        if (aux == pct) {
          throw invalid(
              "auxPrice",
              "a TRAIL order needs exactly one of auxPrice (amount) and trailingPercent");
        }
        if (aux && order.auxPrice() <= 0) {
          throw invalid("auxPrice", "trailing amount must be positive: " + order.auxPrice());
        }
        if (pct && (order.trailingPercent() <= 0 || order.trailingPercent() >= 100)) {
          throw invalid("trailingPercent", "must be in (0, 100): " + order.trailingPercent());
        }
      }
      default -> throw invalid("orderType", "not supported by this encoder: " + order.orderType());
    }
    if (!order.orderType().equals("TRAIL")) {
      refuse(pct, "trailingPercent", "only a TRAIL order has a trailing percent");
      refuse(trailStop, "trailStopPrice", "only a TRAIL order has a trailing stop price");
    }
    checkCombo(contract, order);
  }

  private static void checkCombo(TwsContract contract, TwsOrder order) {
    int legPrices = order.orderComboLegPrices().size();
    if (!contract.isBag()) {
      refuse(legPrices > 0, "orderComboLegPrices", "only a BAG has per-leg prices");
      refuse(
          !order.smartComboRoutingParams().isEmpty(),
          "smartComboRoutingParams",
          "only a BAG has smart-combo routing parameters");
      return;
    }
    int legs = contract.comboLegs().size();
    require(legs > 0, "comboLegs", "a BAG order needs its combo legs");
    if (legPrices != 0 && legPrices != legs) {
      throw invalid(
          "orderComboLegPrices", "needs one price per leg (" + legs + ") or none: " + legPrices);
    }
    for (double price : order.orderComboLegPrices()) {
      checkPrice("orderComboLegPrices", price);
    }
  }

  private static void checkPrice(String field, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw invalid(field, "must be a finite number or unset: " + value);
    }
  }

  private static void require(boolean condition, String field, String message) {
    if (!condition) {
      throw invalid(field, message);
    }
  }

  private static void refuse(boolean condition, String field, String message) {
    if (condition) {
      throw invalid(field, message);
    }
  }

  private static IllegalArgumentException invalid(String field, String message) {
    return new IllegalArgumentException("placeOrder " + field + ": " + message);
  }

  /** Decimal text without exponent or trailing zeros: {@code 1}, {@code 0.5}, {@code 10}. */
  static String quantityText(BigDecimal quantity) {
    return quantity.stripTrailingZeros().toPlainString();
  }
}
