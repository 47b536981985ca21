package dev.thetaflow.sinks.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.thetaflow.core.alert.Alert;
import dev.thetaflow.core.alert.Severity;
import dev.thetaflow.core.config.NotificationsConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sink in a job, from configuration to a webhook on loopback that is down at first. */
@Timeout(60)
class NotificationSinkTest {

  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(1)
              .build());

  static final Instant T0 = Instant.parse("2026-01-05T14:30:00Z");

  private HttpServer server;
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final AtomicInteger failFirst = new AtomicInteger(2);

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          // The first two posts meet an outage: the sink must retry, not fail the job.
          int status = failFirst.getAndDecrement() > 0 ? 503 : 200;
          if (status == 200) {
            bodies.add(body);
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void filtersDedupsLimitsAndSummarisesThroughARealWebhook() throws Exception {
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    NotificationsConfig config =
        new NotificationsConfig(
            Severity.WARNING,
            Duration.ofMinutes(10),
            3,
            Optional.of(new NotificationsConfig.Webhook(url)),
            Optional.empty());
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      alerts.add(alert(i, Severity.INFO, "NEAR_TRIGGER", "ic-" + i)); // below the floor
      alerts.add(alert(i, Severity.WARNING, "STOP_LOSS", "ic-1")); // the same one 4 times
    }
    for (int i = 0; i < 5; i++) {
      alerts.add(alert(10 + i, Severity.CRITICAL, "CATASTROPHE", "ic-" + i)); // 5 distinct
    }

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    env.fromData(alerts)
        .sinkTo(
            new NotificationSink(
                config.minSeverity(),
                config.dedupWindow(),
                config.maxPerMinute(),
                ConfiguredChannels.of(config),
                new Retry(4, Duration.ofMillis(20), Duration.ofMillis(100)),
                Duration.ofSeconds(5),
                Duration.ofMillis(50),
                Duration.ofSeconds(20),
                100,
                // One fixed minute, so the limit does not depend on when the test runs.
                Clock.fixed(T0, ZoneOffset.UTC)));
    long begin = System.nanoTime();
    env.execute("notifications");
    System.out.printf(
        "notification job: %d alerts -> %d posts in %d ms%n",
        alerts.size(), bodies.size(), (System.nanoTime() - begin) / 1_000_000);

    // STOP_LOSS once, then the first two CATASTROPHEs fill the limit of 3; three are summarised.
    assertThat(bodies).hasSize(4);
    assertThat(bodies.get(0))
        .contains("\"code\":\"STOP_LOSS\"")
        .contains("\"strategyId\":\"ic-1\"");
    assertThat(bodies.get(1)).contains("\"code\":\"CATASTROPHE\"").contains("\"ic-0\"");
    assertThat(bodies.get(2)).contains("\"code\":\"CATASTROPHE\"").contains("\"ic-1\"");
    assertThat(bodies.get(3))
        .contains("\"code\":\"ALERTS_SUPPRESSED\"")
        .contains("\"severity\":\"CRITICAL\"")
        .contains("3 alerts suppressed between 14:30 and 14:31 UTC (limit 3 per minute)");
  }

  static Alert alert(int i, Severity s, String code, String strategy) {
    return new Alert(
        code + "-" + i, T0.plusSeconds(i), s, "decisions", code, code + " #" + i, strategy);
  }
}
