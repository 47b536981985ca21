package dev.thetaflow.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merging base, profile, local file and environment, and naming the right file in errors. */
class ConfigLoaderFilesTest {

  @TempDir Path conf;

  private void write(String name, String text) throws IOException {
    Files.writeString(conf.resolve(name), text);
  }

  private void writeStandardFiles() throws IOException {
    write("base.yaml", ConfigFixtures.RISK + "ib:\n  host: gw.local\n  clientId: 5\n");
    write("paper.yaml", "mode: paper\nib:\n  port: 4002\n");
    write("live.yaml", "mode: live\nib:\n  port: 4001\nrisk:\n  maxLossPerDay: 300\n");
  }

  @Test
  void laterSourcesOverrideEarlierOnesKeyByKey() throws IOException {
    writeStandardFiles();
    write("live.local.yaml", "account: U1234567\nib:\n  clientId: 9\n");

    ThetaflowConfig c =
        ConfigLoader.load(conf, "live", Map.of("THETAFLOW__IB__ORDER_CLIENT_ID", "10"), true);

    assertThat(c.ib().host()).isEqualTo("gw.local"); // base
    assertThat(c.ib().port()).isEqualTo(4001); // profile
    assertThat(c.risk().maxLossPerDay()).isEqualTo(300.0); // profile over base
    assertThat(c.risk().maxOpenStrategies()).isEqualTo(10); // base, sibling of an override
    assertThat(c.account()).contains("U1234567"); // local
    assertThat(c.ib().clientId()).isEqualTo(9); // local over base
    assertThat(c.ib().orderClientId()).isEqualTo(10); // environment
  }

  @Test
  void environmentOverridesTheLocalFile() throws IOException {
    writeStandardFiles();
    write("paper.local.yaml", "account: DU1111111\n");
    ThetaflowConfig c =
        ConfigLoader.load(conf, "paper", Map.of("THETAFLOW__ACCOUNT", "DU2222222"), false);
    assertThat(c.account()).contains("DU2222222");
  }

  @Test
  void errorsNameTheFileTheValueCameFrom() throws IOException {
    writeStandardFiles();
    write("paper.local.yaml", "ib:\n  clientId: -1\n");
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> ConfigLoader.load(conf, "paper", Map.of(), false));
    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).message())
        .isEqualTo(
            "ib.clientId = -1 ("
                + conf.resolve("paper.local.yaml")
                + " line 2): expected an integer >= 0");
  }

  @Test
  void missingKeySaysEverySourceSearched() throws IOException {
    writeStandardFiles();
    write("paper.yaml", "mode: paper\n");
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> ConfigLoader.load(conf, "paper", Map.of(), false));
    assertThat(e.problems().get(0).message())
        .startsWith(
            "ib.port = (not set) (searched "
                + conf.resolve("base.yaml")
                + ", "
                + conf.resolve("paper.yaml")
                + ", environment): expected an integer from 1 to 65535");
  }

  @Test
  void profileNamedAfterAModeMustRunInThatMode() throws IOException {
    writeStandardFiles();
    write("paper.local.yaml", "mode: live\n");
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> ConfigLoader.load(conf, "paper", Map.of(), true));
    assertThat(e.problems()).extracting(ConfigProblem::key).contains("mode");
    assertThat(e.problems().get(0).message())
        .startsWith(
            "mode = live (" + conf.resolve("paper.local.yaml") + " line 1): expected paper");
  }

  @Test
  void otherProfilesMayChooseTheirMode() throws IOException {
    writeStandardFiles();
    write("paper-tws.yaml", "mode: paper\nib:\n  port: 7497\n");
    assertThat(ConfigLoader.load(conf, "paper-tws", Map.of(), false).ib().port()).isEqualTo(7497);
  }

  @Test
  void unknownProfileListsTheAvailableOnes() throws IOException {
    writeStandardFiles();
    write("paper.local.yaml", "account: DU1111111\n");
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> ConfigLoader.load(conf, "papr", Map.of(), false));
    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).expected())
        .contains("available profiles: live, paper")
        .contains("did you mean paper?");
  }

  @Test
  void profileNameCannotEscapeTheDirectory() throws IOException {
    writeStandardFiles();
    for (String bad : new String[] {"../paper", "base", "Paper", ""}) {
      ConfigException e =
          catchThrowableOfType(
              ConfigException.class, () -> ConfigLoader.load(conf, bad, Map.of(), false));
      assertThat(e.problems().get(0).expected()).as(bad).contains("a profile name");
    }
  }

  @Test
  void invalidYamlInOneFileNamesThatFileAndLine() throws IOException {
    writeStandardFiles();
    write("paper.local.yaml", "ib:\n  clientId: 3\n  bad: [1,\n");
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> ConfigLoader.load(conf, "paper", Map.of(), false));
    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).source())
        .startsWith(conf.resolve("paper.local.yaml") + " line ");
  }
}
