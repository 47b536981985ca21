package dev.thetaflow.ib.codec;

/**
 * Encoders for client → server messages at server version 178, field for field as IB's official
 * client writes them (brief §2.3–2.4, recorded in tws-frames.md). Each method fills {@code w} with
 * one finished frame and returns its length in bytes (prefix included); the frame is {@code
 * w.buffer()[0, length)}. Stateless; thread safety is that of the writer passed in.
 */
public final class Requests {
  private Requests() {}

  /** startApi (71): version 2, clientId, optionalCapabilities (normally empty). */
  public static int startApi(FieldWriter w, int clientId, String optionalCapabilities) {
    return w.begin(OutgoingMessageId.START_API)
        .writeInt(2)
        .writeInt(clientId)
        .writeString(optionalCapabilities)
        .finish();
  }

  /**
   * reqMktData (1), version 11. Delta-neutral contracts are not supported (always written as 0). Do
   * not combine a generic tick list with a snapshot: TWS answers error 414.
   */
  public static int reqMktData(
      FieldWriter w,
      int reqId,
      TwsContract contract,
      String genericTickList,
      boolean snapshot,
      boolean regulatorySnapshot) {
    if (contract.isBag() && contract.comboLegs().isEmpty()) {
      throw new IllegalArgumentException("a BAG market-data request needs its combo legs");
    }
    w.begin(OutgoingMessageId.REQ_MKT_DATA).writeInt(11).writeInt(reqId);
    contract.writeBlock(w);
    if (contract.isBag()) {
      writeLegs(w, contract);
    }
    return w.writeBoolean(false) // deltaNeutralContractPresent
        .writeString(genericTickList)
        .writeBoolean(snapshot)
        .writeBoolean(regulatorySnapshot)
        .writeEmpty() // mktDataOptions, always empty
        .finish();
  }

  /** cancelMktData (2), version 2 as the official client sends it. */
  public static int cancelMktData(FieldWriter w, int reqId) {
    return w.begin(OutgoingMessageId.CANCEL_MKT_DATA).writeInt(2).writeInt(reqId).finish();
  }

  /** reqMarketDataType (59): 1 live, 2 frozen, 3 delayed, 4 delayed-frozen. */
  public static int reqMarketDataType(FieldWriter w, int marketDataType) {
    if (marketDataType < 1 || marketDataType > 4) {
      throw new IllegalArgumentException("market data type must be 1..4: " + marketDataType);
    }
    return w.begin(OutgoingMessageId.REQ_MARKET_DATA_TYPE)
        .writeInt(1)
        .writeInt(marketDataType)
        .finish();
  }

  /** reqIds (8): asks for the next valid order id (answered by nextValidId). */
  public static int reqIds(FieldWriter w, int numIds) {
    return w.begin(OutgoingMessageId.REQ_IDS).writeInt(1).writeInt(numIds).finish();
  }

  /** reqCurrentTime (49): answered by currentTime. */
  public static int reqCurrentTime(FieldWriter w) {
    return w.begin(OutgoingMessageId.REQ_CURRENT_TIME).writeInt(1).finish();
  }

  /** cancelOrder (4): version 1, orderId, manualOrderCancelTime (empty unless manual). */
  public static int cancelOrder(FieldWriter w, int orderId, String manualOrderCancelTime) {
    return w.begin(OutgoingMessageId.CANCEL_ORDER)
        .writeInt(1)
        .writeInt(orderId)
        .writeString(manualOrderCancelTime)
        .finish();
  }

  /** reqOpenOrders (5): this client's open orders (client 0 also gets TWS-entered ones). */
  public static int reqOpenOrders(FieldWriter w) {
    return w.begin(OutgoingMessageId.REQ_OPEN_ORDERS).writeInt(1).finish();
  }

  /** reqAllOpenOrders (16): the open orders of every client and of TWS. */
  public static int reqAllOpenOrders(FieldWriter w) {
    return w.begin(OutgoingMessageId.REQ_ALL_OPEN_ORDERS).writeInt(1).finish();
  }

  /**
   * reqAutoOpenOrders (15), version 1: client 0 only; with {@code autoBind} true, orders entered in
   * TWS are bound to this client.
   */
  public static int reqAutoOpenOrders(FieldWriter w, boolean autoBind) {
    return w.begin(OutgoingMessageId.REQ_AUTO_OPEN_ORDERS)
        .writeInt(1)
        .writeBoolean(autoBind)
        .finish();
  }

  /**
   * reqCompletedOrders (99): filled and cancelled orders of the day, then completedOrdersEnd. No
   * version field; {@code apiOnly} restricts them to orders placed through the API.
   */
  public static int reqCompletedOrders(FieldWriter w, boolean apiOnly) {
    return w.begin(OutgoingMessageId.REQ_COMPLETED_ORDERS).writeBoolean(apiOnly).finish();
  }

  /** reqPositions (61): all positions, then positionEnd. */
  public static int reqPositions(FieldWriter w) {
    return w.begin(OutgoingMessageId.REQ_POSITIONS).writeInt(1).finish();
  }

  /** cancelPositions (64). */
  public static int cancelPositions(FieldWriter w) {
    return w.begin(OutgoingMessageId.CANCEL_POSITIONS).writeInt(1).finish();
  }

  /** reqAccountUpdates (6), version 2: subscribe or unsubscribe to one account's updates. */
  public static int reqAccountUpdates(FieldWriter w, boolean subscribe, String accountCode) {
    return w.begin(OutgoingMessageId.REQ_ACCT_DATA)
        .writeInt(2)
        .writeBoolean(subscribe)
        .writeString(accountCode)
        .finish();
  }

