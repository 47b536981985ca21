package dev.thetaflow.ib.codec;

/**
 * orderStatus (3), the 131+ layout without a version field.
 *
 * @param orderId the order
 * @param status PreSubmitted, Submitted, ApiPending, ApiCancelled, Cancelled, Filled or Inactive
 * @param filled filled quantity (decimal) or {@link TwsValues#UNSET_DOUBLE}
 * @param remaining remaining quantity (decimal) or {@link TwsValues#UNSET_DOUBLE}
 * @param avgFillPrice average fill price
 * @param permId TWS's permanent order id
 * @param parentId parent order id, 0 if none
 * @param lastFillPrice price of the last fill
 * @param clientId the API client that placed the order
 * @param whyHeld why the order is held, usually empty
 * @param mktCapPrice price cap applied by IB, if any
 */
public record OrderStatus(
    int orderId,
    String status,
    double filled,
    double remaining,
    double avgFillPrice,
    long permId,
    int parentId,
    double lastFillPrice,
    int clientId,
    String whyHeld,
    double mktCapPrice)
    implements IncomingMessage {}
