package dev.thetaflow.ib.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes one frame payload (as delivered by {@link FrameDecoder}) into an {@link IncomingMessage},
 * using the server-version-178 layouts of the protocol brief §3.2. Messages it does not know yet
 * come back as {@link UnhandledMessage}; a frame that does not match its layout throws {@link
 * MalformedMessageException} and leaves the decoder ready for the next frame.
 *
 * <p>Reusable; holds one {@link FieldReader}. Not thread-safe.
 */
public final class MessageDecoder {
  private final FieldReader reader = new FieldReader();

  /** Decodes {@code buffer[offset, offset + length)}. */
  public IncomingMessage decode(byte[] buffer, int offset, int length) {
    FieldReader r = reader.wrap(buffer, offset, length);
    int messageId = r.readMessageId();
    IncomingMessageId id = IncomingMessageId.fromId(messageId);
    if (id == null) {
      return new UnhandledMessage(messageId);
    }
    IncomingMessage message =
        switch (id) {
          case TICK_PRICE -> tickPrice(r);
          case TICK_SIZE -> tickSize(r);
          case TICK_OPTION_COMPUTATION -> tickOptionComputation(r);
          case TICK_GENERIC -> tickGeneric(r);
          case TICK_STRING -> tickString(r);
          case MARKET_DATA_TYPE -> marketDataType(r);
          case TICK_REQ_PARAMS -> tickReqParams(r);
          case TICK_SNAPSHOT_END -> new TickSnapshotEnd(skipVersion(r).readInt("reqId"));
          case NEXT_VALID_ID -> new NextValidId(skipVersion(r).readInt("orderId"));
          case MANAGED_ACCTS -> new ManagedAccounts(skipVersion(r).readString("accountsList"));
          case ERR_MSG -> errorMessage(r);
          case CURRENT_TIME -> new CurrentTime(skipVersion(r).readLong("time"));
          case ORDER_STATUS -> orderStatus(r);
          case EXECUTION_DATA -> executionDetails(r);
          case COMMISSION_REPORT -> commissionReport(r);
          case POSITION -> position(r);
          case ACCOUNT_SUMMARY -> accountSummary(r);
          case SECURITY_DEFINITION_OPTION_PARAMETER -> secDefOptParameter(r);
          case OPEN_ORDER_END, POSITION_END -> endWithoutReqId(r, id);
          case CONTRACT_DATA_END, EXECUTION_DATA_END, ACCOUNT_SUMMARY_END ->
              new RequestEnd(id, skipVersion(r).readInt("reqId"));
          case SECURITY_DEFINITION_OPTION_PARAMETER_END -> new RequestEnd(id, r.readInt("reqId"));
          case CONTRACT_DATA -> contractDetails(r);
          case ACCT_VALUE -> accountValue(r);
          case PORTFOLIO_VALUE -> portfolioValue(r);
          case ACCT_UPDATE_TIME -> new AccountUpdateTime(skipVersion(r).readString("timeStamp"));
          case ACCT_DOWNLOAD_END -> new AccountDownloadEnd(skipVersion(r).readString("account"));
          case HISTORICAL_DATA -> historicalData(r);
          default -> null;
        };
    if (message == null) {
      return new UnhandledMessage(messageId);
    }
    r.expectEnd();
    return message;
  }

  private static RequestEnd endWithoutReqId(FieldReader r, IncomingMessageId id) {
    r.skip("version");
    return new RequestEnd(id, TwsValues.UNSET_INT);
  }

  private static FieldReader skipVersion(FieldReader r) {
    r.skip("version");
    return r;
  }

  private static TickPrice tickPrice(FieldReader r) {
    r.skip("version");
    int tickerId = r.readInt("tickerId");
    int tickType = r.readInt("tickType");
    double price = r.readDoubleMax("price");
    double size = r.readDecimal("size");
    int attrMask = r.readInt("attrMask");
    return new TickPrice(tickerId, tickType, price, size, attrMask);
  }

