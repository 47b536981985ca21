package dev.thetaflow.jobs.cli;

import dev.thetaflow.core.config.ConfigException;
import dev.thetaflow.core.config.Durations;
import dev.thetaflow.core.config.Mode;
import dev.thetaflow.jobs.app.GatewayProbe.GatewayException;
import dev.thetaflow.jobs.app.TradingJob;
import dev.thetaflow.jobs.topology.StrategySnapshot;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tradectl paper}: the cluster's trading job ({@link TradingJob}) on a local MiniCluster
 * against the configured IB paper gateway. Anything but mode paper is refused here: the simulator
 * has {@code tradectl sim}, and live trading is never started from a convenience command.
 */
@Command(
    name = "paper",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the trading job on a local MiniCluster against the IB paper gateway of the profile",
      "(ib.host/ib.port; override with THETAFLOW__IB__PORT or --conf). Open and close strategies",
      "meanwhile with ./tradectl command (same --data)."
    })
final class PaperCommand implements Callable<Integer> {
  static final int FAILED = 1;
  static final int USAGE = 2;

  @Spec CommandSpec spec;

  @Option(
      names = {"-p", "--profile"},
      paramLabel = "NAME",
      defaultValue = "paper",
      description = "Profile to load; its mode must be paper (default ${DEFAULT-VALUE}).")
  String profile;

  @Option(
      names = "--conf",
      paramLabel = "DIR",
      description = "Configuration directory (default: conf/ of the checkout).")
  Path confDir;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Data root holding the Delta tables (default: storage.root of the profile).")
  String dataRoot;

  @Option(
      names = "--duration",
      defaultValue = "10m",
      description = "How long to run (default ${DEFAULT-VALUE}; 500ms, 30s, 5m, 1h).")
  String duration;

  @Option(
      names = "--instruments",
      paramLabel = "SYM,SYM",
      description = "Underlyings to stream (default SPY,QQQ).")
  String instruments;

  @Option(
      names = "--replay-commands",
      description = "Act on the commands already in the table too (default: only new ones).")
  boolean replayCommands;

  /** The environment for THETAFLOW__* overrides. */
  Map<String, String> environment = System.getenv();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Duration runFor;
    try {
      runFor = Durations.parse(duration);
    } catch (IllegalArgumentException | ConfigException e) {
      err.println("tradectl paper: --duration: " + e.getMessage());
      return USAGE;
    }
    List<String> args = new ArrayList<>(List.of("--profile", profile));
    args.addAll(
        List.of("--conf", (confDir != null ? confDir : Home.path().resolve("conf")).toString()));
    if (dataRoot != null) {
      args.addAll(List.of("--data", Path.of(dataRoot).toAbsolutePath().toString()));
    }
    if (instruments != null) {
      args.addAll(List.of("--instruments", instruments));
    }
    if (replayCommands) {
      args.add("--replay-commands");
    }
    TradingJob.Args jobArgs = TradingJob.Args.parse(args.toArray(String[]::new));
    String lineage = TradingJob.freshLineage(profile); // every local run starts without state
    TradingJob.Prepared prepared;
    try {
      // Refuse other modes before touching any gateway.
      Mode mode =
          dev.thetaflow.core.config.ConfigLoader.load(
                  jobArgs.confDir(), profile, environment, false)
              .mode();
      if (mode != Mode.PAPER) {
        err.printf(
            "tradectl paper: profile %s is mode %s; tradectl paper runs mode paper only (the"
                + " simulator: ./tradectl sim)%n",
            profile, mode.configName());
        return USAGE;
      }
      prepared =
          TradingJob.prepare(
              jobArgs,
              environment,
              Home.path(),
              lineage,
              line -> {
                out.println(line);
                out.flush();
              });
    } catch (ConfigException e) {
      err.println("tradectl paper: " + e.getMessage());
      return USAGE;
    } catch (GatewayException e) {
      err.println("tradectl paper: " + e.getMessage());
      return FAILED;
    }
    String root = prepared.settings().dataRoot();
    out.printf("job: local MiniCluster; data %s; lineage %s; running %s%n", root, lineage, runFor);
    out.printf("open strategies with: ./tradectl command --data %s open --spec FILE%n", root);
    out.flush();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    Map<String, StrategySnapshot> last;
    try {
      CloseableIterator<StrategySnapshot> snapshots =
          TradingJob.build(env, prepared).collectAsync();
      JobClient job = env.executeAsync("thetaflow paper");
      try (snapshots) {
        last = StrategyWatch.follow(snapshots, runFor, out);
      } finally {
        JobRuns.stop(job); // its sinks write into the data root until it ended
      }
    } catch (RuntimeException e) {
      err.println("tradectl paper: " + e.getMessage());
      return FAILED;
    }
    StrategyWatch.summary(last.values(), out);
    return 0;
  }
}
