package dev.thetaflow.core.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the Flink job runs.
 *
 * @param checkpointInterval time between checkpoints, 100ms to 1h (default 10s); Delta commits
 *     follow checkpoints, so this is also how stale the tables may be
 * @param parallelism default operator parallelism, 1 to 32768 (default 1)
 * @param savepointDir where savepoints go, a path or URI; empty means Flink's own setting
 * @param stateBackend hashmap or rocksdb (default hashmap)
 */
public record FlinkConfig(
    Duration checkpointInterval,
    int parallelism,
    Optional<String> savepointDir,
    StateBackend stateBackend) {

  static final DurationRange CHECKPOINT_INTERVAL =
      new DurationRange(Duration.ofMillis(100), Duration.ofHours(1));

  /** Flink's own upper bound for max parallelism. */
  static final IntegerRange PARALLELISM = new IntegerRange(1, 32_768);

  public FlinkConfig {
    CHECKPOINT_INTERVAL.require("checkpointInterval", checkpointInterval);
    PARALLELISM.require("parallelism", parallelism);
    Objects.requireNonNull(savepointDir, "savepointDir: use Optional.empty()");
    savepointDir.ifPresent(d -> Checks.token("savepointDir", d, "a path or URI without spaces"));
    Checks.notNull("stateBackend", stateBackend);
  }

  static FlinkConfig read(ConfigSection s) {
    Duration interval =
        s.duration("checkpointInterval", Duration.ofSeconds(10), CHECKPOINT_INTERVAL);
    int parallelism = s.integer("parallelism", 1, PARALLELISM);
    Optional<String> savepointDir = s.optionalString("savepointDir");
    StateBackend backend = s.choice("stateBackend", StateBackend.HASHMAP, StateBackend.class);
    return s.build(() -> new FlinkConfig(interval, parallelism, savepointDir, backend));
  }
}
