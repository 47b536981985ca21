package dev.thetaflow.jobs.cli;

import dev.thetaflow.core.command.StrategySpec;
import dev.thetaflow.core.config.ConfigException;
import dev.thetaflow.core.config.Durations;
import dev.thetaflow.ib.client.ConnectionOptions;
import dev.thetaflow.ib.source.IbSourceSettings;
import dev.thetaflow.ib.source.StreamedInstrument;
import dev.thetaflow.jobs.topology.DecisionSettings;
import dev.thetaflow.jobs.topology.StrategyOperator;
import dev.thetaflow.jobs.topology.StrategySnapshot;
import dev.thetaflow.jobs.topology.TradingTopology;
import dev.thetaflow.sim.market.MarketSpec;
import dev.thetaflow.sim.market.SimMarket;
import dev.thetaflow.sim.scenario.Scenario;
import dev.thetaflow.sim.server.IbSim;
import dev.thetaflow.sinks.delta.DeltaTables;
import dev.thetaflow.sinks.tables.Tables;
import dev.thetaflow.sinks.tail.StartingPosition;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tradectl sim}: ib-sim and the trading job on a local MiniCluster. Strategies are opened
 * and closed with {@code tradectl command} (same {@code --data}) while it runs; at the end it
 * prints what happened to each.
 */
@Command(
    name = "sim",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the trading job on a local MiniCluster against the built-in simulator.",
      "Open and close strategies meanwhile with ./tradectl command (same --data).",
      "With --scenario and --strategies: opens the listed strategies, plays the scenario once",
      "they are OPEN, and ends with the decisions by rule read from the decisions table."
    })
final class SimCommand implements Callable<Integer> {
  static final int FAILED = 1;

  @Spec CommandSpec spec;
  @Mixin DataRootOptions data;

  @Option(
      names = "--duration",
      defaultValue = "10m",
      description = "How long to run (default ${DEFAULT-VALUE}; 500ms, 30s, 5m, 1h).")
  String duration;

  @Option(names = "--seed", defaultValue = "42", description = "Market seed (default 42).")
  long seed;

  @Option(
      names = "--speed",
      defaultValue = "1.0",
      description = "Simulated time per real time (default ${DEFAULT-VALUE}).")
  double speed;

  @Option(
      names = "--scenario",
      paramLabel = "FILE",
      description =
          "An ib-sim scenario (YAML, or a bundled name: calm, crash-and-disconnect), timed from"
              + " when the --strategies are OPEN.")
  String scenarioFile;

  @Option(
      names = "--strategies",
      paramLabel = "FILE",
      description =
          "Strategies to open at start: a YAML or JSON list of specs as ./tradectl command open"
              + " --spec takes.")
  Path strategiesFile;

  @Option(
      names = "--replay-commands",
      description = "Act on the commands already in the table too (default: only new ones).")
  boolean replayCommands;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Duration runFor;
    String root;
    int maxContracts;
    DecisionSettings decisions;
    try {
      runFor = Durations.parse(duration);
      root = data.resolve();
      maxContracts = data.config().risk().maxContractsPerOrder();
      decisions = DecisionSettings.of(data.config().rules());
    } catch (IllegalArgumentException | ConfigException e) {
      spec.commandLine().getErr().println("tradectl sim: " + e.getMessage());
      return 2;
    }
    if (scenarioFile != null || strategiesFile != null) {
      return scenario(out, runFor, root, maxContracts, decisions);
    }
    DeltaTables tables = DeltaTables.withDefaultEngine();
    Tables.createMissing(tables, Path.of(root));
    MarketSpec marketSpec = MarketSpec.defaults();
    SimMarket market = SimMarket.create(marketSpec, seed, SimMarket.nextOpen(Instant.now()));
    try (IbSim sim =
        IbSim.start(IbSim.Options.defaults(0, speed, seed), market, Scenario.quiet())) {
      out.printf(
          "ib-sim on 127.0.0.1:%d, account %s; data %s; running %s%n",
          sim.port(), sim.account(), root, runFor);
      out.printf("open strategies with: ./tradectl command --data %s open --spec FILE%n", root);
      out.flush();
      TradingTopology.Settings settings =
          new TradingTopology.Settings(
              new IbSourceSettings(
                  ConnectionOptions.local(sim.port(), 1),
                  List.of(
                      StreamedInstrument.stock("SPY"),
                      StreamedInstrument.stock("QQQ"),
                      StreamedInstrument.vix()),
                  "America/New_York",
                  Duration.ofMinutes(10)),
              ConnectionOptions.local(sim.port(), 3),
              ConnectionOptions.local(sim.port(), 5),
              sim.account(),
              root,
              replayCommands ? StartingPosition.earliest() : StartingPosition.latest(),
              "sim-" + System.currentTimeMillis(), // every sim run starts fresh: a new lineage
              StrategyOperator.Settings.defaults(marketSpec.assumptions()),
              maxContracts,
              decisions);
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(1);
      env.enableCheckpointing(5_000);
      CloseableIterator<StrategySnapshot> snapshots =
          TradingTopology.build(env, settings).collectAsync();
      JobClient job = env.executeAsync("thetaflow sim");
      try (snapshots) {
        StrategyWatch.summary(StrategyWatch.follow(snapshots, runFor, out).values(), out);
      } finally {
        JobRuns.stop(job); // its sinks write into the data root until it ended
      }
      return 0;
    } catch (RuntimeException e) {
      spec.commandLine().getErr().println("tradectl sim: " + e.getMessage());
      return FAILED;
    }
  }

  /** {@code --scenario}/{@code --strategies}: both files checked before anything starts. */
  private int scenario(
      PrintWriter out, Duration runFor, String root, int maxContracts, DecisionSettings decisions)
      throws Exception {
    Scenario scenario;
    List<StrategySpec> strategies;
    try {
      if (strategiesFile == null) {
        throw new IllegalArgumentException(
            "--scenario needs --strategies FILE: the strategies the scenario acts on");
      }
      scenario = scenarioFile == null ? Scenario.quiet() : ScenarioFiles.scenario(scenarioFile);
      strategies = ScenarioFiles.strategies(strategiesFile);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("tradectl sim: " + e.getMessage());
      return 2;
    }
    ScenarioRun.Plan plan =
        new ScenarioRun.Plan(
            scenario,
            strategies,
            decisions,
            MarketSpec.defaults(),
            SimMarket.nextOpen(Instant.now()),
            seed,
            speed,
            root,
            maxContracts,
            Duration.ofSeconds(2),
            Duration.ofMinutes(2));
    try {
      ScenarioRun.Result result = ScenarioRun.run(plan, runFor, rows -> false, out);
      StrategyWatch.summary(ScenarioRun.inOrder(plan, result.last()).values(), out);
      DecisionLog.summary(result.decisions(), out);
      return 0;
    } catch (RuntimeException e) {
      spec.commandLine().getErr().println("tradectl sim: " + e.getMessage());
      return FAILED;
    }
  }
}
