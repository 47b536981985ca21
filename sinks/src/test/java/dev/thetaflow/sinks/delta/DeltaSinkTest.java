package dev.thetaflow.sinks.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampType;
import io.delta.standalone.DeltaLog;
import io.delta.standalone.data.CloseableIterator;
import io.delta.standalone.data.RowRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink in a real (mini) Flink cluster: a failure in the middle of the job, a restore from the
 * last checkpoint, and every row exactly once as Delta Standalone (an independent reader) sees it.
 */
class DeltaSinkTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(4)
              .build());

  static final DeltaTableSpec IDS =
      new DeltaTableSpec(
          "ids_test",
          new StructType()
              .add("trade_date", DateType.DATE, false)
              .add("id", LongType.LONG, false)
              .add("value", DoubleType.DOUBLE, false)
              .add("event_time", TimestampType.TIMESTAMP, false),
          List.of("trade_date"),
          Map.of());

  static final int ROWS = 4_000;
  static final AtomicBoolean FAILED_ONCE = new AtomicBoolean();

  @TempDir Path dir;

  private static RowConverter<Long> converter() {
    return id ->
        new Object[] {
          LocalDate.of(2026, 11, 23).plusDays(id % 2), id, id * 0.5, Instant.ofEpochSecond(id)
        };
  }

  private static StreamExecutionEnvironment environment(int restarts) {
    Configuration conf = new Configuration();
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, restarts);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.enableCheckpointing(150);
    env.setParallelism(2);
    return env;
  }

  @Test
  void aFailureMidJobLeavesEveryRowExactlyOnce() throws Exception {
    String path = dir.resolve("ids").toString();
    DeltaTables tables = DeltaTables.withDefaultEngine();
    tables.createIfMissing(path, IDS);
    FAILED_ONCE.set(false);
    StreamExecutionEnvironment env = environment(3);
    env.fromSequence(0, ROWS - 1)
        .map(
            id -> {
              Thread.sleep(1); // spread the rows over many checkpoints
              if (id == ROWS * 3 / 4 && FAILED_ONCE.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure at row " + id);
              }
              return id;
            })
        .uid("slow-map")
        .sinkTo(new DeltaSink<>(new DeltaSinkSettings<>(path, IDS, converter(), "ids-sink", 500)))
        .uid("delta-sink-ids");
    env.execute("delta exactly once");

    assertThat(FAILED_ONCE).as("the failure was injected").isTrue();
    DeltaLog log = DeltaLog.forTable(new org.apache.hadoop.conf.Configuration(), path);
    var snapshot = log.update();
    assertThat(snapshot.getVersion()).isGreaterThan(2); // several checkpoints committed
    assertThat(log.startTransaction().txnVersion("ids-sink")).isPositive();
    Set<Long> ids = new HashSet<>();
    long rows = 0;
    try (CloseableIterator<RowRecord> it = snapshot.open()) {
      while (it.hasNext()) {
        RowRecord r = it.next();
        long id = r.getLong("id");
        assertThat(r.getDouble("value")).isEqualTo(id * 0.5);
        ids.add(id);
        rows++;
      }
    }
    List<Long> missing = new java.util.ArrayList<>();
    for (long id = 0; id < ROWS; id++) {
      if (!ids.contains(id)) {
        missing.add(id);
      }
    }
    assertThat(rows)
        .as("rows in the table (version %d, missing %s)", snapshot.getVersion(), missing)
        .isEqualTo(ROWS);
    assertThat(ids).hasSize(ROWS);
  }

  @Test
  void aFreshStartOverAnExistingLineageIsRefusedWithWhatToDo() throws Exception {
    String path = dir.resolve("lineage").toString();
    DeltaTables tables = DeltaTables.withDefaultEngine();
    tables.createIfMissing(path, IDS);
    tables.append(path, IDS, List.<Object[]>of(converter().toRow(1L)), "reused-sink", 7);
    StreamExecutionEnvironment env = environment(0);
    env.fromSequence(0, 9)
        .sinkTo(
            new DeltaSink<>(new DeltaSinkSettings<>(path, IDS, converter(), "reused-sink", 500)))
        .uid("delta-sink-reused");
    assertThatThrownBy(() -> env.execute("fresh start"))
        .rootCause()
        .hasMessageContaining("already holds commits of sink reused-sink up to checkpoint 7")
        .hasMessageContaining("Restore the job from its last checkpoint");
    assertThat(
            DeltaLog.forTable(new org.apache.hadoop.conf.Configuration(), path)
                .update()
                .getVersion())
        .isEqualTo(1);
  }
}
