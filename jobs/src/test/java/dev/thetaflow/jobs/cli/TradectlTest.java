package dev.thetaflow.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
  void simRunsTheJobAgainstTheSimulatorAndSummarisesTheStrategies(@TempDir Path data)
      throws Exception {
    Path spec = data.resolve("pv.json");
    java.nio.file.Files.writeString(
        spec,
        "{\"strategy_id\":\"pv-9\",\"underlying\":\"SPY\",\"strategy_type\":\"put_vertical\","
            + "\"quantity\":1,\"legs\":[{\"right\":\"put\",\"ratio\":-1,\"dte\":30,\"strike\":570},"
            + "{\"right\":\"put\",\"ratio\":1,\"dte\":30,\"strike\":560}]}");
    assertThat(
            run(
                "command",
                "--data",
                data.toString(),
                "--id",
                "o-9",
                "open",
                "--spec",
                spec.toString())[0])
        .isEqualTo("0");
    // sim reads the sim profile (its risk limits) from the checkout's conf/, as ./tradectl does
    String[] r;
    System.setProperty(Home.PROPERTY, Path.of("..").toAbsolutePath().normalize().toString());
    try {
      r = run("sim", "--data", data.toString(), "--duration", "12s", "--replay-commands");
    } finally {
      System.clearProperty(Home.PROPERTY);
    }
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1]).contains("ib-sim on 127.0.0.1:").contains("pv-9 -> OPEN");
    assertThat(r[1]).contains("summary: 1 strategies").contains("open at the end: 1");
  }

  @Test
  void unknownSubcommandIsAUsageError() {
    String[] r = run("frobnicate");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("frobnicate");
  }
}
