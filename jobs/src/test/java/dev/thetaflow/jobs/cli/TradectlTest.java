package dev.thetaflow.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TradectlTest {

  private static String[] run(String... args) {
    return CliRun.tradectl(args);
  }

  @Test
  void helpListsEverySubcommand() {
    String[] r = run("--help");
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).contains("greeks", "sim", "ib-sim", "help");
  }

  @Test
  void ibSimRefusesBadArgumentsAndBadScenariosBeforeListening() throws Exception {
    String[] speed = run("ib-sim", "--speed", "0", "--port", "7999");
    assertThat(speed[0]).isEqualTo("2");
    assertThat(speed[2]).contains("--speed must be in (0, 10000], was 0.0");

    java.nio.file.Path bad = java.nio.file.Files.createTempFile("scenario", ".yaml");
    java.nio.file.Files.writeString(bad, "faults:\n  - at: 1m\n    kind: stall_data\n");
    String[] scenario = run("ib-sim", "--port", "7999", "--scenario", bad.toString());
    assertThat(scenario[0]).isEqualTo("2");
    assertThat(scenario[2]).contains("faults[0].duration: missing");
  }

  @Test
  void simSaysItIsNotBuiltYet() {
    String[] r = run("sim");
    assertThat(r[0]).isEqualTo(String.valueOf(SimCommand.NOT_BUILT));
    assertThat(r[2]).contains("not built yet");
  }

  @Test
  void unknownSubcommandIsAUsageError() {
    String[] r = run("frobnicate");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("frobnicate");
  }
}
