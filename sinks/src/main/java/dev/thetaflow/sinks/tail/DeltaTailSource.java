package dev.thetaflow.sinks.tail;

import dev.thetaflow.sinks.delta.DeltaTables;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A FLIP-27 source that follows an unpartitioned Delta table: every row of every new commit, once,
 * in commit order, with the commit's timestamp as event time. Its position (the next commit and
 * row) is checkpointed; a job restored from a checkpoint or savepoint continues where it stopped.
 * Run it at parallelism 1: there is one split.
 */
public final class DeltaTailSource<T>
    implements Source<T, TailSplit, TailEnumerator.State>, ResultTypeQueryable<T> {
  private static final long serialVersionUID = 1L;

  private final String tablePath;
  private final StartingPosition start;
  private final Duration pollInterval;
  private final TailRowMapper<T> mapper;
  private final TypeInformation<T> type;

  /**
   * @param tablePath the followed table
   * @param start where a start without state begins
   * @param pollInterval how often the log is checked for new commits
   * @param mapper row to record
   * @param type the records' type information
   */
  public DeltaTailSource(
      String tablePath,
      StartingPosition start,
      Duration pollInterval,
      TailRowMapper<T> mapper,
      TypeInformation<T> type) {
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("poll interval must be positive, was " + pollInterval);
    }
    this.tablePath = tablePath;
    this.start = start;
    this.pollInterval = pollInterval;
    this.mapper = mapper;
    this.type = type;
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.CONTINUOUS_UNBOUNDED;
  }

  @Override
  public SourceReader<T, TailSplit> createReader(SourceReaderContext context) {
    return new TailReader<>(
        context,
        path -> new TailFetcher(DeltaTables.withDefaultEngine().engine(), path),
        pollInterval,
        mapper);
  }

  @Override
  public SplitEnumerator<TailSplit, TailEnumerator.State> createEnumerator(
      SplitEnumeratorContext<TailSplit> context) {
    return restoreEnumerator(context, null);
  }

  @Override
  public SplitEnumerator<TailSplit, TailEnumerator.State> restoreEnumerator(
      SplitEnumeratorContext<TailSplit> context, TailEnumerator.State state) {
    String path = tablePath;
    StartingPosition from = start;
    return new TailEnumerator(
        context,
        () ->
            new TailSplit(
                path, from.firstVersion(DeltaTables.withDefaultEngine().engine(), path), 0),
        state);
  }

  @Override
  public SimpleVersionedSerializer<TailSplit> getSplitSerializer() {
    return new TailSerializers.Splits();
  }

  @Override
  public SimpleVersionedSerializer<TailEnumerator.State> getEnumeratorCheckpointSerializer() {
    return new TailSerializers.EnumeratorState();
  }

  @Override
  public TypeInformation<T> getProducedType() {
    return type;
  }
}
