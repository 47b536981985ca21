package dev.thetaflow.sim.scenario;

/** The faults a scenario can inject, as IB Gateway shows them to a client. */
public enum FaultKind {
  /** Close every client socket at once; the sim keeps listening (a network drop). */
  DROP_CONNECTION,
  /** Stop accepting connections for {@code duration}, closing current ones (a nightly reset). */
  RESTART,
  /**
   * Send error 1100 (connectivity lost), then after {@code duration} 1101 (restored, data lost).
   */
  CONNECTIVITY_LOST_DATA_LOST,
  /** Send error 1100, then after {@code duration} 1102 (restored, data kept). */
  CONNECTIVITY_LOST_DATA_KEPT,
  /** Send no market data for {@code duration}; the socket stays open and silent. */
  STALL_DATA,
  /** Send one frame whose content is garbage (a bad message id and fields) to every client. */
  GARBAGE_FRAME,
  /**
   * Reject every order placed during {@code duration} with error {@code code} and {@code reason}.
   */
  REJECT_ORDERS
}
