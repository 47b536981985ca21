package dev.thetaflow.sinks.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.thetaflow.core.alert.Severity;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Against a real HTTP server on loopback. */
@Timeout(30)
class WebhookNotifierTest {

  static final Notification N =
      new Notification(
          Instant.parse("2026-01-05T14:30:00Z"),
          Severity.CRITICAL,
          "STOP_LOSS",
          "ic-1",
          "decisions",
          "loss 2.1x credit \"SPY\"\nclose now");

  private HttpServer server;
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final List<String> contentTypes = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  private volatile String reply = "ok";
  private volatile long delayMillis;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/services/T0/B0/secret",
        exchange -> {
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
          if (delayMillis > 0) {
            try {
              Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          byte[] out = reply.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
          exchange.getResponseBody().write(out);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  URI uri() {
    return URI.create(
        "http://127.0.0.1:" + server.getAddress().getPort() + "/services/T0/B0/secret");
  }

  @Test
  void postsASlackCompatibleJsonBodyWithTheStructuredFields() throws IOException {
    new WebhookNotifier(uri(), Duration.ofSeconds(5)).send(N);
    assertThat(bodies)
        .containsExactly(
            "{\"text\":\"CRITICAL STOP_LOSS ic-1: loss 2.1x credit \\\"SPY\\\"\\nclose now\","
                + "\"severity\":\"CRITICAL\",\"code\":\"STOP_LOSS\",\"strategyId\":\"ic-1\","
                + "\"source\":\"decisions\",\"time\":\"2026-01-05T14:30:00Z\"}");
    assertThat(contentTypes).containsExactly("application/json; charset=utf-8");
  }

  @Test
  void noStrategyIsJsonNull() {
    Notification n =
        new Notification(N.time(), Severity.WARNING, "CONNECTION_LOST", null, "ib", "down\u0001");
    assertThat(WebhookNotifier.body(n))
        .contains("\"text\":\"WARNING CONNECTION_LOST: down\\u0001\"")
        .contains("\"strategyId\":null");
  }

  @Test
  void serverErrorFailsNamingStatusAndTheStartOfTheReplyButNotTheSecretPath() {
    status = 500;
    reply = "x".repeat(150) + "y".repeat(150);
    WebhookNotifier notifier = new WebhookNotifier(uri(), Duration.ofSeconds(5));
    assertThatThrownBy(() -> notifier.send(N))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "webhook 127.0.0.1:"
                + server.getAddress().getPort()
                + ": POST of STOP_LOSS answered HTTP 500: "
                + "x".repeat(150)
                + "y".repeat(50)
                + "…")
        .message()
        .doesNotContain("secret");
    assertThat(bodies).hasSize(1);
  }

  @Test
  void redirectIsAFailureNotFollowed() {
    status = 302;
    reply = "";
    assertThatThrownBy(() -> new WebhookNotifier(uri(), Duration.ofSeconds(5)).send(N))
        .hasMessageContaining("answered HTTP 302");
  }

  @Test
  void slowServerTimesOut() {
    delayMillis = 2_000;
    long start = System.nanoTime();
    assertThatThrownBy(() -> new WebhookNotifier(uri(), Duration.ofMillis(300)).send(N))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("POST of STOP_LOSS failed")
        .hasCauseInstanceOf(HttpTimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_500));
  }

  @Test
  void nobodyListeningFails() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    WebhookNotifier notifier =
        new WebhookNotifier(URI.create("http://127.0.0.1:" + port + "/x"), Duration.ofSeconds(2));
    assertThatThrownBy(() -> notifier.send(N))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("webhook 127.0.0.1:" + port + ": POST of STOP_LOSS failed");
  }
}
