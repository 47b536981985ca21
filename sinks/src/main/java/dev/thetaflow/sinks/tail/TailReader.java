package dev.thetaflow.sinks.tail;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.metrics.Counter;

/**
 * Follows the table of its one split: a poller thread reads new commits into a queue, the task
 * thread emits them one by one and moves the position past each row it emitted, so a checkpoint
 * taken between two rows of one commit resumes at the second.
 */
final class TailReader<T> implements SourceReader<T, TailSplit> {
  private final SourceReaderContext context;
  private final TailFetcher.Factory fetchers;
  private final Duration pollInterval;
  private final TailRowMapper<T> mapper;
  private final Counter rowsIn;

  private final Object lock = new Object();
  private final ArrayDeque<TailRow> ready = new ArrayDeque<>();
  private CompletableFuture<Void> available = new CompletableFuture<>();
  private Throwable failure;
  private long fetchedUpTo = -1;

  /** Next row to emit; touched by the task thread only. */
  private TailSplit position;

  private ScheduledExecutorService poller;

  TailReader(
      SourceReaderContext context,
      TailFetcher.Factory fetchers,
      Duration pollInterval,
      TailRowMapper<T> mapper) {
    this.context = context;
    this.fetchers = fetchers;
    this.pollInterval = pollInterval;
    this.mapper = mapper;
    this.rowsIn = context.metricGroup().counter("tailRowsRead");
  }

  @Override
  public void start() {
    if (position == null) {
      context.sendSplitRequest();
    }
  }

  @Override
  public void addSplits(List<TailSplit> splits) {
    if (splits.size() != 1 || position != null) {
      throw new IllegalStateException("a tail reader follows exactly one table, got " + splits);
    }
    position = splits.get(0);
    TailFetcher fetcher = fetchers.create(position.tablePath());
    long firstVersion = position.version();
    int skip = position.skipRows();
    poller =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "delta-tail " + position.tablePath());
              t.setDaemon(true);
              return t;
            });
    poller.scheduleWithFixedDelay(
        new Runnable() {
          private long next = firstVersion;
          private int skipAtNext = skip;

          @Override
          public void run() {
            try {
              TailFetcher.Fetched fetched = fetcher.fetch(next, skipAtNext);
              synchronized (lock) {
                ready.addAll(fetched.rows());
                fetchedUpTo = Math.max(fetchedUpTo, fetched.lastVersion());
                if (!fetched.rows().isEmpty()) {
                  available.complete(null);
                }
              }
              if (fetched.lastVersion() >= next) {
                next = fetched.lastVersion() + 1;
                skipAtNext = 0;
              }
            } catch (Throwable t) {
              synchronized (lock) {
                failure = t;
                available.complete(null);
              }
              throw t;
            }
          }
        },
        0,
        pollInterval.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
    TailRow row;
    boolean more;
    synchronized (lock) {
      if (failure != null) {
        throw new IllegalStateException(
            "following " + position.tablePath() + " failed: " + failure.getMessage(), failure);
      }
      row = ready.poll();
      if (row == null) {
        if (position != null && fetchedUpTo >= position.version()) {
          // everything fetched was emitted: commits without rows are behind us too
          position = new TailSplit(position.tablePath(), fetchedUpTo + 1, 0);
        }
        if (available.isDone()) {
          available = new CompletableFuture<>();
        }
        return InputStatus.NOTHING_AVAILABLE;
      }
      more = !ready.isEmpty();
    }
    rowsIn.inc();
    T value = mapper.map(row);
    if (value != null) {
      output.collect(value, row.committedAt().toEpochMilli());
    }
    position =
        row.lastInCommit()
            ? new TailSplit(position.tablePath(), row.version() + 1, 0)
            : new TailSplit(position.tablePath(), row.version(), row.index() + 1);
    return more ? InputStatus.MORE_AVAILABLE : InputStatus.NOTHING_AVAILABLE;
  }

  @Override
  public List<TailSplit> snapshotState(long checkpointId) {
    return position == null ? List.of() : List.of(position);
  }

  @Override
  public CompletableFuture<Void> isAvailable() {
    synchronized (lock) {
      return available;
    }
  }

  @Override
  public void notifyNoMoreSplits() {
    // an unbounded follower: a reader without the split stays idle, one with it never ends
  }

  @Override
  public void close() {
    if (poller != null) {
      poller.shutdownNow();
    }
  }
}
