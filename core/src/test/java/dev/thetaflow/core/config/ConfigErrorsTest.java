package dev.thetaflow.core.config;

import static dev.thetaflow.core.config.ConfigFixtures.PAPER;
import static dev.thetaflow.core.config.ConfigFixtures.RISK;
import static dev.thetaflow.core.config.ConfigFixtures.SIM;
import static dev.thetaflow.core.config.ConfigFixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every kind of mistake names the key, the value, where it came from and what was expected. */
class ConfigErrorsTest {

  private static ConfigProblem only(List<ConfigProblem> problems) {
    assertThat(problems).hasSize(1);
    return problems.get(0);
  }

  @Test
  void fixturesAreValid() {
    assertThat(ConfigLoader.parse(SIM, "test.yaml", Map.of(), false).mode()).isEqualTo(Mode.SIM);
    assertThat(ConfigLoader.parse(PAPER, "test.yaml", Map.of(), false).mode())
        .isEqualTo(Mode.PAPER);
  }

  @Test
  void defaultsApplyToKeysNotSet() {
    ThetaflowConfig c = ConfigLoader.parse(SIM, "test.yaml", Map.of(), false);
    assertThat(c.ib().host()).isEqualTo("127.0.0.1");
    assertThat(c.ib().connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.ib().heartbeatInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.ib().reconnectBackoff())
        .isEqualTo(new BackoffConfig(Duration.ofSeconds(1), Duration.ofMinutes(1)));
    assertThat(c.ib().marketDataType()).isEqualTo(MarketDataType.REALTIME);
    assertThat(c.storage().root()).isEqualTo("data/");
    assertThat(c.flink().checkpointInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.flink().parallelism()).isEqualTo(1);
    assertThat(c.flink().savepointDir()).isEmpty();
    assertThat(c.flink().stateBackend()).isEqualTo(StateBackend.HASHMAP);
    assertThat(c.sim().orElseThrow()).isEqualTo(new SimConfig(7600, 42, 1.0));
    assertThat(c.dashboard().port()).isEqualTo(8080);
  }

  @Test
  void outOfRangeNamesKeyValueSourceAndRange() {
    ConfigProblem p =
        only(
            problems(
                SIM.replace(
                    "  port: 7600\nsim:", "  port: 7600\n  maxMessagesPerSecond: 51\nsim:")));
    assertThat(p.message())
        .isEqualTo(
            "ib.maxMessagesPerSecond = 51 (test.yaml line 4): expected an integer from 1 to 50");
  }

  @Test
  void unknownKeySuggestsTheClosestKnownKey() {
    ConfigProblem p = only(problems(SIM + "dashboard:\n  prot: 9000\n"));
    assertThat(p.key()).isEqualTo("dashboard.prot");
    assertThat(p.value()).isEqualTo("9000");
    assertThat(p.source()).isEqualTo("test.yaml line 14");
    assertThat(p.expected()).startsWith("unknown key; did you mean dashboard.port?");
  }

  @Test
  void unknownTopLevelKeyListsTheKnownOnes() {
    ConfigProblem p = only(problems(SIM + "colour: blue\n"));
    assertThat(p.key()).isEqualTo("colour");
    assertThat(p.value()).isEqualTo("\"blue\"");
    assertThat(p.expected())
        .contains("unknown key")
        .contains("mode, account, ib, storage, flink, risk, analytics, sim, dashboard");
  }

  @Test
  void keyAtTheWrongLevelPointsToWhereItBelongs() {
    ConfigProblem p = only(problems(PAPER + "parallelism: 4\n"));
    assertThat(p.key()).isEqualTo("parallelism");
    assertThat(p.expected()).startsWith("unknown key; did you mean flink.parallelism?");
  }

  @Test
  void dottedKeyIsExplained() {
    ConfigProblem p = only(problems(PAPER + "dashboard.port: 9000\n"));
    assertThat(p.key()).isEqualTo("dashboard.port");
    assertThat(p.expected()).contains("nested, one level per line");
  }

  @Test
  void unknownKeyThatLooksLikeACredentialSaysCredentialsDoNotBelongHere() {
    ConfigProblem p =
        only(problems(SIM.replace("  port: 7600\nsim:", "  port: 7600\n  password: x\nsim:")));
    assertThat(p.key()).isEqualTo("ib.password");
    assertThat(p.expected()).contains("credentials never belong in configuration");
  }

