package dev.thetaflow.sinks.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thetaflow.sinks.delta.SinkTestJobs.Contents;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink in a real (mini) Flink cluster: a failure in the middle of the job, a restore from the
 * last checkpoint, and every row exactly once as Kernel and Delta Standalone (an independent
 * reader) both see it.
 */
class DeltaSinkTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(4)
              .build());

  static final DeltaTableSpec IDS = SinkTestJobs.IDS;
  // The cost is per checkpoint (each stages a file per partition and writer, then one commit),
  // not per row: 2,000 rows at 1 ms each still span several checkpoints of 300 ms.
  static final int ROWS = 2_000;
  static final long CHECKPOINT_MILLIS = 300;
  static final AtomicBoolean FAILED_ONCE = new AtomicBoolean();

  @TempDir Path dir;

  @BeforeEach
  void reset() {
    FAILED_ONCE.set(false); // statics outlive a test class in one surefire JVM
  }

  @Test
  void aFailureMidJobLeavesEveryRowExactlyOnce() throws Exception {
    String path = dir.resolve("ids").toString();
    DeltaTables tables = DeltaTables.withDefaultEngine();
    tables.createIfMissing(path, IDS);
    StreamExecutionEnvironment env = SinkTestJobs.environment(3, CHECKPOINT_MILLIS);
    env.fromSequence(0, ROWS - 1)
        .map(
            id -> {
              Thread.sleep(1); // spread the rows over several checkpoints
              if (id == ROWS * 3 / 4 && FAILED_ONCE.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure at row " + id);
              }
              return id;
            })
        .uid("slow-map")
        .sinkTo(SinkTestJobs.sink(path, "ids-sink"))
        .uid("delta-sink-ids");
    env.execute("delta exactly once");

    assertThat(FAILED_ONCE).as("the failure was injected").isTrue();
    Contents contents = SinkTestJobs.readBoth(path);
    assertThat(contents.version()).as("several checkpoints committed").isGreaterThan(2);
    assertThat(tables.committedVersion(path, "ids-sink"))
        .hasValueSatisfying(v -> assertThat(v).isPositive());
    SinkTestJobs.assertExactlyOnce(contents, ROWS);
    assertThat(SinkTestJobs.txnVersions(path, "ids-sink")).doesNotHaveDuplicates().isSorted();
  }

  @Test
  void aFreshStartOverAnExistingLineageIsRefusedWithWhatToDo() throws Exception {
    String path = dir.resolve("lineage").toString();
    DeltaTables tables = DeltaTables.withDefaultEngine();
    tables.createIfMissing(path, IDS);
    tables.append(
        path, IDS, List.<Object[]>of(SinkTestJobs.converter().toRow(1L)), "reused-sink", 7);
    StreamExecutionEnvironment env = SinkTestJobs.environment(0, CHECKPOINT_MILLIS);
    env.fromSequence(0, 9).sinkTo(SinkTestJobs.sink(path, "reused-sink")).uid("delta-sink-reused");
    assertThatThrownBy(() -> env.execute("fresh start"))
        .rootCause()
        .hasMessageContaining("already holds commits of sink reused-sink up to checkpoint 7")
        .hasMessageContaining("Restore the job from its last checkpoint");
    assertThat(SinkTestJobs.readBoth(path).version()).isEqualTo(1);
  }
}
