package dev.thetaflow.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The rules that stop a configuration mistake from trading real money, or from sending simulated
 * orders to a real account:
 *
 * <ul>
 *   <li>mode {@code live} needs the command-line confirmation {@value
 *       ConfigLoader#LIVE_CONFIRMATION_FLAG} and an account id;
 *   <li>live mode refuses a paper account id (starting with D) and IB's paper ports (TWS 7497,
 *       Gateway 4002); paper and sim modes refuse a live account id and IB's live ports (TWS 7496,
 *       Gateway 4001);
 *   <li>sim mode connects to ib-sim only: {@code ib.port} must equal {@code sim.port}, and {@code
 *       sim.port} must not be one of IB's standard ports.
 * </ul>
 *
 * <p>A later check at connect time must still compare the configured account with the one the
 * gateway reports; this class only sees configuration.
 */
public final class LiveSafety {

  private LiveSafety() {}

  /** Every rule broken by {@code config}; empty if it is safe to start. */
  public static List<ConfigProblem> check(ThetaflowConfig config, boolean liveConfirmed) {
    return check(
        config.mode(),
        config.account(),
        config.ib().port(),
        config.sim().map(SimConfig::port).orElse(null),
        liveConfirmed,
        key -> "configuration");
  }

  /**
   * The same rules on individual values, so that the loader can apply them even when an unrelated
   * section failed to bind. A null mode, account or port is unknown (it failed its own checks,
   * which already reported it), and the rules that need it are skipped.
   *
   * @param sourceOf where a key's value came from, for the messages
   */
  static List<ConfigProblem> check(
      Mode mode,
      Optional<String> account,
      Integer ibPort,
      Integer simPort,
      boolean liveConfirmed,
      UnaryOperator<String> sourceOf) {
    List<ConfigProblem> problems = new ArrayList<>();
    if (mode == null) {
      return problems;
    }
    String modeName = mode.configName();
    if (mode == Mode.LIVE && !liveConfirmed) {
      problems.add(
          new ConfigProblem(
              "mode",
              modeName,
              sourceOf.apply("mode"),
              "expected the command-line flag "
                  + ConfigLoader.LIVE_CONFIRMATION_FLAG
                  + " as well: mode live trades real money and never starts from configuration"
                  + " alone"));
    }
    if (account != null) {
      checkAccount(mode, account, sourceOf, problems);
    }
    if (ibPort != null) {
      checkIbPort(mode, ibPort, simPort, sourceOf, problems);
    }
    if (mode == Mode.SIM && simPort != null && IbPorts.isStandard(simPort)) {
      problems.add(
          new ConfigProblem(
              "sim.port",
              simPort.toString(),
              sourceOf.apply("sim.port"),
              "expected a port that is not one of IB's standard API ports (7496, 7497, 4001,"
                  + " 4002): "
                  + simPort
                  + " is "
                  + IbPorts.describe(simPort).orElseThrow()
                  + ", and ib-sim must never be mistaken for a real gateway"));
    }
    return problems;
  }

  private static void checkAccount(
      Mode mode,
      Optional<String> account,
      UnaryOperator<String> sourceOf,
      List<ConfigProblem> problems) {
    if (account.isEmpty()) {
      if (mode == Mode.LIVE) {
        problems.add(
            new ConfigProblem(
                "account",
                ConfigProblem.NOT_SET,
                sourceOf.apply("account"),
                "expected the IB live account id (e.g. U1234567): mode live requires it; set"
                    + " THETAFLOW__ACCOUNT or 'account:' in the git-ignored live.local.yaml"));
      }
      return;
    }
    String id = account.get();
    boolean paperId = AccountIds.looksLikePaper(id);
    if (mode == Mode.LIVE && paperId) {
      problems.add(
          new ConfigProblem(
              "account",
              ConfigNode.Scalar.quote(id),
              sourceOf.apply("account"),
              "expected a live account id in mode live (e.g. U1234567): ids starting with D"
                  + " (DU..., DF...) are IB paper-trading accounts"));
    } else if (mode != Mode.LIVE && !paperId) {
      problems.add(
          new ConfigProblem(
              "account",
              ConfigNode.Scalar.quote(id),
              sourceOf.apply("account"),
              "expected a paper account id starting with D (e.g. DU1234567) in mode "
                  + mode.configName()
                  + ": "
                  + id
                  + " looks like a live account, which trades real money"));
    }
  }

  private static void checkIbPort(
      Mode mode,
      int ibPort,
      Integer simPort,
      UnaryOperator<String> sourceOf,
      List<ConfigProblem> problems) {
    String modeName = mode.configName();
    if (mode == Mode.LIVE && IbPorts.isPaper(ibPort)) {
      problems.add(
          new ConfigProblem(
              "ib.port",
              Integer.toString(ibPort),
              sourceOf.apply("ib.port"),
              "expected a live API port in mode live (TWS 7496, IB Gateway 4001): "
                  + ibPort
                  + " is "
                  + IbPorts.describe(ibPort).orElseThrow()));
    } else if (mode != Mode.LIVE && IbPorts.isLive(ibPort)) {
      problems.add(
          new ConfigProblem(
              "ib.port",
              Integer.toString(ibPort),
              sourceOf.apply("ib.port"),
              "expected a port that does not trade real money in mode "
                  + modeName
                  + ": "
                  + ibPort
                  + " is "
                  + IbPorts.describe(ibPort).orElseThrow()
                  + (mode == Mode.PAPER
                      ? " (paper: TWS 7497, IB Gateway 4002)"
                      : " (use the ib-sim port, sim.port)")));
    } else if (mode == Mode.SIM && simPort != null && ibPort != simPort) {
      problems.add(
          new ConfigProblem(
              "ib.port",
              Integer.toString(ibPort),
              sourceOf.apply("ib.port"),
              "expected the ib-sim port sim.port ("
                  + simPort
                  + ") in mode sim, so that a simulation never connects to a real IB gateway"));
    }
  }
}
