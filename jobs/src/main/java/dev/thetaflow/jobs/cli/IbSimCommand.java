package dev.thetaflow.jobs.cli;

import dev.thetaflow.sim.market.MarketSpec;
import dev.thetaflow.sim.market.SimMarket;
import dev.thetaflow.sim.scenario.Scenario;
import dev.thetaflow.sim.scenario.ScenarioException;
import dev.thetaflow.sim.scenario.ScenarioParser;
import dev.thetaflow.sim.server.IbSim;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tradectl ib-sim}: the simulated market and broker on a loopback port, until Ctrl-C. */
@Command(
    name = "ib-sim",
    mixinStandardHelpOptions = true,
    description =
        "Runs ib-sim, a market and broker that speaks the TWS API protocol (v178), on 127.0.0.1.")
final class IbSimCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--port", description = "Port to listen on (default ${DEFAULT-VALUE}).")
  int port = 7600;

  @Option(
      names = "--seed",
      description = "Random seed; a seed replays a run (default ${DEFAULT-VALUE}).")
  long seed = 42;

  @Option(
      names = "--speed",
      description = "Simulated seconds per real second, up to 10000 (default ${DEFAULT-VALUE}).")
  double speed = 1.0;

  @Option(
      names = "--start",
      description =
          "Simulated start instant (ISO-8601, e.g. 2026-11-24T14:30:00Z); default: the next"
              + " regular session open, so prices move at once.")
  Instant start;

  @Option(
      names = "--scenario",
      paramLabel = "FILE",
      description = "A scenario YAML file: market path events and faults at given times.")
  java.nio.file.Path scenarioFile;

  @Override
  public Integer call() throws Exception {
    if (port < 1 || port > 65_535) {
      throw new ParameterException(spec.commandLine(), "--port must be 1..65535, was " + port);
    }
    if (!(speed > 0) || speed > 10_000) {
      throw new ParameterException(
          spec.commandLine(), "--speed must be in (0, 10000], was " + speed);
    }
    Instant begin = start != null ? start : SimMarket.nextOpen(Instant.now());
    SimMarket market = SimMarket.create(MarketSpec.defaults(), seed, begin);
    Scenario scenario;
    try {
      scenario = scenarioFile == null ? Scenario.quiet() : ScenarioParser.parse(scenarioFile);
    } catch (ScenarioException | java.io.IOException e) {
      spec.commandLine().getErr().println("tradectl ib-sim: " + e.getMessage());
      return 2;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    try (IbSim sim = IbSim.start(IbSim.Options.defaults(port, speed, seed), market, scenario)) {
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "ib-sim listening on 127.0.0.1:%d  account %s  seed %d  speed %sx  simulated start %s%n",
          sim.port(), sim.account(), seed, speed, begin);
      out.println("Underlyings SPY, QQQ, IWM with option chains; VIX. Ctrl-C stops.");
      out.printf(
          "Scenario %s: %d market events, %d faults%n",
          scenario.name(), scenario.events().size(), scenario.faults().size());
      out.flush();
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
      stopped.await();
    }
    return 0;
  }
}
