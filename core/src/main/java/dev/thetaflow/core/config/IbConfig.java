package dev.thetaflow.core.config;

import java.time.Duration;

/**
 * The connection to IB Gateway / TWS (or ib-sim, which speaks the same protocol).
 *
 * @param host where the gateway listens (default 127.0.0.1)
 * @param port the gateway's API port; required, and checked against the mode by {@link LiveSafety}
 * @param clientId client id of the master data connection (default 1)
 * @param orderClientId client id of the second connection that places orders; must differ from
 *     {@code clientId} (default 2)
 * @param connectTimeout how long to wait for the handshake, 1s to 5m (default 10s)
 * @param heartbeatInterval how often to check the connection is alive, 1s to 10m (default 10s)
 * @param reconnectBackoff waits between reconnect attempts
 * @param maxMessagesPerSecond pacing of messages to the gateway, 1 to 50: IB disconnects clients
 *     that send more than 50 per second (default 40, leaving headroom)
 * @param marketDataType real-time, frozen, delayed or delayed-frozen (default realtime)
 */
public record IbConfig(
    String host,
    int port,
    int clientId,
    int orderClientId,
    Duration connectTimeout,
    Duration heartbeatInterval,
    BackoffConfig reconnectBackoff,
    int maxMessagesPerSecond,
    MarketDataType marketDataType) {

  static final IntegerRange PORT = new IntegerRange(1, 65_535);
  static final IntegerRange CLIENT_ID = new IntegerRange(0, Integer.MAX_VALUE);
  static final DurationRange CONNECT_TIMEOUT =
      new DurationRange(Duration.ofSeconds(1), Duration.ofMinutes(5));
  static final DurationRange HEARTBEAT =
      new DurationRange(Duration.ofSeconds(1), Duration.ofMinutes(10));

  /** IB's documented API limit is 50 messages per second. */
  static final IntegerRange MESSAGES_PER_SECOND = new IntegerRange(1, 50);

  public IbConfig {
    Checks.token("host", host, "a host name or IP address");
    PORT.require("port", port);
    CLIENT_ID.require("clientId", clientId);
    CLIENT_ID.require("orderClientId", orderClientId);
    if (orderClientId == clientId) {
      throw new ConfigViolation(
          "orderClientId",
          orderClientId,
          "expected a client id different from ib.clientId ("
              + clientId
              + "): IB drops the older of two connections with the same client id");
    }
    CONNECT_TIMEOUT.require("connectTimeout", connectTimeout);
    HEARTBEAT.require("heartbeatInterval", heartbeatInterval);
    Checks.notNull("reconnectBackoff", reconnectBackoff);
    MESSAGES_PER_SECOND.require("maxMessagesPerSecond", maxMessagesPerSecond);
    Checks.notNull("marketDataType", marketDataType);
  }

  static IbConfig read(ConfigSection s) {
    String host = s.string("host", "127.0.0.1");
    int port = s.integer("port", PORT);
    int clientId = s.integer("clientId", 1, CLIENT_ID);
    int orderClientId = s.integer("orderClientId", 2, CLIENT_ID);
    Duration connectTimeout = s.duration("connectTimeout", Duration.ofSeconds(10), CONNECT_TIMEOUT);
    Duration heartbeat = s.duration("heartbeatInterval", Duration.ofSeconds(10), HEARTBEAT);
    BackoffConfig backoff = BackoffConfig.read(s.section("reconnectBackoff"));
    int perSecond = s.integer("maxMessagesPerSecond", 40, MESSAGES_PER_SECOND);
    MarketDataType dataType =
        s.choice("marketDataType", MarketDataType.REALTIME, MarketDataType.class);
    return s.build(
        () ->
            new IbConfig(
                host,
                port,
                clientId,
                orderClientId,
                connectTimeout,
                heartbeat,
                backoff,
                perSecond,
                dataType));
  }
}
