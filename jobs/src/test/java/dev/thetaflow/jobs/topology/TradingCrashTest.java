package dev.thetaflow.jobs.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.core.command.CommandAction;
import dev.thetaflow.core.strategy.StrategyState;
import dev.thetaflow.jobs.testing.SimFixture;
import dev.thetaflow.sinks.delta.DeltaReader;
import dev.thetaflow.sinks.delta.DeltaTables;
import dev.thetaflow.sinks.tables.Tables;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.JobID;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectClusterClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job fails right after a strategy's entry order left, and restarts from its last checkpoint:
 * the order reaches the broker once (the restored job replays the placement; the order sink finds
 * it there), and every fill is in trades exactly once.
 */
class TradingCrashTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(8)
              .build());

  /** Fails the job once, when the strategy is first seen waiting for its entry. */
  static final AtomicBoolean FAILED = new AtomicBoolean();

  @TempDir Path data;

  @Test
  void aFailureWithTheEntryInFlightPlacesItOnceAndRecordsEachFillOnce(
      @InjectClusterClient ClusterClient<?> client) throws Exception {
    FAILED.set(false);
    DeltaTables tables = DeltaTables.withDefaultEngine();
    DeltaReader reader = new DeltaReader(tables.engine());
    Tables.createMissing(tables, data);
    try (SimFixture sim = new SimFixture(20)) {
      TopologyFixture.command(
          tables,
          data,
          "open-3",
          new CommandAction.OpenStrategy(TopologyFixture.putVertical("pv-3")));

      Configuration conf = new Configuration();
      conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
      conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
      conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
      env.setParallelism(1);
      env.enableCheckpointing(300);
      TradingTopology.build(env, TopologyFixture.settings(sim, data, "crash"))
          .map(
              s -> {
                if (s.state() == StrategyState.PENDING_ENTRY && FAILED.compareAndSet(false, true)) {
                  throw new IllegalStateException("injected failure: entry order in flight");
                }
                return s.strategyId();
              })
          .uid("failure-injector")
          .print();
      JobID id = client.submitJob(env.getStreamGraph().getJobGraph()).get();
      try {
        TopologyFixture.awaitRecorded(reader, data, "OPEN");
        assertThat(FAILED.get()).as("the failure was injected").isTrue();
        var trades = reader.table(data.resolve("trades").toString()).read();
        int exec = trades.column("exec_id");
        assertThat(trades.rows()).hasSize(2);
        assertThat(trades.rows()).extracting(r -> r[exec]).doesNotHaveDuplicates();
      } finally {
        client.cancel(id).get();
      }
      Thread.sleep(500); // the source's connection (client 1) closes with the job
      Map<String, Integer> orders = sim.ordersByRefAndStatus();
      assertThat(orders).containsEntry("pv-3:ENTRY:1/Filled", 1).hasSize(1);
    }
  }
}
