package dev.thetaflow.ib.codec;

import java.util.List;

/**
 * A contract in TWS's own terms, as written in the 12-field contract block (brief §2.2). Null
 * strings are written as empty fields; {@code strike} may be {@link TwsValues#UNSET_DOUBLE} (empty
 * field, as for a BAG).
 *
 * @param conId contract id, 0 when unknown
 * @param symbol underlying symbol
 * @param secType STK, OPT, FUT, FOP, IND, CASH, BAG…
 * @param lastTradeDateOrContractMonth YYYYMMDD or YYYYMM
 * @param strike the strike, or {@link TwsValues#UNSET_DOUBLE}
 * @param right C, P or empty
 * @param multiplier multiplier as text, for example {@code 100}
 * @param exchange routing exchange, for example {@code SMART}
 * @param primaryExchange primary listing exchange
 * @param currency ISO currency
 * @param localSymbol the exchange's symbol
 * @param tradingClass trading class
 * @param comboLegs legs of a BAG; only a BAG may have them, and a decoded BAG may have none
 */
public record TwsContract(
    int conId,
    String symbol,
    String secType,
    String lastTradeDateOrContractMonth,
    double strike,
    String right,
    String multiplier,
    String exchange,
    String primaryExchange,
    String currency,
    String localSymbol,
    String tradingClass,
    List<TwsComboLeg> comboLegs) {

  /** Copies the legs and checks that only a BAG has them. */
  public TwsContract {
    comboLegs = comboLegs == null ? List.of() : List.copyOf(comboLegs);
    // secType is the parameter here; isBag() would read the field, assigned after this body.
    if (!"BAG".equals(secType) && !comboLegs.isEmpty()) {
      throw new IllegalArgumentException(
          "secType " + secType + " with " + comboLegs.size() + " combo legs");
    }
  }

  /**
   * Reads the contract block that position and execDetails messages share: conId, symbol, secType,
   * lastTradeDateOrContractMonth, strike, right, multiplier, exchange, currency, localSymbol,
   * tradingClass (no primary exchange).
   */
  static TwsContract readReported(FieldReader r) {
    return reported(
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
  }

  /** A contract as TWS reports it in positions and executions (no legs). */
  static TwsContract reported(
      int conId,
      String symbol,
      String secType,
      String lastTradeDateOrContractMonth,
      double strike,
      String right,
      String multiplier,
      String exchange,
      String primaryExchange,
      String currency,
      String localSymbol,
      String tradingClass) {
    return new TwsContract(
        conId,
        symbol,
        secType,
        lastTradeDateOrContractMonth,
        strike,
        right,
        multiplier,
        exchange,
        primaryExchange,
        currency,
        localSymbol,
        tradingClass,
        List.of());
  }

  /**
   * A contract named by its conId, as orders and market data requests name a known instrument:
   * routed SMART, no other fields.
   */
  public static TwsContract byConId(int conId, String symbol, String secType, String currency) {
    return new TwsContract(
        conId,
        symbol,
        secType,
        "",
        TwsValues.UNSET_DOUBLE,
        "",
        "",
        "SMART",
        "",
        currency,
        "",
        "",
        List.of());
  }

  /** True for a combo (secType BAG). */
  public boolean isBag() {
    return "BAG".equals(secType);
  }

  /** Writes the 12-field contract block. */
  void writeBlock(FieldWriter w) {
    w.writeInt(conId)
        .writeString(symbol)
        .writeString(secType)
        .writeString(lastTradeDateOrContractMonth)
        .writeDoubleMax(strike)
        .writeString(right)
        .writeString(multiplier)
        .writeString(exchange)
        .writeString(primaryExchange)
        .writeString(currency)
        .writeString(localSymbol)
        .writeString(tradingClass);
  }
}
