package dev.thetaflow.sim.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaflow.sim.market.MarketSpec;
import dev.thetaflow.sim.market.SimMarket;
import dev.thetaflow.sim.scenario.Scenario;
import dev.thetaflow.sim.server.IbSim;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * ib-sim against an independent implementation of the protocol: @stoqey/ib 1.6.10 (TypeScript)
 * connects, reads contract details, streams an option's quotes and model ticks, sees positions, and
 * fills a single-option order and a four-leg combo, decoding every frame with nothing left over
 * (tools/conformance/sim-session.js).
 */
class StoqeyAgainstSimTest {
  private static final Path TOOLS =
      Path.of("..", "tools", "conformance").toAbsolutePath().normalize();

  @Test
  void stoqeyTradesAgainstIbSimAndDecodesEveryFrame() throws Exception {
    requireNode();
    SimMarket market =
        SimMarket.create(MarketSpec.defaults(), 42, Instant.parse("2026-11-24T14:30:00Z"));
    try (IbSim sim = IbSim.start(IbSim.Options.defaults(0, 1.0, 42), market, Scenario.quiet())) {
      Process node =
          new ProcessBuilder("node", "sim-session.js", String.valueOf(sim.port()))
              .directory(TOOLS.toFile())
              .redirectErrorStream(true)
              .start();
      boolean finished = node.waitFor(90, TimeUnit.SECONDS);
      String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!finished) {
        node.destroyForcibly();
      }
      assertThat(finished).as("node finished within 90 s; output:%n%s", output).isTrue();
      String json = output.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse("");
      assertThat(json).as("a JSON summary in:%n%s", output).isNotEmpty();
      JsonNode summary = new ObjectMapper().readTree(json);
      assertThat(summary.path("decodeProblems").size()).as(json).isZero();
      assertThat(summary.path("serverErrors").size()).as(json).isZero();
      assertThat(summary.path("ok").asBoolean()).as(json).isTrue();
      assertThat(summary.path("steps").toString())
          .contains("contract details", "quotes and model ticks", "positions")
          .contains("single-option fill", "four-leg combo fill", "completed orders");
      assertThat(summary.path("events").path("tickOptionComputation").asInt()).isPositive();
      assertThat(summary.path("events").path("execDetails").asInt()).isEqualTo(5);
      assertThat(summary.path("events").path("commissionReport").asInt()).isEqualTo(5);
      assertThat(node.exitValue()).isZero();
    }
  }

  /**
   * Node must be there (CI installs it); the pinned client is installed from package-lock.json on
   * first use, so the README's test command needs no extra step. A developer without node may opt
   * out explicitly with THETAFLOW_SKIP_NODE=1.
   */
  private static void requireNode() throws IOException, InterruptedException {
    boolean optedOut = "1".equals(System.getenv("THETAFLOW_SKIP_NODE"));
    boolean hasNode;
    try {
      hasNode = new ProcessBuilder("node", "--version").start().waitFor() == 0;
    } catch (IOException e) {
      hasNode = false;
    }
    Path client = TOOLS.resolve("node_modules/@stoqey/ib");
    if (hasNode && !Files.isDirectory(client)) {
      Process npm =
          new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
              .directory(TOOLS.toFile())
              .inheritIO()
              .start();
      if (!npm.waitFor(180, TimeUnit.SECONDS)) {
        npm.destroyForcibly();
      }
    }
    boolean installed = Files.isDirectory(client);
    if (optedOut) {
      Assumptions.assumeTrue(hasNode && installed, "THETAFLOW_SKIP_NODE=1 and node is missing");
    }
    assertThat(hasNode)
        .as("node is required for the conformance tests (apt-get install nodejs)")
        .isTrue();
    assertThat(installed)
        .as("@stoqey/ib is not installed: run `npm ci --prefix tools/conformance`")
        .isTrue();
  }
}
