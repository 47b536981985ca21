package dev.thetaflow.ib.codec;

/**
 * Decoders for order and execution messages. Each reads the fields after the message id, in the 178
 * layout.
 */
final class OrderDecoders {
  private OrderDecoders() {}

  static OrderStatus orderStatus(FieldReader r) {
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

  static ExecutionDetails executionDetails(FieldReader r) {
    int reqId = r.readInt("reqId");
    int orderId = r.readInt("orderId");
    TwsContract contract = TwsContract.readReported(r);
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

  static CommissionReport commissionReport(FieldReader r) {
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
}
