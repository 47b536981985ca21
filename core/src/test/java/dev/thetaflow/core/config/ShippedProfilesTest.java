package dev.thetaflow.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The profiles in the repository's {@code conf/} load, and live stays locked without its keys. */
class ShippedProfilesTest {

  /** Surefire runs in the module directory, core/. */
  private static final Path CONF = Path.of("..", "conf");

  @Test
  void simProfileLoadsAndConnectsToTheSimulator() {
    ThetaflowConfig c = ConfigLoader.load(CONF, "sim", Map.of(), false);

    assertThat(c.mode()).isEqualTo(Mode.SIM);
    assertThat(c.account()).isEmpty();
    assertThat(c.sim()).isPresent();
    assertThat(c.ib().port()).isEqualTo(c.sim().orElseThrow().port());
    assertThat(c.sim().orElseThrow().seed()).isEqualTo(42L);
    // Values from base.yaml come through.
    assertThat(c.ib().host()).isEqualTo("127.0.0.1");
    assertThat(c.ib().clientId()).isEqualTo(1);
    assertThat(c.ib().orderClientId()).isEqualTo(2);
    assertThat(c.ib().reconnectBackoff().max()).isEqualTo(Duration.ofMinutes(1));
    assertThat(c.ib().maxMessagesPerSecond()).isEqualTo(40);
    assertThat(c.storage().root()).isEqualTo("data/");
    assertThat(c.risk().maxLossPerDay()).isEqualTo(1000.0);
    assertThat(c.dashboard().port()).isEqualTo(8080);
  }

  @Test
  void paperProfileLoadsOnTheGatewayPaperPort() {
    ThetaflowConfig c = ConfigLoader.load(CONF, "paper", Map.of(), false);

    assertThat(c.mode()).isEqualTo(Mode.PAPER);
    assertThat(c.ib().port()).isEqualTo(4002);
    assertThat(c.sim()).isEmpty();
  }

  @Test
  void paperProfileTakesAPaperAccountFromTheEnvironment() {
    ThetaflowConfig c =
        ConfigLoader.load(CONF, "paper", Map.of("THETAFLOW__ACCOUNT", "DU1234567"), false);

    assertThat(c.account()).contains("DU1234567");
  }

  @Test
  void liveProfileLoadsOnlyWithConfirmationAndAnAccountFromTheEnvironment() {
    ThetaflowConfig c =
        ConfigLoader.load(CONF, "live", Map.of("THETAFLOW__ACCOUNT", "U1234567"), true);

    assertThat(c.mode()).isEqualTo(Mode.LIVE);
    assertThat(c.account()).contains("U1234567");
    assertThat(c.ib().port()).isEqualTo(4001);
    assertThat(c.flink().stateBackend()).isEqualTo(StateBackend.ROCKSDB);
    assertThat(c.risk().maxLossPerDay()).isEqualTo(500.0);
    // Not overridden by live.yaml, so base.yaml's value stays.
    assertThat(c.risk().maxPortfolioDeltaPer100k()).isEqualTo(50.0);
  }

  @Test
  void liveProfileAsShippedRefusesToStart() {
    assertThatThrownBy(() -> ConfigLoader.load(CONF, "live", Map.of(), false))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ConfigProblem::key)
                    .containsExactlyInAnyOrder("mode", "account"));
    assertThatThrownBy(() -> ConfigLoader.load(CONF, "live", Map.of(), true))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems()).extracting(ConfigProblem::key).containsExactly("account"));
    assertThatThrownBy(
            () -> ConfigLoader.load(CONF, "live", Map.of("THETAFLOW__ACCOUNT", "U1234567"), false))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> assertThat(e.problems()).extracting(ConfigProblem::key).containsExactly("mode"));
  }

  @Test
  void shippedFilesHoldNoAccountAndNoCredentials() throws IOException {
    for (String name : List.of("base.yaml", "sim.yaml", "paper.yaml", "live.yaml")) {
      String text = Files.readString(CONF.resolve(name));
      List<ConfigProblem> problems = new ArrayList<>();
      ConfigNode.Mapping tree = YamlTree.read(text, name, problems);
      assertThat(problems).as(name).isEmpty();
      assertThat(tree.entries()).as(name).doesNotContainKey("account");
      assertThat(text.toLowerCase(java.util.Locale.ROOT))
          .as(name)
          .doesNotContainPattern("(password|passwd|secret|token|apikey)\\s*:");
    }
  }

  @Test
  void localOverrideFilesAreGitIgnored() throws IOException {
    assertThat(Files.readAllLines(CONF.resolve("..").resolve(".gitignore")))
        .contains("conf/*.local.yaml");
  }

  @Test
  void readmeDocumentsEveryKey() throws IOException {
    String readme = Files.readString(CONF.resolve("README.md"));
    assertThat(ConfigLoader.knownKeys()).hasSizeGreaterThan(20);
    for (String key : ConfigLoader.knownKeys()) {
      assertThat(readme).as("conf/README.md documents " + key).contains("`" + key + "`");
    }
    assertThat(readme).contains(ConfigLoader.LIVE_CONFIRMATION_FLAG);
  }
}
