package dev.thetaflow.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ConfigCommandTest {

  /** The shipped profiles, found from the jobs module's working directory. */
  private static final Path CONF = Path.of("..", "conf");

  private static String[] run(Map<String, String> env, String... args) {
    return CliRun.run(new CommandLine(new ConfigCommand(env)), args);
  }

  @Test
  void shippedPaperProfileIsValid() {
    String[] r = run(Map.of(), "--conf", CONF.toString(), "--profile", "paper");
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).contains("profile paper is valid", "PAPER");
  }

  @Test
  void liveRefusesWithoutConfirmationAndAccount() {
    String[] r = run(Map.of(), "--conf", CONF.toString(), "--profile", "live");
    assertThat(r[0]).isEqualTo(String.valueOf(ConfigCommand.INVALID));
    assertThat(r[2]).contains("--i-understand-this-is-live").contains("account");
  }

  @Test
  void liveWithAccountAndConfirmationIsValid() {
    String[] r =
        run(
            Map.of("THETAFLOW__ACCOUNT", "U1234567"),
            "--conf",
            CONF.toString(),
            "--profile",
            "live",
            "--i-understand-this-is-live");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
  }

  @Test
  void environmentOverrideOfAPaperPortInLiveIsRefusedNamingTheKey() {
    String[] r =
        run(
            Map.of("THETAFLOW__ACCOUNT", "U1234567", "THETAFLOW__IB__PORT", "7497"),
            "--conf",
            CONF.toString(),
            "--profile",
            "live",
            "--i-understand-this-is-live");
    assertThat(r[0]).isEqualTo(String.valueOf(ConfigCommand.INVALID));
    assertThat(r[2]).contains("ib.port").contains("7497").contains("THETAFLOW__IB__PORT");
  }
}
