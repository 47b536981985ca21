package dev.thetaflow.ib.client;

/**
 * The errMsg codes the connection itself acts on (brief §5). Everything else is passed to the
 * listener untouched; routing order rejections and request failures is the caller's business.
 */
final class ConnectionCodes {
  private ConnectionCodes() {}

  /** Pacing violation: more than 50 messages in a second. */
  static final int MAX_RATE_EXCEEDED = 100;

  /** Another connection already uses this client id; the gateway closes this one. */
  static final int CLIENT_ID_IN_USE = 326;

  /** Not connected. */
  static final int NOT_CONNECTED = 504;

  /** The gateway received a message with a bad length; the stream is out of step. */
  static final int BAD_MESSAGE_LENGTH = 507;

  /** The gateway lost its connection to IB's servers. */
  static final int CONNECTIVITY_LOST = 1100;

  /** Restored, but market data subscriptions were lost: resubscribe. */
  static final int RESTORED_DATA_LOST = 1101;

  /** Restored with subscriptions kept. */
  static final int RESTORED_DATA_KEPT = 1102;

  /** TWS's socket port was reset: this connection is dropped, reconnect. */
  static final int SOCKET_PORT_RESET = 1300;

  /** Connection between TWS and IB broken; TWS reconnects by itself (brief: treat like 1100). */
  static final int TWS_IB_CONNECTION_BROKEN = 2110;
}
