package dev.thetaflow.sinks.notify;

import java.io.IOException;

/**
 * Delivers one notification to one channel. Implementations block until the channel accepted the
 * message or failed, within their own timeouts; they do not retry (the sink does).
 */
public interface Notifier {

  /**
   * Sends {@code n}.
   *
   * @throws IOException saying which channel failed and why (status, server reply, timeout)
   */
  void send(Notification n) throws IOException;

  /** The channel, for logs, e.g. {@code webhook hooks.slack.com}; never contains a secret. */
  String name();
}
