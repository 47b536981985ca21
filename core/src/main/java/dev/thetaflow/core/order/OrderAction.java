package dev.thetaflow.core.order;

import java.util.Objects;

/** What the order sink is asked to do with the broker. */
public sealed interface OrderAction {

  /** Place an order, at most once per {@link OrderRef}, across restarts. */
  record Place(OrderRequest request) implements OrderAction {
    public Place {
      Objects.requireNonNull(request, "request");
    }
  }

  /** Cancel the working order with this reference (nothing if it is not working). */
  record Cancel(OrderRef orderRef, String reason) implements OrderAction {
    public Cancel {
      Objects.requireNonNull(orderRef, "orderRef");
    }
  }

  /** Kill switch: cancel every working order and refuse new ones until {@link Resume}. */
  record CancelAll(String reason) implements OrderAction {}

  /** Lift the kill switch: orders are placed again. */
  record Resume(String reason) implements OrderAction {}
}
