package dev.thetaflow.jobs.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.core.command.Command;
import dev.thetaflow.core.command.CommandAction;
import dev.thetaflow.jobs.commands.CommandsTable;
import dev.thetaflow.jobs.testing.SimFixture;
import dev.thetaflow.sinks.delta.DeltaReader;
import dev.thetaflow.sinks.delta.DeltaTables;
import dev.thetaflow.sinks.tables.Tables;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectClusterClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upgrade through a savepoint: the job is stopped with a savepoint while a strategy is OPEN, a
 * new job graph (with an operator added) starts from it, and the strategy continues where it was: a
 * close command then closes it, which needs its positions from before the savepoint.
 */
class TradingUpgradeTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(8)
              .build());

  @TempDir Path data;

  private JobGraph job(SimFixture sim, boolean withAudit) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    env.enableCheckpointing(300);
    var snapshots = TradingTopology.build(env, TopologyFixture.settings(sim, data, "upgrade"));
    if (withAudit) {
      // the new release adds an operator: a savepoint without its state must still restore
      snapshots.map(s -> s.strategyId()).uid("audit").name("Audit").print();
    }
    return env.getStreamGraph().getJobGraph();
  }

  private static void awaitRunning(ClusterClient<?> client, JobID id) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (client.getJobStatus(id).get() != JobStatus.RUNNING) {
      assertThat(System.nanoTime()).as("job running").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  @Test
  void aStrategyOpenBeforeTheSavepointIsClosedAfterIt(@InjectClusterClient ClusterClient<?> client)
      throws Exception {
    DeltaTables tables = DeltaTables.withDefaultEngine();
    DeltaReader reader = new DeltaReader(tables.engine());
    Tables.createMissing(tables, data);
    try (SimFixture sim = new SimFixture(20)) {
      TopologyFixture.command(
          tables,
          data,
          "open-2",
          new CommandAction.OpenStrategy(TopologyFixture.putVertical("pv-2")));

      JobID first = client.submitJob(job(sim, false)).get();
      awaitRunning(client, first);
      TopologyFixture.awaitRecorded(reader, data, "OPEN");
      String savepoint =
          client
              .stopWithSavepoint(
                  first,
                  false,
                  data.resolve("savepoints").toUri().toString(),
                  SavepointFormatType.CANONICAL)
              .get();

      JobGraph upgraded = job(sim, true);
      upgraded.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepoint, false));
      JobID second = client.submitJob(upgraded).get();
      try {
        awaitRunning(client, second);
        CommandsTable.append(
            tables,
            data.toString(),
            new Command(
                "close-2",
                Instant.now(),
                "test",
                new CommandAction.CloseStrategy("pv-2", "upgrade")));
        TopologyFixture.awaitRecorded(reader, data, "CLOSED");
      } finally {
        client.cancel(second).get();
      }
      // opened once: the restored commands source did not replay the open command's entry
      var trades = reader.table(data.resolve("trades").toString()).read();
      int ref = trades.column("order_ref");
      assertThat(trades.rows())
          .extracting(r -> r[ref])
          .containsExactlyInAnyOrder("pv-2:ENTRY:1", "pv-2:ENTRY:1", "pv-2:EXIT:1", "pv-2:EXIT:1");
    }
  }
}
