package dev.thetaflow.ib.codec;

/**
 * Decoders for positions, account summaries and account updates. Each reads the fields after the
 * message id, in the 178 layout.
 */
final class AccountDecoders {
  private AccountDecoders() {}

  static Position position(FieldReader r) {
    r.skip("version");
    String account = r.readString("account");
    TwsContract contract = TwsContract.readReported(r);
    double position = r.readDecimal("position");
    double avgCost = r.readDoubleMax("avgCost");
    return new Position(account, contract, position, avgCost);
  }

  static AccountSummary accountSummary(FieldReader r) {
    r.skip("version");
    int reqId = r.readInt("reqId");
    String account = r.readString("account");
    String tag = r.readString("tag");
    String value = r.readString("value");
    return new AccountSummary(reqId, account, tag, value, r.readString("currency"));
  }

  static AccountValue accountValue(FieldReader r) {
    r.skip("version");
    String key = r.readString("key");
    String value = r.readString("value");
    String currency = r.readString("currency");
    return new AccountValue(key, value, currency, r.readString("accountName"));
  }

  static PortfolioValue portfolioValue(FieldReader r) {
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
}
