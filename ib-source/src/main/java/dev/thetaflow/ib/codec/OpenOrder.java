package dev.thetaflow.ib.codec;

/**
 * openOrder (5) at 178: what an order is and where it stands, as TWS reports it on placement, on
 * every change and in answer to reqOpenOrders / reqAllOpenOrders. The fields thetaflow acts on; the
 * rest of the ~170-field layout is walked and skipped.
 *
 * @param orderId the order's id at the client that placed it
 * @param contract the contract, with its legs for a BAG
 * @param action BUY or SELL
 * @param totalQuantity quantity
 * @param orderType LMT, MKT, STP, STP LMT, TRAIL…
 * @param lmtPrice limit (the net price for a BAG), {@link TwsValues#UNSET_DOUBLE} when unset
 * @param auxPrice stop price or trailing amount, {@link TwsValues#UNSET_DOUBLE} when unset
 * @param tif time in force
 * @param ocaGroup one-cancels-all group, empty when none
 * @param account the account
 * @param orderRef the client's reference (thetaflow's {@code <strategyId>:<PURPOSE>:<seq>})
 * @param clientId the client that placed it
 * @param permId IB's permanent id
 * @param outsideRth may fill outside regular hours
 * @param goodTillDate GTD expiry, empty when none
 * @param parentId parent order id, 0 when none
 * @param trailStopPrice current trailing stop, {@link TwsValues#UNSET_DOUBLE} when unset
 * @param trailingPercent trailing percent, {@link TwsValues#UNSET_DOUBLE} when unset
 * @param whatIf a margin preview, not a live order
 * @param state status, margin and commission figures
 */
public record OpenOrder(
    int orderId,
    TwsContract contract,
    String action,
    double totalQuantity,
    String orderType,
    double lmtPrice,
    double auxPrice,
    String tif,
    String ocaGroup,
    String account,
    String orderRef,
    int clientId,
    long permId,
    boolean outsideRth,
    String goodTillDate,
    int parentId,
    double trailStopPrice,
    double trailingPercent,
    boolean whatIf,
    OrderState state)
    implements IncomingMessage {

  /**
   * The order-state block: status and, for what-if orders, margin and commission figures ({@link
   * TwsValues#UNSET_DOUBLE} when not computed).
   *
   * @param status PreSubmitted, Submitted, Filled, Cancelled…
   * @param initMarginChange change in initial margin
   * @param maintMarginChange change in maintenance margin
   * @param commission commission estimate
   * @param commissionCurrency its currency
   * @param warningText a warning from TWS, empty when none
   */
  public record OrderState(
      String status,
      double initMarginChange,
      double maintMarginChange,
      double commission,
      String commissionCurrency,
      String warningText) {}
}
