package dev.thetaflow.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.command.Command;
import dev.thetaflow.core.command.CommandAction;
import dev.thetaflow.core.command.LegSpec;
import dev.thetaflow.core.command.StrategySpec;
import dev.thetaflow.core.strategy.StrategyType;
import dev.thetaflow.jobs.commands.CommandsTable;
import dev.thetaflow.jobs.testing.SimFixture;
import dev.thetaflow.sinks.delta.DeltaTables;
import dev.thetaflow.sinks.tables.Tables;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tradectl paper} against ib-sim standing in for the paper gateway (its port set in the
 * profile through --conf), and its refusals: a live port, another mode, no gateway.
 */
class PaperCommandTest {
  @TempDir Path dir;

  private static final String RISK =
      "risk:\n"
          + "  maxOpenStrategies: 5\n"
          + "  maxLossPerDay: 500\n"
          + "  maxPortfolioDeltaPer100k: 50\n"
          + "  maxContractsPerOrder: 5\n"
          + "analytics:\n"
          + "  rate: 0.04\n";

  private Path conf(String profile, String yaml) throws Exception {
    Path conf = Files.createDirectories(dir.resolve("conf"));
    Files.writeString(conf.resolve(profile + ".yaml"), yaml + RISK);
    return conf;
  }

  @Test
  void opensAStrategyByCommandAgainstTheConfiguredGateway() throws Exception {
    try (SimFixture sim = new SimFixture(20)) {
      // client ids 1 (master), 3 (orders), so the lookup takes 4
      Path conf =
          conf(
              "paper",
              "mode: paper\nib:\n  port: "
                  + sim.sim.port()
                  + "\n  clientId: 1\n  orderClientId: 3\nflink:\n  checkpointInterval: 500ms\n");
      Path data = dir.resolve("data");
      DeltaTables tables = DeltaTables.withDefaultEngine();
      Tables.createMissing(tables, data);
      CommandsTable.append(
          tables,
          data.toString(),
          new Command(
              "open-1",
              Instant.now(),
              "test",
              new CommandAction.OpenStrategy(putVertical("pv-1"))));

      String[] r =
          CliRun.tradectl(
              "paper",
              "--conf",
              conf.toString(),
              "--data",
              data.toString(),
              "--duration",
              "25s",
              "--replay-commands");

      assertThat(r[0]).as("exit; stderr %s", r[2]).isEqualTo("0");
      assertThat(r[1])
          .contains("gateway: connecting to 127.0.0.1:" + sim.sim.port())
          .contains("gateway: connected; trading in account " + sim.account)
          .contains("pv-1 -> OPEN")
          .contains("summary: 1 strategies")
          .containsPattern("pv-1 +OPEN ");
    }
  }

  @Test
  void refusesALivePortInThePaperProfile() throws Exception {
    Path conf = conf("paper", "mode: paper\nib:\n  port: 4001\n");
    String[] r = CliRun.tradectl("paper", "--conf", conf.toString(), "--duration", "5s");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("ib.port = 4001").contains("IB Gateway live-trading port");
    assertThat(r[1]).doesNotContain("gateway: connecting");
  }

  @Test
  void refusesAProfileThatIsNotPaper() throws Exception {
    Path conf = conf("sim", "mode: sim\nib:\n  port: 7600\nsim:\n  port: 7600\n");
    String[] r = CliRun.tradectl("paper", "--profile", "sim", "--conf", conf.toString());
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("profile sim is mode sim").contains("mode paper only");
  }

  @Test
  void aGatewayThatIsNotThereIsAnErrorWithinSeconds() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path conf = conf("paper", "mode: paper\nib:\n  port: " + port + "\n");
    long start = System.nanoTime();
    String[] r = CliRun.tradectl("paper", "--conf", conf.toString(), "--data", dir.toString());
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[2]).contains("nothing is listening at 127.0.0.1:" + port);
    assertThat(took).isLessThan(Duration.ofSeconds(10));
  }

  /** A SPY 570/560 put vertical of the 2026-12-18 expiry, entered at market. */
  private static StrategySpec putVertical(String id) {
    return new StrategySpec(
        id,
        "SPY",
        StrategyType.PUT_VERTICAL,
        1,
        List.of(put(-1, 570), put(1, 560)),
        OptionalDouble.empty());
  }

  private static LegSpec put(int ratio, double strike) {
    return new LegSpec(
        OptionType.PUT,
        ratio,
        LocalDate.of(2026, 12, 18),
        OptionalInt.empty(),
        OptionalDouble.of(strike),
        OptionalDouble.empty());
  }
}
