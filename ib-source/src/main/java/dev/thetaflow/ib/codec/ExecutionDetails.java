package dev.thetaflow.ib.codec;

/**
 * execDetails (11), the 136+ layout without a version field, plus pendingPriceRevision (178).
 *
 * @param reqId the reqExecutions id, or -1 when unsolicited
 * @param orderId the order that filled
 * @param contract the contract as reported (no primaryExchange in this message)
 * @param execId the execution id; its commissionReport carries the same id
 * @param time {@code yyyymmdd HH:mm:ss tz} as sent
 * @param account the account number
 * @param exchange the execution exchange
 * @param side BOT or SLD
 * @param shares executed quantity (decimal)
 * @param price execution price
 * @param permId TWS's permanent order id
 * @param clientId the API client that placed the order
 * @param liquidation 1 if IB liquidated the position
 * @param cumQty cumulative quantity (decimal)
 * @param avgPrice average price
 * @param orderRef the order reference the client set
 * @param evRule economic value rule
 * @param evMultiplier economic value multiplier or {@link TwsValues#UNSET_DOUBLE}
 * @param modelCode model code
 * @param lastLiquidity liquidity type of the execution
 * @param pendingPriceRevision true if the price may still be revised
 */
public record ExecutionDetails(
    int reqId,
    int orderId,
    TwsContract contract,
    String execId,
    String time,
    String account,
    String exchange,
    String side,
    double shares,
    double price,
    long permId,
    int clientId,
    int liquidation,
    double cumQty,
    double avgPrice,
    String orderRef,
    String evRule,
    double evMultiplier,
    String modelCode,
    int lastLiquidity,
    boolean pendingPriceRevision)
    implements IncomingMessage {}