  @Test
  void wrongTypeSaysWhatItGot() {
    List<ConfigProblem> ps = problems(PAPER.replace("port: 4002", "port: \"4002\""));
    ConfigProblem p = only(ps);
    assertThat(p.key()).isEqualTo("ib.port");
    assertThat(p.value()).isEqualTo("\"4002\"");
    assertThat(p.expected())
        .isEqualTo("expected an integer from 1 to 65535, got text (remove the quotes)");

    p = only(problems(PAPER + "flink:\n  parallelism: 2.5\n"));
    assertThat(p.key()).isEqualTo("flink.parallelism");
    assertThat(p.expected()).contains("got a decimal number");

    p = only(problems(PAPER + "storage: data/\n"));
    assertThat(p.key()).isEqualTo("storage");
    assertThat(p.expected()).startsWith("expected a section of keys");

    p = only(problems(PAPER + "dashboard:\n  port: [1, 2]\n"));
    assertThat(p.key()).isEqualTo("dashboard.port");
    assertThat(p.value()).isEqualTo("(a list)");
    assertThat(p.expected()).contains("got a list");
  }

  @Test
  void missingRequiredKeySaysWhereItLookedAndHowToSetIt() {
    String yaml = PAPER.replace("  maxLossPerDay: 1000\n", "");
    ConfigProblem p = only(problems(yaml));
    assertThat(p.key()).isEqualTo("risk.maxLossPerDay");
    assertThat(p.value()).isEqualTo(ConfigProblem.NOT_SET);
    assertThat(p.source()).isEqualTo("searched test.yaml, environment");
    assertThat(p.expected())
        .contains("greater than 0 and up to 1000000000")
        .contains("THETAFLOW__RISK__MAX_LOSS_PER_DAY");
  }

  @Test
  void missingModeIsReported() {
    ConfigProblem p = only(problems(PAPER.replace("mode: paper\n", "")));
    assertThat(p.key()).isEqualTo("mode");
    assertThat(p.expected()).contains("one of sim, paper, live");
  }

  @Test
  void emptyValueMeansNotSet() {
    ThetaflowConfig c =
        ConfigLoader.parse(
            PAPER + "storage:\n  root: ~\nflink:\n  savepointDir:\n", "t", Map.of(), false);
    assertThat(c.storage().root()).isEqualTo("data/");
    assertThat(c.flink().savepointDir()).isEmpty();
  }

  @Test
  void badDurationExplainsTheFormat() {
    List<ConfigProblem> ps =
        problems(
            PAPER.replace(
                "  port: 4002\n",
                "  port: 4002\n  connectTimeout: 5\n  heartbeatInterval: 5 sec\n"));
    assertThat(ps).hasSize(2);
    assertThat(ps.get(0).key()).isEqualTo("ib.connectTimeout");
    assertThat(ps.get(0).value()).isEqualTo("5");
    assertThat(ps.get(0).expected()).contains("a bare number has no unit, write e.g. 5s or 5ms");
    assertThat(ps.get(1).key()).isEqualTo("ib.heartbeatInterval");
    assertThat(ps.get(1).value()).isEqualTo("\"5 sec\"");
    assertThat(ps.get(1).expected()).contains("expected a duration").contains("write 5s");
  }

  @Test
  void durationOutOfRangeNamesTheRange() {
    ConfigProblem p = only(problems(PAPER + "flink:\n  checkpointInterval: 2h\n"));
    assertThat(p.message())
        .isEqualTo(
            "flink.checkpointInterval = \"2h\" (test.yaml line 12):"
                + " expected a duration from 100ms to 1h");
  }

  @Test
  void badEnumValueListsChoicesAndSuggests() {
    ConfigProblem p =
        only(
            problems(
                PAPER.replace("  port: 4002\n", "  port: 4002\n  marketDataType: real-time\n")));
    assertThat(p.key()).isEqualTo("ib.marketDataType");
    assertThat(p.value()).isEqualTo("\"real-time\"");
    assertThat(p.expected())
        .isEqualTo(
            "expected one of realtime, frozen, delayed, delayed-frozen (did you mean realtime?)");

    p = only(problems(PAPER.replace("mode: paper", "mode: Paper")));
    assertThat(p.key()).isEqualTo("mode");
    assertThat(p.expected()).contains("did you mean paper?");
  }

  @Test
  void crossFieldRulesNameTheKeyAndTheOtherValue() {
    ConfigProblem p =
        only(
            problems(
                PAPER.replace(
                    "  port: 4002\n", "  port: 4002\n  clientId: 7\n  orderClientId: 7\n")));
    assertThat(p.key()).isEqualTo("ib.orderClientId");
    assertThat(p.value()).isEqualTo("7");
    assertThat(p.source()).isEqualTo("test.yaml line 5");
    assertThat(p.expected()).contains("different from ib.clientId (7)");

    p =
        only(
            problems(
                PAPER.replace(
                    "  port: 4002\n",
                    "  port: 4002\n  reconnectBackoff:\n    initial: 10s\n    max: 5s\n")));
    assertThat(p.key()).isEqualTo("ib.reconnectBackoff.max");
    assertThat(p.value()).isEqualTo("\"5s\"");
    assertThat(p.expected()).contains("at least the initial backoff (10s)");
  }

