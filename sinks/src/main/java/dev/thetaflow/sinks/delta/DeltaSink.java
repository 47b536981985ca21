package dev.thetaflow.sinks.delta;

import java.io.IOException;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.streaming.api.connector.sink2.CommittableMessage;
import org.apache.flink.streaming.api.connector.sink2.CommittableMessageTypeInfo;
import org.apache.flink.streaming.api.connector.sink2.SupportsPreCommitTopology;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * An exactly-once Flink sink into one Delta table, on Delta Kernel: parallel writers stage Parquet
 * files, a parallelism-1 aggregator makes one committable per checkpoint, and the committer commits
 * it as one transaction tagged {@code (appId, checkpointId)}, skipping one the table already holds.
 *
 * <p>A fresh start (no restored state) against a table that already holds this appId is refused:
 * Flink restarts checkpoint ids at 1, so every commit would be skipped as "already committed" and
 * rows silently lost. Restore from the last checkpoint or savepoint, or give the sink a new appId.
 * Use {@code .sinkTo(sink).uid(...)}: the sink adds a stateful topology that needs stable uids.
 */
public final class DeltaSink<T>
    implements Sink<T>,
        SupportsCommitter<DeltaCommittable>,
        SupportsPreCommitTopology<StagedFiles, DeltaCommittable> {

  private static final long serialVersionUID = 1L;

  private final DeltaSinkSettings<T> settings;

  public DeltaSink(DeltaSinkSettings<T> settings) {
    this.settings = settings;
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
    var metrics = context.metricGroup();
    return new DeltaSinkWriter<>(
        settings,
        DeltaTables.withTargetFileSize(settings.targetFileBytes()),
        metrics.counter("deltaRowsStaged"),
        metrics.counter("deltaFilesStaged"),
        metrics.counter("deltaBytesStaged"));
  }

  @Override
  public Committer<DeltaCommittable> createCommitter(CommitterInitContext context) {
    DeltaTables tables = DeltaTables.withDefaultEngine().withBackgroundPostCommitHooks();
    if (context.getRestoredCheckpointId().isEmpty()) {
      tables
          .committedVersion(settings.tablePath(), settings.appId())
          .ifPresent(
              version -> {
                throw new IllegalStateException(
                    "table "
                        + settings.table().name()
                        + " already holds commits of sink "
                        + settings.appId()
                        + " up to checkpoint "
                        + version
                        + ", but this job starts without state: its checkpoint ids restart at 1 and"
                        + " every commit would be skipped. Restore the job from its last checkpoint"
                        + " or savepoint, or configure a new appId for this sink.");
              });
    }
    var metrics = context.metricGroup();
    DeltaCommitter committer =
        new DeltaCommitter(
            settings,
            tables,
            metrics.counter("deltaCommits"),
            metrics.counter("deltaCommitsSkipped"),
            metrics.histogram("deltaCommitMillis", new DescriptiveStatisticsHistogram(1000)));
    metrics.gauge("deltaLastCommittedVersion", committer::lastVersion);
    return committer;
  }

  @Override
  public SimpleVersionedSerializer<DeltaCommittable> getCommittableSerializer() {
    return new DeltaSerializers.Committables();
  }

  @Override
  public DataStream<CommittableMessage<DeltaCommittable>> addPreCommitTopology(
      DataStream<CommittableMessage<StagedFiles>> staged) {
    // global() on both sides: the committer runs at the sink's parallelism, and the summary and
    // the committable of a checkpoint must reach the same committer subtask
    return staged
        .global()
        .transform(
            "Delta aggregate " + settings.table().name(),
            CommittableMessageTypeInfo.of(DeltaSerializers.Committables::new),
            new FilesAggregator())
        .uid("delta-aggregate-" + settings.appId())
        .setParallelism(1)
        .setMaxParallelism(1)
        .global();
  }

  @Override
  public SimpleVersionedSerializer<StagedFiles> getWriteResultSerializer() {
    return new DeltaSerializers.Staged();
  }
}
