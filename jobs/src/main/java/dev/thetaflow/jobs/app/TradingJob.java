package dev.thetaflow.jobs.app;

import dev.thetaflow.core.config.ConfigException;
import dev.thetaflow.core.config.ConfigLoader;
import dev.thetaflow.core.config.ThetaflowConfig;
import dev.thetaflow.jobs.app.GatewayProbe.GatewayException;
import dev.thetaflow.jobs.topology.StrategySnapshot;
import dev.thetaflow.jobs.topology.TradingTopology;
import dev.thetaflow.sinks.delta.DeltaTables;
import dev.thetaflow.sinks.tables.Tables;
import dev.thetaflow.sinks.tail.StartingPosition;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The trading job's entry point for a Flink cluster:
 *
 * <pre>
 * flink run -d -c dev.thetaflow.jobs.app.TradingJob thetaflow-job.jar --profile paper [--conf DIR]
 *     [--data ROOT] [--instruments SPY,QQQ] [--lineage NAME] [--replay-commands]
 *     [--i-understand-this-is-live]
 * </pre>
 *
 * The configuration is read where {@code flink run} runs (profile files, {@code THETAFLOW__*}
 * variables, the live-safety rules), the gateway is checked from there, missing Delta tables are
 * created, and the topology is submitted.
 */
public final class TradingJob {

  static final String USAGE =
      "usage: TradingJob --profile NAME [--conf DIR] [--data ROOT] [--instruments SYM,SYM]"
          + " [--lineage NAME] [--replay-commands] ["
          + ConfigLoader.LIVE_CONFIRMATION_FLAG
          + "]";

  private TradingJob() {}

  /** The job's command line. */
  public record Args(
      String profile,
      Path confDir,
      String dataRoot,
      String instruments,
      String lineage,
      boolean replayCommands,
      boolean liveConfirmed) {

    /** Parses {@code args}; an unknown or incomplete option is an IllegalArgumentException. */
    public static Args parse(String... args) {
      String profile = "paper";
      Path conf = Path.of("conf");
      String data = null;
      String instruments = null;
      String lineage = null;
      boolean replay = false;
      boolean live = false;
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--profile", "-p" -> profile = value(args, ++i, a);
          case "--conf" -> conf = Path.of(value(args, ++i, a));
          case "--data" -> data = value(args, ++i, a);
          case "--instruments" -> instruments = value(args, ++i, a);
          case "--lineage" -> lineage = value(args, ++i, a);
          case "--replay-commands" -> replay = true;
          case ConfigLoader.LIVE_CONFIRMATION_FLAG -> live = true;
          default -> throw new IllegalArgumentException("unknown argument " + a + "\n" + USAGE);
        }
      }
      return new Args(profile, conf, data, instruments, lineage, replay, live);
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
      }
      return args[i];
    }
  }

  /** Everything decided before the job is built. */
  public record Prepared(ThetaflowConfig config, TradingTopology.Settings settings) {}

  /**
   * Loads the profile, checks the gateway and picks the account.
   *
   * @param env the environment for {@code THETAFLOW__*} overrides
   * @param base what a relative data root is relative to
   * @param lineage the Delta sinks' lineage
   * @param progress connection progress, one line each
   * @throws ConfigException for any configuration or live-safety problem
   * @throws GatewayException when the gateway is missing, silent or has the wrong account
   */
  public static Prepared prepare(
      Args args, Map<String, String> env, Path base, String lineage, Consumer<String> progress)
      throws GatewayException {
    ThetaflowConfig config =
        ConfigLoader.load(args.confDir(), args.profile(), env, args.liveConfirmed());
    var ib = config.ib();
    progress.accept(
        String.format(
            "gateway: connecting to %s:%d (mode %s, client id %d)...",
            ib.host(), ib.port(), config.mode().configName(), JobSettings.lookupClientId(ib)));
    List<String> managed =
        GatewayProbe.accounts(
            JobSettings.connection(
                config, JobSettings.lookupClientId(ib), config.account().orElse(null)));
    String account = GatewayProbe.account(config.mode(), config.account(), managed);
    progress.accept("gateway: connected; trading in account " + account);
    String root = JobSettings.dataRoot(config, args.dataRoot(), base);
    TradingTopology.Settings settings =
        JobSettings.topology(
            config,
            account,
            root,
            JobSettings.instruments(args.instruments()),
            args.replayCommands() ? StartingPosition.earliest() : StartingPosition.latest(),
            lineage);
    return new Prepared(config, settings);
  }

  /** Creates the Delta tables that are missing (local data roots) and builds the topology. */
  public static DataStream<StrategySnapshot> build(
      StreamExecutionEnvironment env, Prepared prepared) {
    JobSettings.configure(env, prepared.config().flink());
    String root = prepared.settings().dataRoot();
    if (!root.contains("://")) {
      Tables.createMissing(DeltaTables.withDefaultEngine(), Path.of(root));
    }
    return TradingTopology.build(env, prepared.settings());
  }

  /**
   * A new lineage: the profile and the start time, so that it is readable in {@code flink list}.
   */
  public static String freshLineage(String profile) {
    return profile
        + "-"
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
  }

  public static void main(String[] argv) throws Exception {
    PrintStream out = System.out;
    Args args = Args.parse(argv);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    Optional<String> restoredFrom =
        env.getConfiguration().getOptional(StateRecoveryOptions.SAVEPOINT_PATH);
    // The Delta sinks commit under the lineage; a restore must keep it, or the savepoint's
    // pending commits would be written again under a new one.
    if (restoredFrom.isPresent() && args.lineage() == null) {
      throw new IllegalArgumentException(
          "restoring from "
              + restoredFrom.get()
              + ": pass --lineage with the lineage of the job that took it (it is in that job's"
              + " name)");
    }
    String lineage = args.lineage() != null ? args.lineage() : freshLineage(args.profile());
    Prepared prepared;
    try {
      prepared = prepare(args, System.getenv(), Path.of(""), lineage, out::println);
    } catch (ConfigException | GatewayException e) {
      // flink run shows the cause; say plainly that nothing was submitted
      throw new IllegalStateException("thetaflow job not submitted: " + e.getMessage(), e);
    }
    build(env, prepared);
    out.printf(
        "thetaflow: data %s, lineage %s%s%n",
        prepared.settings().dataRoot(),
        lineage,
        restoredFrom.map(p -> ", restoring " + p).orElse(""));
    env.execute("thetaflow " + args.profile() + " lineage=" + lineage);
  }
}
