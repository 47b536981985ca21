package dev.thetaflow.ib.client;

import dev.thetaflow.core.config.BackoffConfig;
import dev.thetaflow.core.config.IbConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything an {@link IbConnection} needs to know, taken from {@link IbConfig} plus the choices
 * that belong to one connection (its client id, the account it must see).
 *
 * @param host gateway host
 * @param port gateway API port
 * @param clientId this connection's client id
 * @param expectedAccount an account the gateway must list in managedAccounts, or null for no check
 * @param connectTimeout socket connect plus handshake
 * @param heartbeatInterval a reqCurrentTime goes out when nothing was sent for this long
 * @param silenceTimeout nothing received for this long means the connection is dead
 * @param backoff reconnect waits (exponential, jittered)
 * @param maxMessagesPerSecond pacing ceiling, 1..50
 * @param circuitFailures consecutive failed attempts that open the circuit
 * @param circuitCoolDown how long the circuit stays open before a trial attempt
 */
public record ConnectionOptions(
    String host,
    int port,
    int clientId,
    String expectedAccount,
    Duration connectTimeout,
    Duration heartbeatInterval,
    Duration silenceTimeout,
    BackoffConfig backoff,
    int maxMessagesPerSecond,
    int circuitFailures,
    Duration circuitCoolDown)
    implements java.io.Serializable {

  /** IB disconnects a client that sends more than this many messages in one second. */
  public static final int IB_MESSAGE_LIMIT = 50;

  public ConnectionOptions {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(backoff, "backoff");
    requirePositive("connectTimeout", connectTimeout);
    requirePositive("heartbeatInterval", heartbeatInterval);
    requirePositive("silenceTimeout", silenceTimeout);
    requirePositive("circuitCoolDown", circuitCoolDown);
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port must be 1..65535, was " + port);
    }
    if (clientId < 0) {
      throw new IllegalArgumentException("clientId must be >= 0, was " + clientId);
    }
    if (maxMessagesPerSecond < 1 || maxMessagesPerSecond > IB_MESSAGE_LIMIT) {
      throw new IllegalArgumentException(
          "maxMessagesPerSecond must be 1.."
              + IB_MESSAGE_LIMIT
              + " (IB's limit), was "
              + maxMessagesPerSecond);
    }
    if (silenceTimeout.compareTo(heartbeatInterval) <= 0) {
      throw new IllegalArgumentException(
          "silenceTimeout ("
              + silenceTimeout
              + ") must exceed heartbeatInterval ("
              + heartbeatInterval
              + "), or every idle period would look like a dead connection");
    }
    if (circuitFailures < 1) {
      throw new IllegalArgumentException("circuitFailures must be >= 1, was " + circuitFailures);
    }
  }

  /**
   * Options for a gateway on this machine (ib-sim, tests): loopback, quick heartbeats, fast
   * retries, a short circuit cool-down, 40 messages per second.
   */
  public static ConnectionOptions local(int port, int clientId) {
    return new ConnectionOptions(
        "127.0.0.1",
        port,
        clientId,
        null,
        Duration.ofSeconds(3),
        Duration.ofSeconds(1),
        Duration.ofSeconds(3),
        new BackoffConfig(Duration.ofMillis(100), Duration.ofSeconds(1)),
        40,
        10,
        Duration.ofSeconds(5));
  }

  /**
   * Options for one connection of the configured gateway: silence is declared after two heartbeat
   * intervals; the circuit opens after 10 failed attempts in a row and cools down for 5 minutes.
   */
  public static ConnectionOptions from(IbConfig ib, int clientId, String expectedAccount) {
    return new ConnectionOptions(
        ib.host(),
        ib.port(),
        clientId,
        expectedAccount,
        ib.connectTimeout(),
        ib.heartbeatInterval(),
        ib.heartbeatInterval().multipliedBy(2),
        ib.reconnectBackoff(),
        ib.maxMessagesPerSecond(),
        10,
        Duration.ofMinutes(5));
  }

  private static void requirePositive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
    }
  }
}