  private static TickSize tickSize(FieldReader r) {
    r.skip("version");
    int tickerId = r.readInt("tickerId");
    int tickType = r.readInt("tickType");
    return new TickSize(tickerId, tickType, r.readDecimal("size"));
  }

  private static TickGeneric tickGeneric(FieldReader r) {
    r.skip("version");
    int tickerId = r.readInt("tickerId");
    int tickType = r.readInt("tickType");
    return new TickGeneric(tickerId, tickType, r.readDoubleMax("value"));
  }

  private static TickString tickString(FieldReader r) {
    r.skip("version");
    int tickerId = r.readInt("tickerId");
    int tickType = r.readInt("tickType");
    return new TickString(tickerId, tickType, r.readString("value"));
  }

  private static MarketDataType marketDataType(FieldReader r) {
    r.skip("version");
    int reqId = r.readInt("reqId");
    return new MarketDataType(reqId, r.readInt("marketDataType"));
  }

  private static TickReqParams tickReqParams(FieldReader r) {
    int tickerId = r.readInt("tickerId");
    double minTick = r.readDoubleMax("minTick");
    String bboExchange = r.readString("bboExchange");
    return new TickReqParams(tickerId, minTick, bboExchange, r.readInt("snapshotPermissions"));
  }

  private static OrderStatus orderStatus(FieldReader r) {
    int orderId = r.readInt("orderId");
    String status = r.readString("status");
    double filled = r.readDecimal("filled");
    double remaining = r.readDecimal("remaining");
    double avgFillPrice = r.readDoubleMax("avgFillPrice");
    long permId = r.readLong("permId");
    int parentId = r.readInt("parentId");
    double lastFillPrice = r.readDoubleMax("lastFillPrice");
    int clientId = r.readInt("clientId");
    String whyHeld = r.readString("whyHeld");
    double mktCapPrice = r.readDoubleMax("mktCapPrice");
    return new OrderStatus(
        orderId,
        status,
        filled,
        remaining,
        avgFillPrice,
        permId,
        parentId,
        lastFillPrice,
        clientId,
        whyHeld,
        mktCapPrice);
  }

  private static ExecutionDetails executionDetails(FieldReader r) {
    int reqId = r.readInt("reqId");
    int orderId = r.readInt("orderId");
    TwsContract contract =
        TwsContract.reported(
            r.readInt("conId"),
            r.readString("symbol"),
            r.readString("secType"),
            r.readString("lastTradeDateOrContractMonth"),
            r.readDoubleMax("strike"),
            r.readString("right"),
            r.readString("multiplier"),
            r.readString("exchange"),
            "",
            r.readString("currency"),
            r.readString("localSymbol"),
            r.readString("tradingClass"));
    String execId = r.readString("execId");
    String time = r.readString("time");
    String account = r.readString("acctNumber");
    String exchange = r.readString("exchange");
    String side = r.readString("side");
    double shares = r.readDecimal("shares");
    double price = r.readDoubleMax("price");
    long permId = r.readLong("permId");
    int clientId = r.readInt("clientId");
    int liquidation = r.readInt("liquidation");
    double cumQty = r.readDecimal("cumQty");
    double avgPrice = r.readDoubleMax("avgPrice");
    String orderRef = r.readString("orderRef");
    String evRule = r.readString("evRule");
    double evMultiplier = r.readDoubleMax("evMultiplier");
    String modelCode = r.readString("modelCode");
    int lastLiquidity = r.readIntMax("lastLiquidity");
    boolean pendingPriceRevision = r.readBoolean("pendingPriceRevision");
    return new ExecutionDetails(
        reqId,
        orderId,
        contract,
        execId,
        time,
        account,
        exchange,
        side,
        shares,
        price,
        permId,
        clientId,
        liquidation,
        cumQty,
        avgPrice,
        orderRef,
        evRule,
        evMultiplier,
        modelCode,
        lastLiquidity,
        pendingPriceRevision);
  }

