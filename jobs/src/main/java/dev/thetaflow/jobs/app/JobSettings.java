package dev.thetaflow.jobs.app;

import dev.thetaflow.core.config.FlinkConfig;
import dev.thetaflow.core.config.IbConfig;
import dev.thetaflow.core.config.ThetaflowConfig;
import dev.thetaflow.ib.client.ConnectionOptions;
import dev.thetaflow.ib.source.IbSourceSettings;
import dev.thetaflow.ib.source.StreamedInstrument;
import dev.thetaflow.jobs.topology.DecisionSettings;
import dev.thetaflow.jobs.topology.StrategyOperator;
import dev.thetaflow.jobs.topology.TradingTopology;
import dev.thetaflow.sinks.tail.StartingPosition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The one translation of the typed configuration into the trading job's settings, shared by the
 * cluster entry point ({@link TradingJob}) and {@code tradectl paper}, so both run the same job.
 */
public final class JobSettings {

  /** Streamed when no instruments are named: the underlyings the strategies trade today. */
  public static final List<StreamedInstrument> DEFAULT_INSTRUMENTS =
      List.of(
          StreamedInstrument.stock("SPY"),
          StreamedInstrument.stock("QQQ"),
          StreamedInstrument.vix());

  /** IB Gateway and TWS report times without a zone in the exchange's zone for US options. */
  public static final String GATEWAY_ZONE = "America/New_York";

  /** How far back executions are asked for after a restore. */
  static final Duration FILL_REPLAY_MARGIN = Duration.ofMinutes(10);

  private JobSettings() {}

  /**
   * The contract lookup's client id. The configuration names only the data (master) and order
   * client ids; the lookup takes the next free one so that it never drops either connection.
   */
  public static int lookupClientId(IbConfig ib) {
    return Math.max(ib.clientId(), ib.orderClientId()) + 1;
  }

  /**
   * {@code --data} if given, else {@code storage.root}; a relative path is taken from {@code base}.
   */
  public static String dataRoot(ThetaflowConfig config, String dataOverride, Path base) {
    String root = dataOverride != null ? dataOverride : config.storage().root();
    if (root.contains("://")) {
      return root;
    }
    return base.resolve(root).toAbsolutePath().normalize().toString();
  }

  /** Instruments from a comma-separated list of stock symbols; the defaults when null or blank. */
  public static List<StreamedInstrument> instruments(String symbols) {
    if (symbols == null || symbols.isBlank()) {
      return DEFAULT_INSTRUMENTS;
    }
    return Arrays.stream(symbols.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(s -> s.equals("VIX") ? StreamedInstrument.vix() : stock(s))
        .toList();
  }

  private static StreamedInstrument stock(String symbol) {
    return StreamedInstrument.stock(symbol);
  }

  /** Options for one connection to the configured gateway; the account, if known, is checked. */
  public static ConnectionOptions connection(ThetaflowConfig config, int clientId, String account) {
    return ConnectionOptions.from(config.ib(), clientId, account);
  }

  /**
   * The topology's settings: source on {@code ib.clientId} (the master client, so it sees the order
   * connection's fills), orders on {@code ib.orderClientId}, lookups on {@link #lookupClientId}.
   *
   * @param account the account strategies trade in (configured, or the gateway's only account)
   * @param dataRoot as from {@link #dataRoot}
   * @param lineage the Delta sinks' lineage: new for a fresh job, the old one for a restore
   */
  public static TradingTopology.Settings topology(
      ThetaflowConfig config,
      String account,
      String dataRoot,
      List<StreamedInstrument> instruments,
      StartingPosition commandsFrom,
      String lineage) {
    IbConfig ib = config.ib();
    return new TradingTopology.Settings(
        new IbSourceSettings(
            connection(config, ib.clientId(), account),
            instruments,
            GATEWAY_ZONE,
            FILL_REPLAY_MARGIN),
        connection(config, ib.orderClientId(), account),
        connection(config, lookupClientId(ib), account),
        account,
        dataRoot,
        commandsFrom,
        lineage,
        StrategyOperator.Settings.defaults(config.analytics().market()),
        config.risk().maxContractsPerOrder(),
        DecisionSettings.of(config.rules()).notifying(config.notifications()));
  }

  /** Checkpoint interval, parallelism, state backend and savepoint directory from {@code flink}. */
  public static void configure(StreamExecutionEnvironment env, FlinkConfig flink) {
    env.setParallelism(flink.parallelism());
    env.enableCheckpointing(flink.checkpointInterval().toMillis());
    Configuration conf = new Configuration();
    conf.set(StateBackendOptions.STATE_BACKEND, flink.stateBackend().configName());
    flink.savepointDir().ifPresent(d -> conf.set(CheckpointingOptions.SAVEPOINT_DIRECTORY, d));
    env.configure(conf);
  }
}
