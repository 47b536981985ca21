package dev.thetaflow.core.config;

import static dev.thetaflow.core.config.ConfigFixtures.PAPER;
import static dev.thetaflow.core.config.ConfigFixtures.SIM;
import static dev.thetaflow.core.config.ConfigFixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvOverridesTest {

  @ParameterizedTest
  @CsvSource({
    "account, THETAFLOW__ACCOUNT",
    "ib.port, THETAFLOW__IB__PORT",
    "ib.orderClientId, THETAFLOW__IB__ORDER_CLIENT_ID",
    "ib.reconnectBackoff.max, THETAFLOW__IB__RECONNECT_BACKOFF__MAX",
    "risk.maxPortfolioDeltaPer100k, THETAFLOW__RISK__MAX_PORTFOLIO_DELTA_PER100K"
  })
  void namesMapBothWays(String path, String env) {
    assertThat(EnvOverrides.envName(path)).isEqualTo(env);
    assertThat(EnvOverrides.pathOf(env)).isEqualTo(path);
  }

  @Test
  void everyKnownKeyRoundTripsThroughItsVariableName() {
    for (String key : ConfigLoader.knownKeys()) {
      assertThat(EnvOverrides.pathOf(EnvOverrides.envName(key))).as(key).isEqualTo(key);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "THETAFLOW__",
    "THETAFLOW__IB____PORT",
    "THETAFLOW__ib__port",
    "THETAFLOW__IB__PORT_"
  })
  void malformedNamesHaveNoPath(String env) {
    assertThat(EnvOverrides.pathOf(env)).isNull();
  }

  @Test
  void overridesReplaceFileValuesAndAddNewOnes() {
    ThetaflowConfig c =
        ConfigLoader.parse(
            PAPER,
            "t.yaml",
            Map.of(
                "THETAFLOW__IB__PORT", "7497",
                "THETAFLOW__IB__RECONNECT_BACKOFF__MAX", "30s",
                "THETAFLOW__RISK__MAX_LOSS_PER_DAY", "250.5",
                "THETAFLOW__FLINK__STATE_BACKEND", "rocksdb",
                "THETAFLOW__STORAGE__ROOT", "s3a://bucket/thetaflow",
                "THETAFLOW__ACCOUNT", "DU7654321",
                "PATH", "/usr/bin",
                "THETAFLOW_HOME", "/opt/thetaflow"),
            false);
    assertThat(c.ib().port()).isEqualTo(7497);
    assertThat(c.ib().reconnectBackoff().max()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.risk().maxLossPerDay()).isEqualTo(250.5);
    assertThat(c.flink().stateBackend()).isEqualTo(StateBackend.ROCKSDB);
    assertThat(c.storage().root()).isEqualTo("s3a://bucket/thetaflow");
    assertThat(c.account()).contains("DU7654321");
  }

  @Test
  void overrideOfUnknownKeySuggestsTheVariableName() {
    List<ConfigProblem> ps = problems(PAPER, Map.of("THETAFLOW__IB__PROT", "4002"), false);
    assertThat(ps).hasSize(1);
    assertThat(ps.get(0).key()).isEqualTo("ib.prot");
    assertThat(ps.get(0).value()).isEqualTo("4002");
    assertThat(ps.get(0).source()).isEqualTo("environment variable THETAFLOW__IB__PROT");
    assertThat(ps.get(0).expected())
        .startsWith("unknown key; did you mean THETAFLOW__IB__PORT (ib.port)?");
  }

  @Test
  void overrideOfUnknownSectionIsReported() {
    List<ConfigProblem> ps = problems(PAPER, Map.of("THETAFLOW__BROKER__PORT", "1"), false);
    assertThat(ps).extracting(ConfigProblem::key).containsExactly("broker");
    assertThat(ps.get(0).source()).isEqualTo("environment variable THETAFLOW__BROKER__PORT");
    assertThat(ps.get(0).expected()).contains("unknown key");
  }

  @Test
  void overrideBelowAValueIsReported() {
    List<ConfigProblem> ps = problems(PAPER, Map.of("THETAFLOW__IB__PORT__NUMBER", "1"), false);
    assertThat(ps).hasSize(1);
    assertThat(ps.get(0).key()).isEqualTo("ib.port.number");
    assertThat(ps.get(0).expected()).contains("takes a single value");
  }

  @Test
  void overrideWithABadValuePassesTheSameChecksAsYaml() {
    List<ConfigProblem> ps =
        problems(
            PAPER,
            Map.of(
                "THETAFLOW__IB__PORT", "gateway",
                "THETAFLOW__IB__CONNECT_TIMEOUT", "10",
                "THETAFLOW__IB__MARKET_DATA_TYPE", "delayed_frozen",
                "THETAFLOW__IB__MAX_MESSAGES_PER_SECOND", "100"),
            false);
    assertThat(ps)
        .extracting(ConfigProblem::message)
        .containsExactly(
            "ib.port = \"gateway\" (environment variable THETAFLOW__IB__PORT):"
                + " expected an integer from 1 to 65535, got text",
            "ib.connectTimeout = 10 (environment variable THETAFLOW__IB__CONNECT_TIMEOUT): expected "
                + Durations.EXPECTED
                + "; a bare number has no unit, write e.g. 10s or 10ms",
            "ib.maxMessagesPerSecond = 100 (environment variable"
                + " THETAFLOW__IB__MAX_MESSAGES_PER_SECOND): expected an integer from 1 to 50",
            "ib.marketDataType = \"delayed_frozen\" (environment variable"
                + " THETAFLOW__IB__MARKET_DATA_TYPE): expected one of realtime, frozen, delayed,"
                + " delayed-frozen (did you mean delayed-frozen?)");
  }

  @Test
  void emptyOverrideIsAnError() {
    List<ConfigProblem> ps = problems(PAPER, Map.of("THETAFLOW__IB__HOST", ""), false);
    assertThat(ps).hasSize(1);
    assertThat(ps.get(0).key()).isEqualTo("ib.host");
    assertThat(ps.get(0).expected()).contains("unset THETAFLOW__IB__HOST");
  }

  @Test
  void modeCannotBeOverridden() {
    List<ConfigProblem> ps = problems(PAPER, Map.of("THETAFLOW__MODE", "live"), true);
    assertThat(ps).hasSize(1);
    assertThat(ps.get(0).message())
        .startsWith("mode = \"live\" (environment variable THETAFLOW__MODE): mode cannot be set");
  }

  @Test
  void malformedNameIsAnError() {
    List<ConfigProblem> ps = problems(PAPER, Map.of("THETAFLOW__ib__port", "4002"), false);
    assertThat(ps).hasSize(1);
    assertThat(ps.get(0).source()).isEqualTo("environment variable THETAFLOW__ib__port");
    assertThat(ps.get(0).expected()).contains("THETAFLOW__IB__PORT");
  }

  @Test
  void singleUnderscoreOverrideIsCaughtAndCorrected() {
    List<ConfigProblem> ps =
        problems(SIM, Map.of("THETAFLOW_IB_PORT", "4002", "THETAFLOW_HOME", "/opt"), false);
    assertThat(ps).hasSize(1);
    assertThat(ps.get(0).message())
        .isEqualTo(
            "environment variable THETAFLOW_IB_PORT: expected THETAFLOW__IB__PORT to override"
                + " ib.port (prefix THETAFLOW__ and '__' between levels); this variable is ignored");
  }

  @Test
  void valuesAreTypedLikePlainYamlScalars() {
    assertThat(EnvOverrides.scalar("42", "s").kind()).isEqualTo(ConfigNode.Kind.INTEGER);
    assertThat(EnvOverrides.scalar("-7", "s").kind()).isEqualTo(ConfigNode.Kind.INTEGER);
    assertThat(EnvOverrides.scalar("2.5", "s").kind()).isEqualTo(ConfigNode.Kind.DECIMAL);
    assertThat(EnvOverrides.scalar("1e3", "s").kind()).isEqualTo(ConfigNode.Kind.DECIMAL);
    assertThat(EnvOverrides.scalar("true", "s").kind()).isEqualTo(ConfigNode.Kind.BOOLEAN);
    assertThat(EnvOverrides.scalar("127.0.0.1", "s").kind()).isEqualTo(ConfigNode.Kind.STRING);
    assertThat(EnvOverrides.scalar("a #b: c", "s").text()).isEqualTo("a #b: c");
  }
}
