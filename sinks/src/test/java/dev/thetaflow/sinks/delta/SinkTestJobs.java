package dev.thetaflow.sinks.delta;

import static org.assertj.core.api.Assertions.assertThat;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import io.delta.standalone.DeltaLog;
import io.delta.standalone.VersionLog;
import io.delta.standalone.actions.Action;
import io.delta.standalone.actions.SetTransaction;
import io.delta.standalone.data.RowRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * What the Delta sink's MiniCluster tests share: a table of ids, the job environment, and reading
 * the table back twice, with Kernel's scan and with Delta Standalone (an independent reader).
 */
final class SinkTestJobs {
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

  private SinkTestJobs() {}

  static RowConverter<Long> converter() {
    return id ->
        new Object[] {
          LocalDate.of(2026, 11, 23).plusDays(id % 2), id, id * 0.5, Instant.ofEpochSecond(id)
        };
  }

  static DeltaSink<Long> sink(String path, String appId) {
    return new DeltaSink<>(new DeltaSinkSettings<>(path, IDS, converter(), appId, 500));
  }

  /** Parallelism 2, aligned checkpoints every {@code checkpointMillis}, fixed-delay restarts. */
  static StreamExecutionEnvironment environment(int restarts, long checkpointMillis) {
    Configuration conf = new Configuration();
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, restarts);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(50));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.enableCheckpointing(checkpointMillis);
    // staging and committing can take longer than the interval on a busy box: let the job make
    // progress between checkpoints instead of checkpointing back to back
    env.getCheckpointConfig().setMinPauseBetweenCheckpoints(checkpointMillis);
    env.setParallelism(2);
    return env;
  }

  /** What one reader saw: the version it read, and the ids of all rows, sorted. */
  record Contents(long version, long[] ids) {
    long rows() {
      return ids.length;
    }

    long distinct() {
      return Arrays.stream(ids).distinct().count();
    }

    long sum() {
      return Arrays.stream(ids).sum();
    }

    @Override
    public String toString() {
      return "version " + version + ", " + rows() + " rows, " + distinct() + " distinct ids";
    }
  }

  /**
   * Reads the table with both readers and checks they agree on the version and on every row; a row
   * whose value does not follow from its id fails here.
   */
  static Contents readBoth(String path) {
    Contents standalone = readWithStandalone(path);
    Contents kernel = readWithKernel(path);
    assertThat(kernel.version()).as("version Kernel read").isEqualTo(standalone.version());
    assertThat(kernel.ids()).as("ids Kernel read vs Standalone").isEqualTo(standalone.ids());
    return standalone;
  }

  /** Every id in 0..rows-1 exactly once, by count, distinct count and sum. */
  static void assertExactlyOnce(Contents contents, long rows) {
    List<Long> missing = new ArrayList<>();
    for (long id = 0; id < rows && missing.size() < 20; id++) {
      if (Arrays.binarySearch(contents.ids(), id) < 0) {
        missing.add(id);
      }
    }
    assertThat(contents.rows())
        .as("rows in %s (missing ids %s)", contents, missing)
        .isEqualTo(rows);
    assertThat(contents.distinct()).as("distinct ids in %s", contents).isEqualTo(rows);
    assertThat(contents.sum()).as("sum of ids in %s", contents).isEqualTo(rows * (rows - 1) / 2);
  }

  static Contents readWithStandalone(String path) {
    var snapshot = DeltaLog.forTable(new org.apache.hadoop.conf.Configuration(), path).update();
    List<Long> ids = new ArrayList<>();
    try (var it = snapshot.open()) {
      while (it.hasNext()) {
        RowRecord r = it.next();
        long id = r.getLong("id");
        assertThat(r.getDouble("value")).as("value of id %d", id).isEqualTo(id * 0.5);
        ids.add(id);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Contents(snapshot.getVersion(), sorted(ids));
  }

  /**
   * Kernel's scan: list the scan files, read each Parquet file and let Kernel turn the physical
   * data back into logical rows (partition values included). Kernel 4.4 has no public way to get
   * the read schema and a file's status from the scan rows, hence the two internal helpers.
   */
  static Contents readWithKernel(String path) {
    Engine engine = DeltaTables.withDefaultEngine().engine();
    Snapshot snapshot = TableManager.loadSnapshot(path).build(engine);
    Scan scan = snapshot.getScanBuilder().build();
    Row scanState = scan.getScanState(engine);
    StructType readSchema = ScanStateRow.getPhysicalDataReadSchema(scanState);
    List<Long> ids = new ArrayList<>();
    try (CloseableIterator<FilteredColumnarBatch> files = scan.getScanFiles(engine)) {
      while (files.hasNext()) {
        try (CloseableIterator<Row> scanFiles = files.next().getRows()) {
          while (scanFiles.hasNext()) {
            Row scanFile = scanFiles.next();
            FileStatus status = InternalScanFileUtils.getAddFileStatus(scanFile);
            CloseableIterator<ColumnarBatch> physical =
                engine
                    .getParquetHandler()
                    .readParquetFiles(
                        DeltaTables.iterator(List.of(status)), readSchema, Optional.empty())
                    .map(FileReadResult::getData);
            try (CloseableIterator<FilteredColumnarBatch> logical =
                Scan.transformPhysicalData(engine, scanState, scanFile, physical)) {
              while (logical.hasNext()) {
                try (CloseableIterator<Row> rows = logical.next().getRows()) {
                  while (rows.hasNext()) {
                    Row r = rows.next();
                    int idAt = r.getSchema().indexOf("id");
                    long id = r.getLong(idAt);
                    double value = r.getDouble(r.getSchema().indexOf("value"));
                    assertThat(value).as("value of id %d", id).isEqualTo(id * 0.5);
                    ids.add(id);
                  }
                }
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Contents(snapshot.getVersion(), sorted(ids));
  }

  /**
   * The transaction versions {@code appId} committed, one per table version, in log order, as
   * Standalone reads them from the commit files: a checkpoint committed twice shows up twice.
   */
  static List<Long> txnVersions(String path, String appId) {
    DeltaLog log = DeltaLog.forTable(new org.apache.hadoop.conf.Configuration(), path);
    List<Long> out = new ArrayList<>();
    Iterator<VersionLog> changes = log.getChanges(0, true);
    while (changes.hasNext()) {
      for (Action action : changes.next().getActions()) {
        if (action instanceof SetTransaction txn && txn.getAppId().equals(appId)) {
          out.add(txn.getVersion());
        }
      }
    }
    return out;
  }

  /** Polls {@code condition} every 20 ms; false if it did not hold within {@code timeout}. */
  static boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  private static long[] sorted(List<Long> ids) {
    long[] out = ids.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(out);
    return out;
  }
}
