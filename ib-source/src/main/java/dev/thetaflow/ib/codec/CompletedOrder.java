package dev.thetaflow.ib.codec;

/**
 * completedOrder (101) at 178: a filled or cancelled order of the day, in answer to
 * reqCompletedOrders. It carries no order id (TWS reports only the permanent id), so an order is
 * matched by permId or by orderRef.
 *
 * @param contract the contract, with legs for a BAG
 * @param action BUY or SELL
 * @param totalQuantity ordered quantity
 * @param orderType LMT, MKT…
 * @param lmtPrice limit, {@link TwsValues#UNSET_DOUBLE} when unset
 * @param auxPrice stop or trail amount, {@link TwsValues#UNSET_DOUBLE} when unset
 * @param tif time in force
 * @param account the account
 * @param orderRef the client's reference
 * @param permId IB's permanent id
 * @param filledQuantity quantity filled
 * @param status the final status (Filled, Cancelled…)
 * @param completedTime when it completed, as TWS writes it
 * @param completedStatus TWS's text about how it completed
 */
public record CompletedOrder(
    TwsContract contract,
    String action,
    double totalQuantity,
    String orderType,
    double lmtPrice,
    double auxPrice,
    String tif,
    String account,
    String orderRef,
    long permId,
    double filledQuantity,
    String status,
    String completedTime,
    String completedStatus)
    implements IncomingMessage {}