  private static CommissionReport commissionReport(FieldReader r) {
    r.skip("version");
    String execId = r.readString("execId");
    double commission = r.readDoubleMax("commission");
    String currency = r.readString("currency");
    double realizedPnl = r.readDoubleMax("realizedPNL");
    double yield = r.readDoubleMax("yield");
    int yieldRedemptionDate = r.readIntMax("yieldRedemptionDate");
    return new CommissionReport(
        execId, commission, currency, realizedPnl, yield, yieldRedemptionDate);
  }

  private static Position position(FieldReader r) {
    r.skip("version");
    String account = r.readString("account");
    TwsContract contract =
        TwsContract.reported(
            r.readInt("conId"),
            r.readString("symbol"),
            r.readString("secType"),
            r.readString("lastTradeDateOrContractMonth"),
            r.readDoubleMax("strike"),
            r.readString("right"),
            r.readString("multiplier"),
            r.readString("exchange"),
            "",
            r.readString("currency"),
            r.readString("localSymbol"),
            r.readString("tradingClass"));
    double position = r.readDecimal("position");
    double avgCost = r.readDoubleMax("avgCost");
    return new Position(account, contract, position, avgCost);
  }

  private static AccountSummary accountSummary(FieldReader r) {
    r.skip("version");
    int reqId = r.readInt("reqId");
    String account = r.readString("account");
    String tag = r.readString("tag");
    String value = r.readString("value");
    return new AccountSummary(reqId, account, tag, value, r.readString("currency"));
  }

  private static SecDefOptParameter secDefOptParameter(FieldReader r) {
    int reqId = r.readInt("reqId");
    String exchange = r.readString("exchange");
    int underlyingConId = r.readInt("underlyingConId");
    String tradingClass = r.readString("tradingClass");
    String multiplier = r.readString("multiplier");
    int expirationCount = r.readCount("expirationsCount");
    List<String> expirations = new ArrayList<>(expirationCount);
    for (int i = 0; i < expirationCount; i++) {
      expirations.add(r.readString("expiration"));
    }
    int strikeCount = r.readCount("strikesCount");
    List<Double> strikes = new ArrayList<>(strikeCount);
    for (int i = 0; i < strikeCount; i++) {
      strikes.add(r.readDouble("strike"));
    }
    return new SecDefOptParameter(
        reqId, exchange, underlyingConId, tradingClass, multiplier, expirations, strikes);
  }

