package dev.thetaflow.ib.client;

import static dev.thetaflow.ib.client.FakeTws.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thetaflow.core.config.BackoffConfig;
import dev.thetaflow.ib.codec.CurrentTime;
import dev.thetaflow.ib.codec.Requests;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connection manager against a scripted gateway over a real loopback socket. */
class IbConnectionTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private FakeTws tws;
  private RecordingListener listener;
  private IbConnection connection;

  @BeforeEach
  void startServer() throws Exception {
    tws = new FakeTws();
    listener = new RecordingListener();
  }

  @AfterEach
  void stop() throws Exception {
    if (connection != null) {
      connection.close();
    }
    tws.close();
  }

  private IbConnection connect(String expectedAccount) {
    ConnectionOptions options =
        new ConnectionOptions(
            "127.0.0.1",
            tws.port(),
            7,
            expectedAccount,
            Duration.ofSeconds(2),
            Duration.ofMillis(200),
            Duration.ofMillis(500),
            new BackoffConfig(Duration.ofMillis(100), Duration.ofMillis(400)),
            50,
            3,
            Duration.ofSeconds(1));
    connection = new IbConnection(options, listener);
    connection.start();
    return connection;
  }

  @Test
  void readyOnlyOnceNextValidIdAndManagedAccountsHaveBothArrived() throws Exception {
    tws.sendHello = false;
    connect(null);
    FakeTws.Conn conn = tws.connection(0);
    await(() -> !conn.received("71").isEmpty(), WAIT, "startApi");
    assertThat(conn.clientVersionText).isEqualTo("v100..178");
    assertThat(conn.received("71").get(0).fields()).containsExactly("71", "2", "7", "");

    conn.nextValidId(42);
    assertThat(connection.awaitReady(Duration.ofMillis(300))).isFalse();
    assertThat(connection.state()).isEqualTo(ConnectionState.CONNECTING);

    conn.managedAccounts("DU1234567,DU7654321,");
    assertThat(connection.awaitReady(WAIT)).isTrue();
    assertThat(connection.accounts()).containsExactly("DU1234567", "DU7654321");
    assertThat(connection.nextOrderId()).isEqualTo(42);
    assertThat(connection.nextOrderId()).isEqualTo(43);
  }

  @Test
  void refusesAServerThatOffersAnotherVersionAndSaysWhy() throws Exception {
    tws.serverVersion = 176;
    connect(null);
    await(() -> listener.reached(ConnectionState.RECONNECT_WAIT), WAIT, "refusal");
    assertThat(listener.reasonsFor(ConnectionState.RECONNECT_WAIT))
        .contains("offered protocol version 176")
        .contains("only version 178");
    assertThat(listener.reached(ConnectionState.READY)).isFalse();
    assertThat(tws.connection(0).received("71")).isEmpty();
  }

  @Test
  void aGatewayWithoutTheConfiguredAccountIsRefusedForGood() throws Exception {
    connect("U9999999");
    assertThatThrownBy(() -> connection.awaitReady(WAIT))
        .isInstanceOf(IbConnectionException.class)
        .hasMessageContaining("U9999999")
        .hasMessageContaining("DU1234567");
    assertThat(connection.state()).isEqualTo(ConnectionState.CLOSED);
    Thread.sleep(400); // longer than the backoff: no second attempt may follow
    assertThat(tws.connections).hasSize(1);
  }

  @Test
  void aMalformedFrameIsSkippedAndTheNextOneDecodes() throws Exception {
    connect(null);
    assertThat(connection.awaitReady(WAIT)).isTrue();
    FakeTws.Conn conn = tws.connection(0);
    conn.send("1", "6", "1000000000", "1", "not-a-price", "100", "0");
    conn.send("49", "1", "1795000123");
    await(() -> listener.messages.contains(new CurrentTime(1795000123L)), WAIT, "the next frame");
    assertThat(connection.malformedFrames()).isEqualTo(1);
    assertThat(listener.malformed).singleElement().asString().startsWith("3100360031303030");
    assertThat(connection.state()).isEqualTo(ConnectionState.READY);
  }

  @Test
  void aCorruptLengthPrefixDropsTheConnectionAndReconnects() throws Exception {
    connect(null);
    assertThat(connection.awaitReady(WAIT)).isTrue();
    tws.connection(0).sendRaw(new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 2, 3});
    FakeTws.Conn second = tws.connection(1);
    await(() -> !second.received("71").isEmpty(), WAIT, "startApi on the new connection");
    assertThat(connection.awaitReady(WAIT)).isTrue();
    assertThat(connection.reconnects()).isEqualTo(1);
    assertThat(listener.reasonsFor(ConnectionState.RECONNECT_WAIT))
        .contains("length prefix 2147483647");
  }

  @Test
  void heartbeatProbesAnIdleConnectionAndDetectsASilentOne() throws Exception {
    connect(null);
    assertThat(connection.awaitReady(WAIT)).isTrue();
    FakeTws.Conn first = tws.connection(0);
    Thread.sleep(900); // several heartbeat intervals with nothing to say
    assertThat(first.received("49")).isNotEmpty();
    assertThat(tws.connections).hasSize(1);

    tws.answerCurrentTime = false; // the gateway hangs: socket open, nothing comes back
    long silentFrom = System.nanoTime();
    await(() -> listener.reached(ConnectionState.RECONNECT_WAIT), WAIT, "dead connection");
    long detectedMillis = (System.nanoTime() - silentFrom) / 1_000_000;
    assertThat(detectedMillis).isLessThan(2_000); // silence limit 500 ms + one heartbeat tick
    assertThat(listener.reasonsFor(ConnectionState.RECONNECT_WAIT)).contains("nothing received");
    tws.connection(1);
  }

  @Test
  void clientIdInUseBacksOffAndOpensTheCircuitAfterRepeatedFailures() throws Exception {
    tws.refuseWithError = 326;
    connect(null);
    await(() -> listener.reached(ConnectionState.CIRCUIT_OPEN), WAIT, "open circuit");
    assertThat(listener.reasonsFor(ConnectionState.RECONNECT_WAIT)).contains("in use (326)");
    assertThat(listener.reasonsFor(ConnectionState.CIRCUIT_OPEN)).contains("3 failed attempts");
    int attempts = tws.connections.size();
    assertThat(attempts).isEqualTo(3);

    tws.refuseWithError = 0; // the other process let go: the trial attempt after cool-down succeeds
    assertThat(connection.awaitReady(WAIT)).isTrue();
    assertThat(tws.connections).hasSize(4);
  }

  @Test
  void restoredWithDataLostResubscribesAndDataKeptDoesNot() throws Exception {
    connect(null);
    assertThat(connection.awaitReady(WAIT)).isTrue();
    connection.subscribe("account", w -> Requests.reqAccountUpdates(w, true, FakeTws.ACCOUNT));
    connection.subscribe("positions", Requests::reqPositions);
    FakeTws.Conn conn = tws.connection(0);
    await(() -> conn.received("61").size() == 1, WAIT, "reqPositions");
    byte[] accountFrame = conn.received("6").get(0).payload();

    conn.error(-1, 1100, "Connectivity between IB and TWS has been lost.");
    await(() -> connection.state() == ConnectionState.GATEWAY_DISCONNECTED, WAIT, "1100");
    conn.error(-1, 1101, "Connectivity restored - data lost.");
    await(() -> conn.received("61").size() == 2, WAIT, "resubscription");
    assertThat(conn.received("6")).hasSize(2);
    assertThat(conn.received("6").get(1).payload()).isEqualTo(accountFrame);
    assertThat(listener.resubscribed).hasValue(2);
    assertThat(connection.state()).isEqualTo(ConnectionState.READY);

    conn.error(-1, 1100, "Connectivity between IB and TWS has been lost.");
    conn.error(-1, 1102, "Connectivity restored - data maintained.");
    await(() -> connection.state() == ConnectionState.READY, WAIT, "1102");
    connection.send(w -> Requests.reqIds(w, 1)); // a marker: everything before it has arrived
    await(() -> !conn.received("8").isEmpty(), WAIT, "marker");
    assertThat(conn.received("61")).hasSize(2);
    assertThat(listener.resubscribed).hasValue(2);
  }

  @Test
  void aDroppedSocketReconnectsAndReplaysEverySubscription() throws Exception {
    connect(null);
    assertThat(connection.awaitReady(WAIT)).isTrue();
    connection.subscribe("positions", Requests::reqPositions);
    await(() -> tws.connection(0).received("61").size() == 1, WAIT, "reqPositions");
    connection.unsubscribe("gone", Requests::cancelPositions);

    tws.firstOrderId = 500;
    tws.connection(0).close();
    FakeTws.Conn second = tws.connection(1);
    await(() -> second.received("61").size() == 1, WAIT, "replayed reqPositions");
    assertThat(connection.awaitReady(WAIT)).isTrue();
    assertThat(connection.nextOrderId()).isEqualTo(500);
    assertThat(listener.reasonsFor(ConnectionState.RECONNECT_WAIT)).contains("closed");
  }

  @Test
  void requestsAreRefusedWhileNotReadyRatherThanQueued() throws Exception {
    tws.sendHello = false;
    connect(null);
    await(() -> connection.state() == ConnectionState.CONNECTING, WAIT, "connecting");
    assertThatThrownBy(() -> connection.send(Requests::reqCurrentTime))
        .isInstanceOf(IbNotReadyException.class)
        .hasMessageContaining("state CONNECTING")
        .hasMessageContaining("client 7");
    assertThatThrownBy(() -> connection.nextOrderId()).isInstanceOf(IbNotReadyException.class);
  }

  @Test
  void aBurstLeavesNoFasterThanTheLimitInAnyOneSecondWindow() throws Exception {
    connect(null);
    assertThat(connection.awaitReady(WAIT)).isTrue();
    FakeTws.Conn conn = tws.connection(0);
    int burst = 120;
    for (int i = 0; i < burst; i++) {
      connection.send(w -> Requests.reqIds(w, 1));
    }
    await(
        () -> conn.received("8").size() == burst,
        Duration.ofSeconds(10),
        "the burst (" + conn.received("8").size() + " so far)");
    List<Long> times = conn.received.stream().map(FakeTws.Received::nanos).sorted().toList();
    for (int i = 0; i < times.size(); i++) {
      long windowStart = times.get(i);
      long windowEnd = windowStart + 1_000_000_000L;
      long inWindow = times.stream().filter(t -> t >= windowStart && t < windowEnd).count();
      assertThat(inWindow).as("messages in the second after message %d", i).isLessThanOrEqualTo(50);
    }
    // smoothed, not clumped: 120 messages at 50/s take at least 2.3 s end to end
    assertThat(times.get(times.size() - 1) - times.get(times.size() - burst))
        .isGreaterThan(2_300_000_000L);
  }

  @Test
  void closeStopsEveryThread() throws Exception {
    connect(null);
    assertThat(connection.awaitReady(WAIT)).isTrue();
    assertThat(threadsOfClient7()).isNotEmpty();
    connection.close();
    await(() -> threadsOfClient7().isEmpty(), WAIT, "threads to end: " + threadsOfClient7());
    assertThat(connection.state()).isEqualTo(ConnectionState.CLOSED);
  }

  private static List<String> threadsOfClient7() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> n.startsWith("ib-") && n.endsWith("-client7"))
        .toList();
  }
}
