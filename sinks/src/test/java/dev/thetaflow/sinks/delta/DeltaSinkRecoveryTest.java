package dev.thetaflow.sinks.delta;

import static dev.thetaflow.sinks.delta.SinkTestJobs.assertExactlyOnce;
import static dev.thetaflow.sinks.delta.SinkTestJobs.await;
import static dev.thetaflow.sinks.delta.SinkTestJobs.readBoth;
import static dev.thetaflow.sinks.delta.SinkTestJobs.txnVersions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.sinks.delta.SinkTestJobs.Contents;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectClusterClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink across the failures that hit the commit protocol itself: a checkpoint that fails while
 * it is being taken (its files staged, never committed), a failure after the Delta commit of a
 * checkpoint but before the job moves past it (the restored committable is already in the table),
 * and a stop-with-savepoint followed by a restore. Each time every row must be in the table exactly
 * once, as Kernel and Delta Standalone both read it.
 */
@Timeout(300) // a hang guard only: a checkpoint took 30-90 s on the shared, overloaded 2-core box
class DeltaSinkRecoveryTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(4)
              .build());

  static final int ROWS = 2_000;
  static final long CHECKPOINT_MILLIS = 300;

  /** The first checkpoint a failure may hit: checkpoint 1 has committed rows by then. */
  static final long FAIL_FROM_CHECKPOINT = 2;

  // Shared with the operators through statics (the MiniCluster runs in this JVM); reset per test.
  static volatile int delayMillis;
  static volatile int delayMillisAfterFailure;
  static final AtomicBoolean INJECTED = new AtomicBoolean();
  static final AtomicLong FAILED_AT_CHECKPOINT = new AtomicLong(-1);
  static final AtomicLong COMMITTED_BEFORE_FAILURE = new AtomicLong(-1);
  static final AtomicLong RESTORED_FROM = new AtomicLong(-1);
  static final AtomicInteger MAX_ATTEMPT = new AtomicInteger();

  @TempDir Path dir;

  @BeforeEach
  void reset() {
    delayMillis = 1;
    delayMillisAfterFailure = 1;
    INJECTED.set(false);
    FAILED_AT_CHECKPOINT.set(-1);
    COMMITTED_BEFORE_FAILURE.set(-1);
    RESTORED_FROM.set(-1);
    MAX_ATTEMPT.set(0);
  }

  /** Spreads the rows over several checkpoints and notes restarts. */
  static final class Throttle extends RichMapFunction<Long, Long> {
    @Override
    public void open(OpenContext context) {
      MAX_ATTEMPT.accumulateAndGet(getRuntimeContext().getTaskInfo().getAttemptNumber(), Math::max);
    }

    @Override
    public Long map(Long id) throws InterruptedException {
      int delay = delayMillis;
      if (delay > 0) {
        Thread.sleep(delay);
      }
      return id;
    }
  }

  /**
   * Throws from snapshotState once: that checkpoint is declined after the sink staged its files.
   */
  static final class FailInSnapshot extends RichMapFunction<Long, Long>
      implements CheckpointedFunction {
    @Override
    public Long map(Long id) {
      return id;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) {
      context.getRestoredCheckpointId().ifPresent(RESTORED_FROM::set);
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {
      long checkpoint = context.getCheckpointId();
      if (checkpoint >= FAIL_FROM_CHECKPOINT && INJECTED.compareAndSet(false, true)) {
        FAILED_AT_CHECKPOINT.set(checkpoint);
        throw new IllegalStateException("injected failure in snapshot of checkpoint " + checkpoint);
      }
    }
  }

  /**
   * Throws once from notifyCheckpointComplete, but only after the committer (another task, told of
   * the same completion) has committed that checkpoint to the table: the restart then restores a
   * checkpoint whose committable the table already holds.
   */
  static final class FailAfterCommit extends RichMapFunction<Long, Long>
      implements CheckpointedFunction, CheckpointListener {
    private final String path;
    private final String appId;

    FailAfterCommit(String path, String appId) {
      this.path = path;
      this.appId = appId;
    }

    @Override
    public Long map(Long id) {
      return id;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) {
      context.getRestoredCheckpointId().ifPresent(RESTORED_FROM::set);
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {}

    @Override
    public void notifyCheckpointComplete(long checkpoint) throws Exception {
      if (checkpoint < FAIL_FROM_CHECKPOINT || INJECTED.get()) {
        return;
      }
      DeltaTables tables = DeltaTables.withDefaultEngine();
      boolean committed =
          await(
              () -> tables.committedVersion(path, appId).orElse(0L) >= checkpoint,
              Duration.ofSeconds(60));
      if (committed && INJECTED.compareAndSet(false, true)) {
        FAILED_AT_CHECKPOINT.set(checkpoint);
        COMMITTED_BEFORE_FAILURE.set(tables.committedVersion(path, appId).orElse(-1L));
        delayMillis = delayMillisAfterFailure;
        throw new IllegalStateException(
            "injected failure after the Delta commit of checkpoint " + checkpoint);
      }
    }
  }

  private static StreamExecutionEnvironment failingOverEnvironment() {
    StreamExecutionEnvironment env = SinkTestJobs.environment(3, CHECKPOINT_MILLIS);
    // a declined checkpoint fails the job over instead of being skipped
    env.getCheckpointConfig().setTolerableCheckpointFailureNumber(0);
    return env;
  }

  private String newTable(String name) {
    String path = dir.resolve(name).toString();
    DeltaTables.withDefaultEngine().createIfMissing(path, SinkTestJobs.IDS);
    return path;
  }

  /** Every id once, both readers agreeing, and each checkpoint committed at most once. */
  private static Contents assertEveryRowOnce(String path, String appId) {
    Contents contents = readBoth(path);
    assertExactlyOnce(contents, ROWS);
    List<Long> txns = txnVersions(path, appId);
    assertThat(txns).as("checkpoints committed, in log order").doesNotHaveDuplicates().isSorted();
    return contents;
  }

  @Test
  void aCheckpointThatFailsWhileBeingTakenCommitsNothingAndTheRestoreLosesNothing()
      throws Exception {
    String path = newTable("snapshot_failure");
    StreamExecutionEnvironment env = failingOverEnvironment();
    env.fromSequence(0, ROWS - 1)
        .uid("ids")
        .map(new Throttle())
        .uid("throttle")
        .map(new FailInSnapshot())
        .uid("fail-in-snapshot")
        .sinkTo(SinkTestJobs.sink(path, "snapshot-failure-sink"))
        .uid("delta-sink-snapshot-failure");
    env.execute("failure during a checkpoint");

    assertThat(FAILED_AT_CHECKPOINT.get()).as("checkpoint that failed").isPositive();
    assertThat(MAX_ATTEMPT.get()).as("the job was restarted").isPositive();
    assertThat(RESTORED_FROM.get())
        .as("restored from the checkpoint before the failed one")
        .isBetween(1L, FAILED_AT_CHECKPOINT.get() - 1);
    assertThat(txnVersions(path, "snapshot-failure-sink"))
        .as("the declined checkpoint was never committed")
        .doesNotContain(FAILED_AT_CHECKPOINT.get());
    assertEveryRowOnce(path, "snapshot-failure-sink");
  }

  @Test
  void aFailureAfterTheDeltaCommitReplaysTheCommittableAsANoOp() throws Exception {
    failAfterCommitAndRestore("commit_then_failure");
  }

  /**
   * The restored run drains its input before its first checkpoint, so its rows reach the table only
   * through the end-of-input committable. That committable must carry a checkpoint id above the
   * restored one, or the committer takes it for a replay and drops its rows.
   */
  @Test
  void aRestoreThatEndsBeforeItsFirstCheckpointCommitsTheRest() throws Exception {
    delayMillisAfterFailure = 0; // the rest of the input goes through in well under 300 ms
    failAfterCommitAndRestore("restore_then_end");
  }

  private void failAfterCommitAndRestore(String table) throws Exception {
    String path = newTable(table);
    String appId = table.replace('_', '-') + "-sink";
    StreamExecutionEnvironment env = failingOverEnvironment();
    env.fromSequence(0, ROWS - 1)
        .uid("ids")
        .map(new Throttle())
        .uid("throttle")
        .map(new FailAfterCommit(path, appId))
        .uid("fail-after-commit")
        .sinkTo(SinkTestJobs.sink(path, appId))
        .uid("delta-sink-" + appId);
    env.execute("failure after a Delta commit");

    long failedAt = FAILED_AT_CHECKPOINT.get();
    assertThat(failedAt).as("checkpoint after whose commit the job failed").isPositive();
    assertThat(COMMITTED_BEFORE_FAILURE.get())
        .as("committed before the failure")
        .isEqualTo(failedAt);
    assertThat(MAX_ATTEMPT.get()).as("the job was restarted").isPositive();
    // the restored committer state holds checkpoint failedAt's committable: it was replayed
    assertThat(RESTORED_FROM.get()).as("restored checkpoint").isEqualTo(failedAt);
    assertEveryRowOnce(path, appId);
  }

  private static JobGraph pipeline(String path, String appId, int restarts) {
    StreamExecutionEnvironment env = SinkTestJobs.environment(restarts, CHECKPOINT_MILLIS);
    DataStream<Long> ids = env.fromSequence(0, ROWS - 1).uid("ids");
    ids.map(new Throttle())
        .uid("throttle")
        .sinkTo(SinkTestJobs.sink(path, appId))
        .uid("delta-sink-savepoint");
    return env.getStreamGraph().getJobGraph();
  }

  private static void awaitRunning(ClusterClient<?> client, JobID job) throws Exception {
    assertThat(
            await(
                () -> client.getJobStatus(job).join() == JobStatus.RUNNING, Duration.ofSeconds(30)))
        .as("job running")
        .isTrue();
  }

  @Test
  void stopWithSavepointAndRestoreWritesEveryRowOnceAndAFreshStartIsRefused(
      @InjectClusterClient ClusterClient<?> client) throws Exception {
    String path = newTable("savepoint");
    String appId = "savepoint-sink";
    DeltaTables tables = DeltaTables.withDefaultEngine();

    delayMillis = 3; // slow enough that the first run is stopped half way
    JobID first = client.submitJob(pipeline(path, appId, 0)).get();
    String savepoint;
    try {
      awaitRunning(client, first);
      assertThat(
              await(
                  () -> tables.committedVersion(path, appId).isPresent(), Duration.ofSeconds(120)))
          .as("a checkpoint committed")
          .isTrue();
      savepoint =
          client
              .stopWithSavepoint(
                  first,
                  false,
                  dir.resolve("savepoints").toUri().toString(),
                  SavepointFormatType.CANONICAL)
              .get();
    } finally {
      if (!client.getJobStatus(first).get().isGloballyTerminalState()) {
        client.cancel(first).get(); // a failed assertion must not leave the job writing
      }
    }
    assertThat(client.requestJobResult(first).get().isSuccess()).isTrue();
    Contents stopped = readBoth(path);
    assertThat(stopped.rows()).as("rows of the first run").isBetween(1L, ROWS - 1L);
    assertThat(stopped.distinct()).isEqualTo(stopped.rows());
    long committedByFirst = tables.committedVersion(path, appId).orElseThrow();

    delayMillis = 0;
    JobGraph second = pipeline(path, appId, 0);
    second.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepoint, false));
    JobID secondId = client.submitJob(second).get();
    assertThat(client.requestJobResult(secondId).get().isSuccess()).as("restored run").isTrue();
    Contents restored = assertEveryRowOnce(path, appId);
    assertThat(restored.version()).isGreaterThan(stopped.version());
    assertThat(tables.committedVersion(path, appId).orElseThrow()).isGreaterThan(committedByFirst);

    JobID third = client.submitJob(pipeline(path, appId, 0)).get();
    JobResult refused = client.requestJobResult(third).get();
    assertThat(refused.isSuccess()).as("fresh start over the same appId").isFalse();
    assertThat(refused.getSerializedThrowable().orElseThrow().getFullStringifiedStackTrace())
        .contains("already holds commits of sink " + appId)
        .contains("Restore the job from its last checkpoint or savepoint")
        .contains("configure a new appId");
    assertThat(readBoth(path).version())
        .as("the refused run wrote nothing")
        .isEqualTo(restored.version());
  }
}