  private static ContractDetails contractDetails(FieldReader r) {
    int reqId = r.readInt("reqId");
    String symbol = r.readString("symbol");
    String secType = r.readString("secType");
    String lastTradeDate = r.readString("lastTradeDateOrContractMonth");
    double strike = r.readDoubleMax("strike");
    String right = r.readString("right");
    String exchange = r.readString("exchange");
    String currency = r.readString("currency");
    String localSymbol = r.readString("localSymbol");
    String marketName = r.readString("marketName");
    String tradingClass = r.readString("tradingClass");
    int conId = r.readInt("conId");
    double minTick = r.readDoubleMax("minTick");
    String multiplier = r.readString("multiplier");
    String orderTypes = r.readString("orderTypes");
    String validExchanges = r.readString("validExchanges");
    int priceMagnifier = r.readIntMax("priceMagnifier");
    int underConId = r.readIntMax("underConId");
    String longName = r.readEscapedString("longName");
    String primaryExchange = r.readString("primaryExchange");
    String contractMonth = r.readString("contractMonth");
    String industry = r.readString("industry");
    String category = r.readString("category");
    String subcategory = r.readString("subcategory");
    String timeZoneId = r.readString("timeZoneId");
    String tradingHours = r.readString("tradingHours");
    String liquidHours = r.readString("liquidHours");
    String evRule = r.readString("evRule");
    double evMultiplier = r.readDoubleMax("evMultiplier");
    int secIdCount = r.readCount("secIdListCount");
    List<TagValue> secIds = new ArrayList<>(secIdCount);
    for (int i = 0; i < secIdCount; i++) {
      secIds.add(new TagValue(r.readString("secIdTag"), r.readString("secIdValue")));
    }
    TwsContract contract =
        TwsContract.reported(
            conId,
            symbol,
            secType,
            lastTradeDate,
            strike,
            right,
            multiplier,
            exchange,
            primaryExchange,
            currency,
            localSymbol,
            tradingClass);
    return new ContractDetails(
        reqId,
        contract,
        marketName,
        minTick,
        orderTypes,
        validExchanges,
        priceMagnifier,
        underConId,
        longName,
        contractMonth,
        industry,
        category,
        subcategory,
        timeZoneId,
        tradingHours,
        liquidHours,
        evRule,
        evMultiplier,
        secIds,
        r.readIntMax("aggGroup"),
        r.readString("underSymbol"),
        r.readString("underSecType"),
        r.readString("marketRuleIds"),
        r.readString("realExpirationDate"),
        r.readString("stockType"),
        r.readDecimal("minSize"),
        r.readDecimal("sizeIncrement"),
        r.readDecimal("suggestedSizeIncrement"));
  }

  private static AccountValue accountValue(FieldReader r) {
    r.skip("version");
    String key = r.readString("key");
    String value = r.readString("value");
    String currency = r.readString("currency");
    return new AccountValue(key, value, currency, r.readString("accountName"));
  }

  private static PortfolioValue portfolioValue(FieldReader r) {
    r.skip("version");
    int conId = r.readInt("conId");
    String symbol = r.readString("symbol");
    String secType = r.readString("secType");
    String lastTradeDate = r.readString("lastTradeDateOrContractMonth");
    double strike = r.readDoubleMax("strike");
    String right = r.readString("right");
    String multiplier = r.readString("multiplier");
    String primaryExchange = r.readString("primaryExchange");
    TwsContract contract =
        TwsContract.reported(
            conId,
            symbol,
            secType,
            lastTradeDate,
            strike,
            right,
            multiplier,
            "",
            primaryExchange,
            r.readString("currency"),
            r.readString("localSymbol"),
            r.readString("tradingClass"));
    return new PortfolioValue(
        contract,
        r.readDecimal("position"),
        r.readDoubleMax("marketPrice"),
        r.readDoubleMax("marketValue"),
        r.readDoubleMax("averageCost"),
        r.readDoubleMax("unrealizedPNL"),
        r.readDoubleMax("realizedPNL"),
        r.readString("accountName"));
  }

  private static HistoricalData historicalData(FieldReader r) {
    int reqId = r.readInt("reqId");
    String startDate = r.readString("startDate");
    String endDate = r.readString("endDate");
    int barCount = r.readCount("barCount");
    List<HistoricalData.Bar> bars = new ArrayList<>(barCount);
    for (int i = 0; i < barCount; i++) {
      bars.add(
          new HistoricalData.Bar(
              r.readString("date"),
              r.readDouble("open"),
              r.readDouble("high"),
              r.readDouble("low"),
              r.readDouble("close"),
              r.readDecimal("volume"),
              r.readDecimal("wap"),
              r.readIntMax("count")));
    }
    return new HistoricalData(reqId, startDate, endDate, bars);
  }

  private static ErrorMessage errorMessage(FieldReader r) {
    r.skip("version");
    int id = r.readInt("id");
    int errorCode = r.readInt("errorCode");
    String text = r.readEscapedString("errorMsg");
    String json = r.readString("advancedOrderRejectJson");
    return new ErrorMessage(id, errorCode, text, json);
  }

  private static TickOptionComputation tickOptionComputation(FieldReader r) {
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
