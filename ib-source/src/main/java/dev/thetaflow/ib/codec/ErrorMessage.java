package dev.thetaflow.ib.codec;

/**
 * errMsg (4) at 166..193: an error or an informational notice.
 *
 * @param id the request or order id it concerns, or -1 when it concerns no request
 * @param errorCode IB's code (for example 201 order rejected, 2104 farm OK, 1100 connectivity lost)
 * @param errorMsg the text, with TWS's {@code \}{@code uXXXX} escapes undone
 * @param advancedOrderRejectJson raw JSON detail of an order reject, empty when absent
 */
public record ErrorMessage(int id, int errorCode, String errorMsg, String advancedOrderRejectJson)
    implements IncomingMessage {}
