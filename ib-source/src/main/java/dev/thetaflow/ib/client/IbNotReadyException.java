package dev.thetaflow.ib.client;

/**
 * A request was sent while the connection cannot deliver it. Thrown rather than queued: an order
 * held back across a reconnect would reach the broker at a moment nobody chose.
 */
public final class IbNotReadyException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  IbNotReadyException(ConnectionState state, String host, int port, int clientId) {
    super(
        "not connected to IB at "
            + host
            + ":"
            + port
            + " as client "
            + clientId
            + " (state "
            + state
            + "); the request was not sent");
  }
}
