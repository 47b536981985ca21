package dev.thetaflow.ib.client;

import dev.thetaflow.ib.codec.IncomingMessage;

/**
 * Receives what an {@link IbConnection} sees. Callbacks run on the connection's reader thread
 * (state changes also on its supervisor thread), in the order the events happened; they must return
 * quickly and must not block, or the socket backs up.
 *
 * <p>One typed stream rather than one method per message: {@link IncomingMessage} is sealed, so a
 * {@code switch} over it is checked by the compiler when a message type is added.
 */
public interface IbListener {

  /** Every decoded message, including errors and the connection's own heartbeat answers. */
  default void onMessage(IncomingMessage message) {}

  /** The state changed; {@code reason} says why in words an operator reads in a log. */
  default void onStateChange(ConnectionState previous, ConnectionState current, String reason) {}

  /**
   * Subscriptions were sent again after the gateway lost its data (code 1101) or after a socket
   * reconnect; {@code count} requests, same request ids as before.
   */
  default void onResubscribed(int count) {}

  /** A frame did not decode; it was skipped and the next frame is decoded normally. */
  default void onMalformedFrame(String hexBytes, String problem) {}
}
