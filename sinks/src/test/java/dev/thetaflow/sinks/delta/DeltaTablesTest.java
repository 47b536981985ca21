package dev.thetaflow.sinks.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampType;
import io.delta.standalone.DeltaLog;
import io.delta.standalone.data.CloseableIterator;
import io.delta.standalone.data.RowRecord;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kernel writes, Delta Standalone 3.3.2 (a separate implementation of the protocol) reads: the
 * rows, the partitions, the versions and the transaction ids must agree.
 */
public class DeltaTablesTest {
  public static final DeltaTableSpec TRADES =
      new DeltaTableSpec(
          "trades_test",
          new StructType()
              .add("trade_date", DateType.DATE, false)
              .add("id", LongType.LONG, false)
              .add("symbol", StringType.STRING, false)
              .add("price", DoubleType.DOUBLE, false)
              .add("qty", IntegerType.INTEGER, true)
              .add("event_time", TimestampType.TIMESTAMP, false),
          List.of("trade_date"),
          Map.of("delta.checkpointInterval", "3"));

  @TempDir Path dir;

  private final DeltaTables tables = DeltaTables.withDefaultEngine();

  static List<Object[]> rows(int from, int count) {
    List<Object[]> out = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      out.add(
          new Object[] {
            LocalDate.of(2026, 11, 23).plusDays(i % 3),
            (long) i,
            i % 2 == 0 ? "SPY" : "QQQ",
            i * 0.25,
            i % 5 == 0 ? null : i % 7,
            Instant.parse("2026-11-23T14:30:00Z").plusMillis(i)
          });
    }
    return out;
  }

  @Test
  void appendsAreReadByStandaloneWithTheSameRowsPartitionsAndVersions() {
    String path = dir.resolve("trades").toString();
    assertThat(tables.createIfMissing(path, TRADES)).isTrue();
    assertThat(tables.createIfMissing(path, TRADES)).isFalse();
    assertThat(tables.append(path, TRADES, rows(0, 600), "sink-a", 1)).contains(1L);
    assertThat(tables.append(path, TRADES, rows(600, 400), "sink-a", 2)).contains(2L);

    DeltaLog log = DeltaLog.forTable(DeltaTables.hadoopConfiguration(), path);
    var snapshot = log.update();
    assertThat(snapshot.getVersion()).isEqualTo(2);
    assertThat(log.startTransaction().txnVersion("sink-a")).isEqualTo(2);
    Set<String> partitions = new HashSet<>();
    snapshot.getAllFiles().forEach(f -> partitions.add(f.getPartitionValues().get("trade_date")));
    assertThat(partitions).containsExactlyInAnyOrder("2026-11-23", "2026-11-24", "2026-11-25");

    long count = 0;
    long idSum = 0;
    Set<Long> ids = new HashSet<>();
    int nullQty = 0;
    try (CloseableIterator<RowRecord> it = snapshot.open()) {
      while (it.hasNext()) {
        RowRecord r = it.next();
        long id = r.getLong("id");
        count++;
        idSum += id;
        ids.add(id);
        assertThat(r.getDouble("price")).isEqualTo(id * 0.25);
        assertThat(r.getString("symbol")).isEqualTo(id % 2 == 0 ? "SPY" : "QQQ");
        assertThat(r.getDate("trade_date").toLocalDate())
            .isEqualTo(LocalDate.of(2026, 11, 23).plusDays(id % 3));
        // Not read here: Standalone 3.3.2's parquet4s cannot decode the INT64 (microsecond)
        // timestamps Kernel writes (MatchError on LongValue); eventTimesInTheFiles() checks them.
        if (r.isNullAt("qty")) {
          nullQty++;
        } else {
          assertThat(r.getInt("qty")).isEqualTo((int) (id % 7));
        }
      }
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    assertThat(eventTimesInTheFiles(path, snapshot))
        .hasSize(1_000)
        .allSatisfy(
            micros -> {
              Instant t = Instant.EPOCH.plus(micros, java.time.temporal.ChronoUnit.MICROS);
              assertThat(t)
                  .isBetween(
                      Instant.parse("2026-11-23T14:30:00Z"), Instant.parse("2026-11-23T14:30:01Z"));
            });
    assertThat(count).isEqualTo(1_000);
    assertThat(ids).hasSize(1_000);
    assertThat(idSum).isEqualTo(999L * 1_000 / 2);
    assertThat(nullQty).isEqualTo(200);
  }

  /** event_time of every row, read from the data files Standalone lists, by Kernel's reader. */
  private List<Long> eventTimesInTheFiles(String path, io.delta.standalone.Snapshot snapshot) {
    StructType eventTime = new StructType().add("event_time", TimestampType.TIMESTAMP, false);
    List<Long> out = new ArrayList<>();
    for (var file : snapshot.getAllFiles()) {
      String absolute = new File(path, file.getPath()).toURI().toString();
      var status =
          io.delta.kernel.utils.FileStatus.of(absolute, file.getSize(), file.getModificationTime());
      try (var results =
          tables
              .engine()
              .getParquetHandler()
              .readParquetFiles(
                  DeltaTables.iterator(List.of(status)), eventTime, java.util.Optional.empty())) {
        while (results.hasNext()) {
          var batch = results.next().getData();
          var vector = batch.getColumnVector(0);
          for (int i = 0; i < batch.getSize(); i++) {
            out.add(vector.getLong(i));
          }
        }
      } catch (java.io.IOException e) {
        throw new AssertionError(e);
      }
    }
    return out;
  }

  @Test
  void anAppendAlreadyCommittedIsSkippedAndTheLogGetsCheckpointed() {
    String path = dir.resolve("idempotent").toString();
    tables.createIfMissing(path, TRADES);
    for (long v = 1; v <= 4; v++) {
      assertThat(tables.append(path, TRADES, rows((int) v * 10, 10), "sink-b", v)).contains(v);
    }
    assertThat(tables.append(path, TRADES, rows(10, 10), "sink-b", 2)).isEmpty(); // a replay
    assertThat(tables.append(path, TRADES, rows(40, 10), "sink-b", 4)).isEmpty();
    var snapshot = DeltaLog.forTable(DeltaTables.hadoopConfiguration(), path).update();
    assertThat(snapshot.getVersion()).isEqualTo(4);
    assertThat(snapshot.getAllFiles().stream().mapToLong(f -> f.getSize()).sum()).isPositive();
    // checkpointInterval 3: Kernel returned the checkpoint hook at version 3 and we ran it
    assertThat(new File(path, "_delta_log/00000000000000000003.checkpoint.parquet")).exists();
  }

  @Test
  void aRowThatDoesNotFitNamesTableColumnAndValueAndWritesNothing() {
    String path = dir.resolve("strict").toString();
    tables.createIfMissing(path, TRADES);
    List<Object[]> bad = rows(0, 5);
    bad.get(3)[3] = "5.10";
    assertThatThrownBy(() -> tables.append(path, TRADES, bad, "sink-c", 1))
        .hasMessage("table trades_test, column price: expected Double for double, got String 5.10");
    List<Object[]> nullId = rows(0, 2);
    nullId.get(1)[1] = null;
    assertThatThrownBy(() -> tables.append(path, TRADES, nullId, "sink-c", 1))
        .hasMessage("table trades_test, column id: null in a non-null column");
    assertThatThrownBy(
            () -> tables.append(path, TRADES, List.<Object[]>of(new Object[] {1L}), "sink-c", 1))
        .hasMessageContaining("table trades_test: a row has 1 values, the schema has 6 columns");
    List<Object[]> nan = rows(0, 1);
    nan.get(0)[3] = Double.NaN;
    assertThatThrownBy(() -> tables.append(path, TRADES, nan, "sink-c", 1))
        .hasMessageContaining("column price: NaN is not finite");
    assertThat(DeltaLog.forTable(DeltaTables.hadoopConfiguration(), path).update().getVersion())
        .isZero();
    assertThat(dir.resolve("strict").toFile().list((d, n) -> n.startsWith("trade_date=")))
        .isEmpty();
  }

  @Test
  void stagedFilesRollAtTheTargetSize() {
    String path = dir.resolve("rolling").toString();
    DeltaTables small = DeltaTables.withTargetFileSize(64 << 10);
    small.createIfMissing(path, TRADES);
    List<Object[]> oneDay = new ArrayList<>();
    for (Object[] row : rows(0, 60_000)) {
      if (row[0].equals(LocalDate.of(2026, 11, 23))) {
        oneDay.add(row);
      }
    }
    List<DataFile> files = small.stage(path, TRADES, oneDay);
    assertThat(files).hasSizeGreaterThan(3);
    // Parquet checks the size between rows, after buffering a page: a file ends near the target
    assertThat(files).allSatisfy(f -> assertThat(f.size()).isLessThan(3 * (64 << 10)));
    small.commit(path, TRADES, files, "roll", 1);
    assertThat(new DeltaReader(small.engine()).table(path).read().rows()).hasSize(20_000);
  }

  @Test
  void aNullableColumnIsAddedAndOldRowsReadItAsNull() throws Exception {
    String path = dir.resolve("evolving").toString();
    tables.createIfMissing(path, TRADES);
    tables.append(path, TRADES, rows(0, 6), "e", 1);
    DeltaTableSpec wider =
        new DeltaTableSpec(
            TRADES.name(),
            TRADES.schema().add("venue", StringType.STRING, true),
            TRADES.partitionColumns(),
            TRADES.properties());
    assertThat(tables.evolveSchema(path, wider)).isTrue();
    assertThat(tables.evolveSchema(path, wider)).isFalse();
    List<Object[]> newer = new ArrayList<>();
    for (Object[] row : rows(6, 3)) {
      Object[] r = java.util.Arrays.copyOf(row, row.length + 1);
      r[row.length] = "CBOE";
      newer.add(r);
    }
    tables.append(path, wider, newer, "e", 2);

    var read = new DeltaReader(tables.engine()).table(path).read();
    assertThat(read.rows()).hasSize(9);
    int venue = read.column("venue");
    assertThat(read.rows())
        .allSatisfy(r -> assertThat(r[venue]).isEqualTo((Long) r[1] < 6 ? null : "CBOE"));
    long standaloneVenues = 0;
    try (CloseableIterator<RowRecord> it =
        DeltaLog.forTable(DeltaTables.hadoopConfiguration(), path).update().open()) {
      while (it.hasNext()) {
        RowRecord r = it.next();
        if (!r.isNullAt("venue")) {
          assertThat(r.getString("venue")).isEqualTo("CBOE");
          standaloneVenues++;
        }
      }
    }
    assertThat(standaloneVenues).isEqualTo(3);

    DeltaTableSpec retyped =
        new DeltaTableSpec(
            TRADES.name(),
            new StructType()
                .add("trade_date", DateType.DATE, false)
                .add("id", StringType.STRING, false),
            TRADES.partitionColumns(),
            TRADES.properties());
    assertThatThrownBy(() -> tables.evolveSchema(path, retyped))
        .hasMessageContaining("does not extend the table's")
        .hasMessageContaining("only that evolution is automatic");
  }
}
