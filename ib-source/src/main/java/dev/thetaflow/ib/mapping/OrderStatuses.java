package dev.thetaflow.ib.mapping;

import dev.thetaflow.core.order.OrderStatus;

/** TWS's order status words, as orderStatus (3) sends them, to thetaflow's order states. */
public final class OrderStatuses {
  private OrderStatuses() {}

  /**
   * The state of a TWS status word; {@code filled} and {@code remaining} tell a partial fill (TWS
   * keeps saying Submitted while an order fills in parts). An unknown word is an error that names
   * it: treating it as anything would guess about real orders.
   */
  public static OrderStatus of(String status, double filled, double remaining) {
    if (status == null) {
      throw new IllegalArgumentException("order status is missing");
    }
    return switch (status) {
      case "PendingSubmit", "ApiPending" -> OrderStatus.PENDING_SUBMIT;
      case "PreSubmitted" -> OrderStatus.PRE_SUBMITTED;
      case "Submitted" ->
          filled > 0 && remaining > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.SUBMITTED;
      case "PendingCancel" -> OrderStatus.PENDING_CANCEL;
      case "Cancelled", "ApiCancelled" -> OrderStatus.CANCELLED;
      case "Filled" -> OrderStatus.FILLED;
      case "Inactive" -> OrderStatus.INACTIVE;
      default ->
          throw new IllegalArgumentException(
              "order status \""
                  + status
                  + "\" is not one TWS documents (PendingSubmit, ApiPending, PreSubmitted,"
                  + " Submitted, PendingCancel, Cancelled, ApiCancelled, Filled, Inactive)");
    };
  }
}
