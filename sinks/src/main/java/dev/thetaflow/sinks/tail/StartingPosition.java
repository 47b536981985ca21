package dev.thetaflow.sinks.tail;

import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.engine.Engine;
import java.io.Serializable;
import java.time.Instant;

/**
 * Where a tail source without restored state starts. A restored source always continues from its
 * checkpointed position.
 */
public sealed interface StartingPosition extends Serializable {

  /** The first version to read, resolved against the table as it is now. */
  long firstVersion(Engine engine, String tablePath);

  /** Only commits made after the source started. */
  static StartingPosition latest() {
    return new Latest();
  }

  /** Every commit from the table's creation. */
  static StartingPosition earliest() {
    return new AtVersion(0);
  }

  /** Commits from {@code version} on. */
  static StartingPosition atVersion(long version) {
    return new AtVersion(version);
  }

  /** Commits made at or after {@code time}. */
  static StartingPosition since(Instant time) {
    return new Since(time);
  }

  record Latest() implements StartingPosition {
    @Override
    public long firstVersion(Engine engine, String tablePath) {
      return TableManager.loadSnapshot(tablePath).build(engine).getVersion() + 1;
    }
  }

  record AtVersion(long version) implements StartingPosition {
    public AtVersion {
      if (version < 0) {
        throw new IllegalArgumentException("starting version must be >= 0, was " + version);
      }
    }

    @Override
    public long firstVersion(Engine engine, String tablePath) {
      return version;
    }
  }

  record Since(Instant time) implements StartingPosition {
    @Override
    public long firstVersion(Engine engine, String tablePath) {
      Snapshot latest = TableManager.loadSnapshot(tablePath).build(engine);
      if (latest.getTimestamp(engine) < time.toEpochMilli()) {
        return latest.getVersion() + 1;
      }
      // the version current at `time`, plus one: its successor is the first commit after time
      long v = 0;
      try {
        v =
            TableManager.loadSnapshot(tablePath)
                    .atTimestamp(time.toEpochMilli(), latest)
                    .build(engine)
                    .getVersion()
                + 1;
      } catch (RuntimeException beforeTheFirstCommit) {
        v = 0;
      }
      return v;
    }
  }
}
