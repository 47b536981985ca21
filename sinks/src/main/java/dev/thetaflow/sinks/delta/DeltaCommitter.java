package dev.thetaflow.sinks.delta;

import java.util.Collection;
import java.util.Optional;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits each checkpoint's files as one Delta transaction, {@code (appId, checkpointId)}. A
 * checkpoint the table already holds (a replay after a restore) is acknowledged without writing, so
 * a restored job never commits a row twice.
 */
final class DeltaCommitter implements Committer<DeltaCommittable> {
  private static final Logger LOG = LoggerFactory.getLogger(DeltaCommitter.class);

  private static final int MAX_RETRIES = 5;

  private final DeltaSinkSettings<?> settings;
  private final DeltaTables tables;
  private final Counter commits;
  private final Counter skipped;
  private final Histogram commitMillis;
  private volatile long lastVersion = -1;

  DeltaCommitter(
      DeltaSinkSettings<?> settings,
      DeltaTables tables,
      Counter commits,
      Counter skipped,
      Histogram commitMillis) {
    this.settings = settings;
    this.tables = tables;
    this.commits = commits;
    this.skipped = skipped;
    this.commitMillis = commitMillis;
  }

  long lastVersion() {
    return lastVersion;
  }

  @Override
  public void commit(Collection<CommitRequest<DeltaCommittable>> requests) {
    for (CommitRequest<DeltaCommittable> request : requests) {
      DeltaCommittable c = request.getCommittable();
      try {
        long started = System.nanoTime();
        Optional<Long> version =
            tables.commit(
                settings.tablePath(),
                settings.table(),
                c.files(),
                settings.appId(),
                c.checkpointId());
        if (version.isEmpty()) {
          LOG.info(
              "table {}: checkpoint {} already committed under {}; skipped",
              settings.table().name(),
              c.checkpointId(),
              settings.appId());
          request.signalAlreadyCommitted();
          skipped.inc();
        } else {
          lastVersion = version.get();
          commits.inc();
          commitMillis.update((System.nanoTime() - started) / 1_000_000);
        }
      } catch (RuntimeException e) {
        // CommitStateUnknown or I/O: retrying is safe, the txn id makes a second commit a no-op
        if (request.getNumberOfRetries() >= MAX_RETRIES) {
          request.signalFailedWithUnknownReason(e);
        } else {
          LOG.warn(
              "table {}: commit of checkpoint {} failed, retrying",
              settings.table().name(),
              c.checkpointId(),
              e);
          request.retryLater();
        }
      }
    }
  }

  @Override
  public void close() {}
}
