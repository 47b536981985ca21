package dev.thetaflow.jobs.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thetaflow.core.config.ConfigLoader;
import dev.thetaflow.core.config.Mode;
import dev.thetaflow.core.config.ThetaflowConfig;
import dev.thetaflow.ib.source.StreamedInstrument;
import dev.thetaflow.jobs.app.GatewayProbe.GatewayException;
import dev.thetaflow.jobs.topology.TradingTopology;
import dev.thetaflow.sinks.tail.StartingPosition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/** The configuration → job settings translation, and the account choice after the gateway check. */
class JobSettingsTest {

  private static ThetaflowConfig config(String extra) {
    return ConfigLoader.parse(
        "mode: paper\n"
            + "account: DU1234567\n"
            + "ib:\n  host: gw.local\n  port: 4002\n  clientId: 7\n  orderClientId: 9\n"
            + "storage:\n  root: lake/\n"
            + "flink:\n  checkpointInterval: 3s\n  parallelism: 2\n  stateBackend: rocksdb\n"
            + extra
            + "risk:\n  maxOpenStrategies: 5\n  maxLossPerDay: 500\n"
            + "  maxPortfolioDeltaPer100k: 50\n  maxContractsPerOrder: 5\n"
            + "analytics:\n  rate: 0.04\n  dividendYields:\n    SPY: 0.013\n",
        "test.yaml",
        Map.of(),
        false);
  }

  @Test
  void connectionsTakeTheConfiguredClientIdsAndTheLookupTheNextFreeOne() {
    ThetaflowConfig c = config("");
    TradingTopology.Settings s =
        JobSettings.topology(
            c,
            "DU1234567",
            "/data",
            JobSettings.instruments("SPY, IWM"),
            StartingPosition.latest(),
            "paper-1");
    assertThat(s.source().connection().clientId()).isEqualTo(7);
    assertThat(s.orders().clientId()).isEqualTo(9);
    assertThat(s.lookup().clientId()).isEqualTo(10);
    assertThat(List.of(s.source().connection(), s.orders(), s.lookup()))
        .allSatisfy(
            o -> {
              assertThat(o.host()).isEqualTo("gw.local");
              assertThat(o.port()).isEqualTo(4002);
              assertThat(o.expectedAccount()).isEqualTo("DU1234567");
            });
    assertThat(s.source().instruments())
        .containsExactly(StreamedInstrument.stock("SPY"), StreamedInstrument.stock("IWM"));
    assertThat(s.account()).isEqualTo("DU1234567");
    assertThat(s.lineage()).isEqualTo("paper-1");
    assertThat(s.strategies().market().rate()).isEqualTo(0.04);
    assertThat(s.strategies().market().dividendYield("SPY")).isEqualTo(0.013);
    assertThat(s.strategies().market().dividendYield("XYZ")).isZero();
  }

  @Test
  void aRelativeDataRootIsResolvedAndAUriIsKept() {
    Path base = Path.of("/srv/thetaflow");
    assertThat(JobSettings.dataRoot(config(""), null, base)).isEqualTo("/srv/thetaflow/lake");
    assertThat(JobSettings.dataRoot(config(""), "s3a://b/tf", base)).isEqualTo("s3a://b/tf");
  }

  @Test
  void flinkSettingsReachTheEnvironment() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    JobSettings.configure(env, config("").flink());
    assertThat(env.getCheckpointInterval()).isEqualTo(Duration.ofSeconds(3).toMillis());
    assertThat(env.getParallelism()).isEqualTo(2);
    assertThat(env.getConfiguration().get(StateBackendOptions.STATE_BACKEND)).isEqualTo("rocksdb");
    assertThat(env.getConfiguration().getOptional(CheckpointingOptions.SAVEPOINT_DIRECTORY))
        .isEmpty();
  }

  @Test
  void theAccountIsTheConfiguredOneOrTheGatewaysOnlyOne() throws Exception {
    assertThat(GatewayProbe.account(Mode.PAPER, Optional.empty(), List.of("DU1"))).isEqualTo("DU1");
    assertThat(GatewayProbe.account(Mode.PAPER, Optional.of("DU2"), List.of("DU1", "DU2")))
        .isEqualTo("DU2");
    assertThatThrownBy(() -> GatewayProbe.account(Mode.PAPER, Optional.of("DU3"), List.of("DU1")))
        .isInstanceOf(GatewayException.class)
        .hasMessageContaining("not the configured account DU3");
    assertThatThrownBy(
            () -> GatewayProbe.account(Mode.PAPER, Optional.empty(), List.of("DU1", "DU2")))
        .hasMessageContaining("several accounts");
    // a paper port logged into a live account must not trade from mode paper
    assertThatThrownBy(() -> GatewayProbe.account(Mode.PAPER, Optional.empty(), List.of("U123")))
        .hasMessageContaining("looks like a live account");
  }

  @Test
  void unknownJobArgumentsAreRefused() {
    assertThatThrownBy(() -> TradingJob.Args.parse("--profil", "paper"))
        .hasMessageContaining("unknown argument --profil");
    assertThatThrownBy(() -> TradingJob.Args.parse("--conf")).hasMessageContaining("needs a value");
    assertThat(TradingJob.Args.parse("--profile", "live", ConfigLoader.LIVE_CONFIRMATION_FLAG))
        .satisfies(a -> assertThat(a.liveConfirmed()).isTrue());
  }
}
