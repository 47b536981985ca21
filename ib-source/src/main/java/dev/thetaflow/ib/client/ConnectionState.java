package dev.thetaflow.ib.client;

/** Where an {@link IbConnection} stands. */
public enum ConnectionState {
  /** Created, not started. */
  DISCONNECTED,
  /** Opening the socket, handshaking, or waiting for nextValidId and managedAccounts. */
  CONNECTING,
  /** Handshake done, nextValidId and managedAccounts received: requests may be sent. */
  READY,
  /** The socket is up but the gateway lost its connection to IB (code 1100); data is paused. */
  GATEWAY_DISCONNECTED,
  /** The last attempt failed or the connection dropped; the next attempt is scheduled. */
  RECONNECT_WAIT,
  /** Too many failed attempts in a row: waiting out the cool-down before one trial attempt. */
  CIRCUIT_OPEN,
  /** Closed by the owner, or refused for good (wrong account): no further attempts. */
  CLOSED;

  /** True when requests reach the gateway (READY, or GATEWAY_DISCONNECTED: TWS queues them). */
  public boolean acceptsRequests() {
    return this == READY || this == GATEWAY_DISCONNECTED;
  }
}
