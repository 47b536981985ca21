package dev.thetaflow.core.order;

/**
 * The life of an order at the broker, venue-neutral. An adapter maps its statuses onto these (for
 * IB: PendingSubmit/ApiPending → PENDING_SUBMIT, PreSubmitted → PRE_SUBMITTED, Submitted →
 * SUBMITTED or PARTIALLY_FILLED when some quantity has filled, ApiCancelled/Cancelled → CANCELLED,
 * an order error such as 201 → REJECTED).
 */
public enum OrderStatus {
  /** Sent by us, not yet acknowledged by the broker. */
  PENDING_SUBMIT,
  /** Accepted by the broker but held (e.g. a stop not yet triggered, outside hours). */
  PRE_SUBMITTED,
  /** Working at the exchange, nothing filled yet. */
  SUBMITTED,
  /** Working, part of the quantity filled. */
  PARTIALLY_FILLED,
  /** Cancel sent by us, not yet confirmed. Fills can still arrive. */
  PENDING_CANCEL,
  /** Completely filled. Terminal. */
  FILLED,
  /** Cancelled, by us, the broker or the exchange (IOC remainder). Terminal. */
  CANCELLED,
  /** Refused by the broker or the exchange. Terminal. */
  REJECTED,
  /**
   * Received but not working (IB "Inactive": e.g. not allowed outside hours, or held for a
   * problem). Not terminal: the broker may still activate or cancel it, so reconcile it.
   */
  INACTIVE;

  /** No further fills or status changes will come. */
  public boolean isTerminal() {
    return this == FILLED || this == CANCELLED || this == REJECTED;
  }

  /** At the exchange and able to fill. */
  public boolean isWorking() {
    return this == SUBMITTED || this == PARTIALLY_FILLED || this == PENDING_CANCEL;
  }
}