  @Test
  void hostWithSpacesIsRejected() {
    ConfigProblem p =
        only(problems(PAPER.replace("  port: 4002\n", "  port: 4002\n  host: my gateway\n")));
    assertThat(p.key()).isEqualTo("ib.host");
    assertThat(p.value()).isEqualTo("\"my gateway\"");
    assertThat(p.expected()).contains("a host name or IP address");
  }

  @Test
  void malformedAccountIdIsRejected() {
    ConfigProblem p = only(problems(PAPER + "account: du1234567\n"));
    assertThat(p.key()).isEqualTo("account");
    assertThat(p.value()).isEqualTo("\"du1234567\"");
    assertThat(p.expected()).contains("capital letters then digits");
  }

  @Test
  void simSectionOutsideSimModeIsRejected() {
    ConfigProblem p = only(problems(PAPER + "sim:\n  seed: 1\n"));
    assertThat(p.key()).isEqualTo("sim");
    assertThat(p.expected()).contains("no sim section in mode paper");
  }

  @Test
  void duplicateKeyNamesBothLines() {
    ConfigProblem p =
        only(problems(PAPER.replace("  port: 4002\n", "  port: 4002\n  port: 4002\n")));
    assertThat(p.key()).isEqualTo("ib.port");
    assertThat(p.source()).isEqualTo("test.yaml line 4");
    assertThat(p.expected()).contains("already set at test.yaml line 3");
  }

  @Test
  void invalidYamlNamesTheLineAndStopsThere() {
    ConfigProblem p = only(problems("mode: paper\nib:\n  port: 4002\n   bad: [\n"));
    assertThat(p.key()).isEmpty();
    assertThat(p.source()).startsWith("test.yaml line ");
    assertThat(p.expected()).startsWith("expected valid YAML");
  }

  @Test
  void topLevelMustBeAMapping() {
    ConfigProblem p = only(problems("- mode\n- paper\n"));
    assertThat(p.expected()).contains("a mapping of keys").contains("got a list");
  }

  @Test
  void everyProblemIsCollectedAndListedOnePerLine() {
    String yaml =
        """
        mode: paper
        account: U7654321
        ib:
          port: 70000
          connectTimeout: fast
          hots: gateway
        flink:
          stateBackend: rocks
        """
            + RISK.replace("maxContractsPerOrder: 10", "maxContractsPerOrder: 0");
    ConfigException e =
        (ConfigException)
            org.assertj.core.api.Assertions.catchThrowable(
                () -> ConfigLoader.parse(yaml, "test.yaml", Map.of(), false));

    assertThat(e.problems())
        .extracting(ConfigProblem::key)
        .containsExactly(
            "ib.port",
            "ib.connectTimeout",
            "ib.hots",
            "flink.stateBackend",
            "risk.maxContractsPerOrder",
            "account");
    assertThat(e.getMessage().lines())
        .hasSize(7)
        .first()
        .isEqualTo("thetaflow configuration has 6 problems:");
    assertThat(e.getMessage().lines().skip(1)).allMatch(l -> l.startsWith("  - "));
  }

  @Test
  void leadingZeroIntegersAreRejectedBecauseYamlReadsThemAsOctal() {
    ConfigProblem p =
        only(problems(PAPER.replace("  port: 4002\n", "  port: 4002\n  clientId: 010\n")));
    assertThat(p.key()).isEqualTo("ib.clientId");
    assertThat(p.value()).isEqualTo("010");
    assertThat(p.expected()).contains("plain decimal digits (YAML reads 010 as 8)");
  }

  @Test
  void yamlAliasesAreRejectedInsteadOfBecomingTheAnchorName() {
    ConfigProblem p =
        only(
            problems(
                PAPER.replace(
                    "  port: 4002\n", "  port: 4002\n  clientId: &c 5\n  orderClientId: *c\n")));
    assertThat(p.key()).isEqualTo("ib.orderClientId");
    assertThat(p.value()).isEqualTo("*c");
    assertThat(p.expected()).contains("aliases are not supported");
  }

  @Test
  void malformedLiveAccountIsReportedOnceNotAlsoAsMissing() {
    List<ConfigProblem> ps =
        problems(ConfigFixtures.LIVE.replace("U1234567", "U-123"), Map.of(), true);
    assertThat(ps).extracting(ConfigProblem::key).containsExactly("account");
    assertThat(ps.get(0).expected()).contains("capital letters then digits");
  }

  @Test
  void crossFieldRuleBrokenByADefaultSaysSo() {
    ConfigProblem p =
        only(problems(PAPER.replace("  port: 4002\n", "  port: 4002\n  clientId: 2\n")));
    assertThat(p.message())
        .startsWith(
            "ib.orderClientId = 2 (default): expected a client id different from ib.clientId (2)");
  }

  @Test
  void exceptionNeedsAProblem() {
    assertThatThrownBy(() -> new ConfigException(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
