package dev.thetaflow.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tradectl sim --scenario FILE --strategies FILE}: both files are checked before anything
 * starts, each mistake named by file, field and value; a short run ends with the decisions by rule.
 */
class SimScenarioCommandTest {
  private static final String CONDOR =
      """
      - strategy_id: ic-1
        underlying: SPY
        strategy_type: iron_condor
        quantity: 1
        legs:
          - {right: put, ratio: 1, dte: 30, delta: -0.08}
          - {right: put, ratio: -1, dte: 30, delta: -0.16}
          - {right: call, ratio: -1, dte: 30, delta: 0.16}
          - {right: call, ratio: 1, dte: 30, delta: 0.08}
      """;

  @TempDir Path dir;

  @BeforeEach
  void home() {
    System.setProperty(Home.PROPERTY, Path.of("..").toAbsolutePath().normalize().toString());
  }

  @AfterEach
  void noHome() {
    System.clearProperty(Home.PROPERTY);
  }

  @Test
  void aScenarioNeedsItsStrategies() {
    String[] run = CliRun.tradectl("sim", "--data", dir.toString(), "--scenario", "calm");
    assertThat(run[0]).isEqualTo("2");
    assertThat(run[2]).contains("--scenario needs --strategies FILE");
  }

  @Test
  void aStrategyMistakeNamesTheFileTheEntryTheFieldAndTheValue() throws Exception {
    Path strategies = dir.resolve("bad.yaml");
    Files.writeString(strategies, CONDOR.replace("quantity: 1", "quantity: 0"));
    String[] run =
        CliRun.tradectl(
            "sim",
            "--data",
            dir.toString(),
            "--scenario",
            "calm",
            "--strategies",
            strategies.toString());
    assertThat(run[0]).isEqualTo("2");
    assertThat(run[2]).contains(strategies.toString(), "strategies[0].quantity: 0", "[1, 10000]");
  }

  @Test
  void aDuplicateIdAndANonListAreRefused() {
    String twice = CONDOR + CONDOR.replace("delta: -0.08", "delta: -0.07");
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () -> ScenarioFiles.strategies(twice, "two.yaml")))
        .hasMessageContaining("two.yaml")
        .hasMessageContaining("strategies[1].strategy_id: \"ic-1\" is listed twice");
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () -> ScenarioFiles.strategies("{\"strategy_id\": \"x\"}", "one.json")))
        .hasMessageContaining("one.json: expected a non-empty list of strategy specs");
    // JSON is read as well as YAML, and a wrapping {strategies: [...]} is accepted
    assertThat(
            ScenarioFiles.strategies(
                "{\"strategies\": [{\"strategy_id\": \"pv-1\", \"underlying\": \"SPY\","
                    + " \"strategy_type\": \"put_vertical\", \"quantity\": 1, \"legs\": ["
                    + "{\"right\": \"put\", \"ratio\": -1, \"dte\": 30, \"delta\": -0.2},"
                    + "{\"right\": \"put\", \"ratio\": 1, \"dte\": 30, \"delta\": -0.1}]}]}",
                "pv.json"))
        .singleElement()
        .satisfies(s -> assertThat(s.strategyId()).isEqualTo("pv-1"));
  }

  @Test
  void aScenarioMistakeNamesTheFileTheFieldAndTheValue() throws Exception {
    Path strategies = dir.resolve("condor.yaml");
    Files.writeString(strategies, CONDOR);
    Path scenario = dir.resolve("bad-scenario.yaml");
    Files.writeString(scenario, "events:\n  - at: 5s\n    underlying: SPY\n    gap: -80%\n");
    String[] run =
        CliRun.tradectl(
            "sim",
            "--data",
            dir.toString(),
            "--scenario",
            scenario.toString(),
            "--strategies",
            strategies.toString());
    assertThat(run[0]).isEqualTo("2");
    assertThat(run[2]).contains(scenario.toString(), "events[0].gap", "-80%");

    String[] unknown =
        CliRun.tradectl(
            "sim",
            "--data",
            dir.toString(),
            "--scenario",
            "stormy",
            "--strategies",
            strategies.toString());
    assertThat(unknown[0]).isEqualTo("2");
    assertThat(unknown[2]).contains("stormy", "bundled: calm, crash-and-disconnect");
  }

  @Test
  void aRunOpensTheStrategiesAndEndsWithTheDecisionsByRule() throws Exception {
    Path strategies = dir.resolve("condor.yaml");
    Files.writeString(strategies, CONDOR);
    String[] run =
        CliRun.tradectl(
            "sim",
            "--data",
            dir.resolve("data").toString(),
            "--scenario",
            "calm",
            "--strategies",
            strategies.toString(),
            "--speed",
            "10",
            "--duration",
            "45s");
    assertThat(run[0]).as(run[2]).isEqualTo("0");
    assertThat(run[1])
        .contains("scenario calm", "ic-1 -> OPEN", "summary: 1 strategies", "decisions by rule:");
  }
}
