package dev.thetaflow.ib.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * Decoders for contract details, option-chain parameters and historical bars. Each reads the fields
 * after the message id, in the 178 layout.
 */
final class ContractDecoders {
  private ContractDecoders() {}

  static ContractDetails contractDetails(FieldReader r) {
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

  static SecDefOptParameter secDefOptParameter(FieldReader r) {
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

  static HistoricalData historicalData(FieldReader r) {
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
}
