package dev.thetaflow.core.config;

import static dev.thetaflow.core.config.ConfigFixtures.LIVE;
import static dev.thetaflow.core.config.ConfigFixtures.PAPER;
import static dev.thetaflow.core.config.ConfigFixtures.SIM;
import static dev.thetaflow.core.config.ConfigFixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LiveSafetyTest {

  private static List<ConfigProblem> check(
      Mode mode, String account, Integer ibPort, Integer simPort, boolean confirmed) {
    return LiveSafety.check(
        mode, Optional.ofNullable(account), ibPort, simPort, confirmed, key -> "src(" + key + ")");
  }

  // ---- the rules, value by value ----------------------------------------------------------------

  @Test
  void confirmedLiveWithLiveAccountAndLivePortIsSafe() {
    assertThat(check(Mode.LIVE, "U1234567", 4001, null, true)).isEmpty();
    assertThat(check(Mode.LIVE, "U1234567", 7496, null, true)).isEmpty();
    assertThat(check(Mode.LIVE, "F1234567", 4001, null, true)).isEmpty();
  }

  @Test
  void liveNeedsTheCommandLineFlag() {
    List<ConfigProblem> ps = check(Mode.LIVE, "U1234567", 4001, null, false);
    assertThat(ps).hasSize(1);
    assertThat(ps.get(0).message())
        .isEqualTo(
            "mode = live (src(mode)): expected the command-line flag --i-understand-this-is-live"
                + " as well: mode live trades real money and never starts from configuration alone");
  }

  @Test
  void liveNeedsAnAccount() {
    List<ConfigProblem> ps = check(Mode.LIVE, null, 4001, null, true);
    assertThat(ps).hasSize(1);
    ConfigProblem p = ps.get(0);
    assertThat(p.key()).isEqualTo("account");
    assertThat(p.value()).isEqualTo(ConfigProblem.NOT_SET);
    assertThat(p.source()).isEqualTo("src(account)");
    assertThat(p.expected()).contains("live account id").contains("THETAFLOW__ACCOUNT");
  }

  @ParameterizedTest
  @CsvSource({"DU1234567", "DF1234567"})
  void liveRefusesPaperAccounts(String account) {
    List<ConfigProblem> ps = check(Mode.LIVE, account, 4001, null, true);
    assertThat(ps).hasSize(1);
    assertThat(ps.get(0).key()).isEqualTo("account");
    assertThat(ps.get(0).value()).isEqualTo("\"" + account + "\"");
    assertThat(ps.get(0).expected())
        .contains("a live account id in mode live")
        .contains("paper-trading");
  }

  @ParameterizedTest
  @CsvSource({"PAPER, U1234567", "PAPER, F1234567", "SIM, U1234567"})
  void paperAndSimRefuseLiveAccounts(Mode mode, String account) {
    Integer port = mode == Mode.SIM ? 7600 : 4002;
    List<ConfigProblem> ps = check(mode, account, port, mode == Mode.SIM ? 7600 : null, false);
    assertThat(ps).hasSize(1);
    assertThat(ps.get(0).key()).isEqualTo("account");
    assertThat(ps.get(0).expected())
        .contains("a paper account id starting with D")
        .contains("mode " + mode.configName())
        .contains("looks like a live account");
  }

  @ParameterizedTest
  @CsvSource({"7497, TWS paper-trading port", "4002, IB Gateway paper-trading port"})
  void liveRefusesPaperPorts(int port, String what) {
    List<ConfigProblem> ps = check(Mode.LIVE, "U1234567", port, null, true);
    assertThat(ps).hasSize(1);
    assertThat(ps.get(0).message())
        .isEqualTo(
            "ib.port = "
                + port
                + " (src(ib.port)): expected a live API port in mode live (TWS 7496, IB Gateway"
                + " 4001): "
                + port
                + " is the "
                + what);
  }

  @ParameterizedTest
  @CsvSource({
    "PAPER, 7496, TWS live-trading port",
    "PAPER, 4001, IB Gateway live-trading port",
    "SIM, 4001, IB Gateway live-trading port"
  })
  void paperAndSimRefuseLivePorts(Mode mode, int port, String what) {
    List<ConfigProblem> ps = check(mode, null, port, mode == Mode.SIM ? 7600 : null, false);
    assertThat(ps).hasSize(1);
    ConfigProblem p = ps.get(0);
    assertThat(p.key()).isEqualTo("ib.port");
    assertThat(p.value()).isEqualTo(Integer.toString(port));
    assertThat(p.expected())
        .contains("mode " + mode.configName())
        .contains(port + " is the " + what);
  }

  @Test
  void paperAcceptsPaperPortsAndNonStandardPorts() {
    assertThat(check(Mode.PAPER, "DU1234567", 4002, null, false)).isEmpty();
    assertThat(check(Mode.PAPER, null, 7497, null, false)).isEmpty();
    assertThat(check(Mode.PAPER, null, 4003, null, false)).isEmpty();
    assertThat(check(Mode.LIVE, "U1234567", 4003, null, true)).isEmpty();
  }

  @Test
  void simMustConnectToTheSimulator() {
    assertThat(check(Mode.SIM, null, 7600, 7600, false)).isEmpty();
    assertThat(check(Mode.SIM, "DU1234567", 7600, 7600, false)).isEmpty();

    List<ConfigProblem> ps = check(Mode.SIM, null, 4002, 7600, false);
    assertThat(ps).hasSize(1);
    assertThat(ps.get(0).key()).isEqualTo("ib.port");
    assertThat(ps.get(0).expected()).contains("the ib-sim port sim.port (7600)");

    ps = check(Mode.SIM, null, 4002, 4002, false);
    assertThat(ps).hasSize(1);
    assertThat(ps.get(0).key()).isEqualTo("sim.port");
    assertThat(ps.get(0).expected()).contains("4002 is the IB Gateway paper-trading port");
  }

  @Test
  void confirmationIsNotNeededOutsideLive() {
    assertThat(check(Mode.PAPER, null, 4002, null, true)).isEmpty();
  }

  @Test
  void everyBrokenRuleIsReported() {
    assertThat(check(Mode.LIVE, "DU1234567", 7497, null, false))
        .extracting(ConfigProblem::key)
        .containsExactly("mode", "account", "ib.port");
  }

  @Test
  void unknownModeOrPortSkipsTheRulesThatNeedThem() {
    assertThat(check(null, "U1234567", 4001, null, false)).isEmpty();
    assertThat(check(Mode.LIVE, "U1234567", null, null, true)).isEmpty();
  }

  @Test
  void publicCheckWorksOnABuiltConfig() {
    ThetaflowConfig c = ConfigLoader.parse(LIVE, "t.yaml", Map.of(), true);
    assertThat(LiveSafety.check(c, true)).isEmpty();
    assertThat(LiveSafety.check(c, false)).extracting(ConfigProblem::key).containsExactly("mode");
  }

  // ---- the same rules through the loader, with real sources
  // ----------------------------------------

  @Test
  void loaderRefusesLiveWithoutConfirmationNamingTheFile() {
    List<ConfigProblem> ps = problems(LIVE, Map.of(), false);
    assertThat(ps).hasSize(1);
    assertThat(ps.get(0).message())
        .startsWith("mode = live (test.yaml line 1): expected the command-line flag")
        .contains(ConfigLoader.LIVE_CONFIRMATION_FLAG);
  }

  @Test
  void loaderRefusesLiveWithoutAccount() {
    List<ConfigProblem> ps = problems(LIVE.replace("account: U1234567\n", ""), Map.of(), true);
    assertThat(ps).hasSize(1);
    assertThat(ps.get(0).message())
        .startsWith(
            "account = (not set) (searched test.yaml, environment): expected the IB live account id");
  }

  @Test
  void loaderRefusesAPaperAccountFromTheEnvironmentInLive() {
    List<ConfigProblem> ps =
        problems(
            LIVE.replace("account: U1234567\n", ""),
            Map.of("THETAFLOW__ACCOUNT", "DU1234567"),
            true);
    assertThat(ps).hasSize(1);
    assertThat(ps.get(0).message())
        .startsWith(
            "account = \"DU1234567\" (environment variable THETAFLOW__ACCOUNT): expected a live"
                + " account id in mode live");
  }

  @Test
  void loaderRefusesAPaperPortInLive() {
    List<ConfigProblem> ps = problems(LIVE.replace("port: 4001", "port: 7497"), Map.of(), true);
    assertThat(ps).hasSize(1);
    assertThat(ps.get(0).message())
        .isEqualTo(
            "ib.port = 7497 (test.yaml line 4): expected a live API port in mode live"
                + " (TWS 7496, IB Gateway 4001): 7497 is the TWS paper-trading port");
  }

  @Test
  void loaderRefusesALivePortInPaperEvenFromTheEnvironment() {
    List<ConfigProblem> ps = problems(PAPER, Map.of("THETAFLOW__IB__PORT", "4001"), false);
    assertThat(ps).hasSize(1);
    assertThat(ps.get(0).message())
        .isEqualTo(
            "ib.port = 4001 (environment variable THETAFLOW__IB__PORT): expected a port that does"
                + " not trade real money in mode paper: 4001 is the IB Gateway live-trading port"
                + " (paper: TWS 7497, IB Gateway 4002)");
  }

  @Test
  void loaderAppliesSafetyRulesEvenWhenAnotherSectionIsBroken() {
    List<ConfigProblem> ps =
        problems(
            LIVE.replace("port: 4001", "port: 4002") + "flink:\n  parallelism: 0\n",
            Map.of(),
            false);
    assertThat(ps)
        .extracting(ConfigProblem::key)
        .containsExactly("flink.parallelism", "mode", "ib.port");
  }

  @Test
  void loaderRefusesASimulationPointedAtAGateway() {
    List<ConfigProblem> ps =
        problems(SIM.replaceFirst("port: 7600", "port: 4002"), Map.of(), false);
    assertThat(ps).extracting(ConfigProblem::key).containsExactly("ib.port");
  }
}