  /** reqAccountSummary (62): group ({@code All} or a group name), comma-separated tags. */
  public static int reqAccountSummary(FieldWriter w, int reqId, String group, String tags) {
    return w.begin(OutgoingMessageId.REQ_ACCOUNT_SUMMARY)
        .writeInt(1)
        .writeInt(reqId)
        .writeString(group)
        .writeString(tags)
        .finish();
  }

  /** cancelAccountSummary (63), version 1. */
  public static int cancelAccountSummary(FieldWriter w, int reqId) {
    return w.begin(OutgoingMessageId.CANCEL_ACCOUNT_SUMMARY).writeInt(1).writeInt(reqId).finish();
  }

  /**
   * reqExecutions (7), version 3, with an execution filter; empty strings and client id 0 match
   * everything, as the official client sends them.
   */
  public static int reqExecutions(
      FieldWriter w,
      int reqId,
      int filterClientId,
      String filterAccount,
      String filterTime,
      String filterSymbol,
      String filterSecType,
      String filterExchange,
      String filterSide) {
    return w.begin(OutgoingMessageId.REQ_EXECUTIONS)
        .writeInt(3)
        .writeInt(reqId)
        .writeInt(filterClientId)
        .writeString(filterAccount)
        .writeString(filterTime)
        .writeString(filterSymbol)
        .writeString(filterSecType)
        .writeString(filterExchange)
        .writeString(filterSide)
        .finish();
  }

  /**
   * reqContractDetails (9), version 8: contract block, includeExpired, secIdType, secId, issuerId.
   */
  public static int reqContractDetails(
      FieldWriter w,
      int reqId,
      TwsContract contract,
      boolean includeExpired,
      String secIdType,
      String secId,
      String issuerId) {
    w.begin(OutgoingMessageId.REQ_CONTRACT_DATA).writeInt(8).writeInt(reqId);
    contract.writeBlock(w);
    return w.writeBoolean(includeExpired)
        .writeString(secIdType)
        .writeString(secId)
        .writeString(issuerId)
        .finish();
  }

  /**
   * reqSecDefOptParams (78), which has no version field: the option chain parameters of an
   * underlying. {@code futFopExchange} is empty for equity options.
   */
  public static int reqSecDefOptParams(
      FieldWriter w,
      int reqId,
      String underlyingSymbol,
      String futFopExchange,
      String underlyingSecType,
      int underlyingConId) {
    return w.begin(OutgoingMessageId.REQ_SEC_DEF_OPT_PARAMS)
        .writeInt(reqId)
        .writeString(underlyingSymbol)
        .writeString(futFopExchange)
        .writeString(underlyingSecType)
        .writeInt(underlyingConId)
        .finish();
  }

  /**
   * reqHistoricalData (20), which has no version field. Note the wire order: barSizeSetting comes
   * before durationStr. A BAG's legs follow formatDate.
   *
   * @param endDateTime {@code yyyymmdd HH:mm:ss <tz>}, or empty for now
   * @param durationStr for example {@code 2 D}
   * @param barSizeSetting for example {@code 1 day}
   * @param whatToShow TRADES, MIDPOINT, BID_ASK, OPTION_IMPLIED_VOLATILITY…
   * @param formatDate 1 text, 2 epoch seconds
   */
  public static int reqHistoricalData(
      FieldWriter w,
      int reqId,
      TwsContract contract,
      boolean includeExpired,
      String endDateTime,
      String durationStr,
      String barSizeSetting,
      boolean useRth,
      String whatToShow,
      int formatDate,
      boolean keepUpToDate) {
    w.begin(OutgoingMessageId.REQ_HISTORICAL_DATA).writeInt(reqId);
    contract.writeBlock(w);
    w.writeBoolean(includeExpired)
        .writeString(endDateTime)
        .writeString(barSizeSetting)
        .writeString(durationStr)
        .writeBoolean(useRth)
        .writeString(whatToShow)
        .writeInt(formatDate);
    if (contract.isBag()) {
      writeLegs(w, contract);
    }
    return w.writeBoolean(keepUpToDate)
        .writeEmpty() // chartOptions
        .finish();
  }

  /** cancelHistoricalData (25). */
  public static int cancelHistoricalData(FieldWriter w, int reqId) {
    return w.begin(OutgoingMessageId.CANCEL_HISTORICAL_DATA).writeInt(1).writeInt(reqId).finish();
  }

  /**
   * placeOrder (3), without a version field: places {@code order} on {@code contract} under {@code
   * orderId}, or modifies the open order with that id. For a BAG the contract's legs, the order's
   * per-leg prices and its smart-combo routing parameters follow the {@code hidden} field.
   *
   * @throws IllegalArgumentException naming the field, for an order TWS would misread or reject
   *     (NaN or infinite price, LMT without a limit price, quantity not positive, empty tif…);
   *     these checks run before the frame is begun, so the writer's previous frame is untouched
   */
  public static int placeOrder(FieldWriter w, int orderId, TwsContract contract, TwsOrder order) {
    return PlaceOrderEncoder.encode(w, orderId, contract, order);
  }

  private static void writeLegs(FieldWriter w, TwsContract contract) {
    w.writeInt(contract.comboLegs().size());
    for (TwsComboLeg leg : contract.comboLegs()) {
      w.writeInt(leg.conId()).writeInt(leg.ratio()).writeString(leg.action());
      w.writeString(leg.exchange());
    }
  }
}
