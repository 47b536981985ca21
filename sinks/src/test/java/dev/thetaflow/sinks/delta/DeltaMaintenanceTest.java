package dev.thetaflow.sinks.delta;

import static dev.thetaflow.sinks.delta.DeltaTablesTest.TRADES;
import static dev.thetaflow.sinks.delta.DeltaTablesTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.delta.standalone.DeltaLog;
import io.delta.standalone.actions.AddFile;
import io.delta.standalone.actions.RemoveFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compaction keeps every row and time travel; vacuum deletes only what no version needs. */
class DeltaMaintenanceTest {
  private static final LocalDate FIRST = LocalDate.of(2026, 11, 23); // rows(): FIRST + id % 3

  @TempDir Path dir;

  private final DeltaTables tables = DeltaTables.withDefaultEngine();
  private final DeltaReader reader = new DeltaReader(tables.engine());
  private final DeltaMaintenance maintenance = new DeltaMaintenance(tables);

  private static Set<Long> ids(List<Object[]> rows) {
    return rows.stream().map(r -> (Long) r[1]).collect(Collectors.toSet());
  }

  private Map<String, Long> filesPerPartition(String path) {
    return DeltaLog.forTable(DeltaTables.hadoopConfiguration(), path)
        .update()
        .getAllFiles()
        .stream()
        .collect(
            Collectors.groupingBy(
                f -> f.getPartitionValues().get("trade_date"), Collectors.counting()));
  }

  private static void age(Path file, Duration ago) throws IOException {
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(ago)));
  }

  private static List<Path> dataFiles(String path) throws IOException {
    try (Stream<Path> s = Files.walk(Path.of(path))) {
      return s.filter(
              p -> p.toString().endsWith(".parquet") && !p.toString().contains("_delta_log"))
          .sorted(Comparator.naturalOrder())
          .toList();
    }
  }

  @Test
  void compactionRewritesSmallFilesOfClosedPartitionsAndVacuumHonoursRetention() throws Exception {
    String path = dir.resolve("trades").toString();
    tables.createIfMissing(path, TRADES);
    for (int v = 1; v <= 6; v++) {
      tables.append(path, TRADES, rows(v * 100, 30), "m", v);
    }
    assertThat(filesPerPartition(path)).containsValues(6L, 6L, 6L);
    List<Path> before = dataFiles(path);
    for (Path f : before) {
      age(f, Duration.ofHours(3));
    }
    for (int v = 0; v <= 6; v++) {
      age(Path.of(path, "_delta_log", String.format("%020d.json", v)), Duration.ofHours(3));
    }
    List<Object[]> expected = reader.table(path).read().rows();

    // the third day is still open: only the first two are rewritten
    DeltaMaintenance.Compaction c = maintenance.compact(path, TRADES, FIRST.plusDays(2), 1 << 20);
    assertThat(c).isEqualTo(new DeltaMaintenance.Compaction(7, 2, 12, 2, 120));
    assertThat(filesPerPartition(path))
        .containsEntry(FIRST.toString(), 1L)
        .containsEntry(FIRST.plusDays(1).toString(), 1L)
        .containsEntry(FIRST.plusDays(2).toString(), 6L);
    assertThat(ids(reader.table(path).read().rows())).isEqualTo(ids(expected)).hasSize(180);
    assertThat(reader.table(path).read().rows()).hasSize(180);
    assertThat(reader.table(path).atVersion(6).read().rows()).hasSize(180);

    // the commit moves rows between files and says so: no data change for streaming readers
    DeltaLog log = DeltaLog.forTable(DeltaTables.hadoopConfiguration(), path);
    var changes = log.getChanges(7, true).next().getActions();
    assertThat(changes.stream().filter(a -> a instanceof AddFile).map(a -> (AddFile) a))
        .hasSize(2)
        .allSatisfy(a -> assertThat(a.isDataChange()).isFalse());
    assertThat(changes.stream().filter(a -> a instanceof RemoveFile).map(a -> (RemoveFile) a))
        .hasSize(12)
        .allSatisfy(r -> assertThat(r.isDataChange()).isFalse());
    assertThat(maintenance.compact(path, TRADES, FIRST.plusDays(2), 1 << 20).version())
        .as("nothing left to compact")
        .isEqualTo(-1);

    // an orphan: staged for a checkpoint that never committed
    List<DataFile> orphan = tables.stage(path, TRADES, rows(5000, 1));
    Path orphanFile = Path.of(java.net.URI.create(orphan.get(0).path()));
    age(orphanFile, Duration.ofHours(3));
    List<DataFile> youngOrphan = tables.stage(path, TRADES, rows(6000, 1));
    age(Path.of(path, "_delta_log", String.format("%020d.json", 7)), Duration.ofHours(2));
    for (Path f : dataFiles(path)) {
      if (!before.contains(f) && !f.equals(orphanFile)) {
        age(f, Duration.ofMinutes(150)); // compaction output; the young orphan stays young
      }
    }
    age(Path.of(java.net.URI.create(youngOrphan.get(0).path())), Duration.ofMinutes(1));

    // retention 2.5 h: version 6 was current then, its files stay for time travel
    DeltaMaintenance.Vacuum keep = maintenance.vacuum(path, Duration.ofMinutes(150), false);
    assertThat(keep.deleted()).containsExactly(Path.of(path).relativize(orphanFile).toString());
    assertThat(keep.kept()).isEqualTo(1);
    assertThat(reader.table(path).atVersion(6).read().rows()).hasSize(180);

    // retention 1 h: only version 7 matters; the twelve replaced files go, on a dry run first
    DeltaMaintenance.Vacuum dry = maintenance.vacuum(path, Duration.ofHours(1), true);
    assertThat(dry.deleted()).hasSize(12);
    assertThat(dataFiles(path)).hasSize(before.size() + 2 + 1);
    DeltaMaintenance.Vacuum gone = maintenance.vacuum(path, Duration.ofHours(1), false);
    assertThat(gone.deleted()).hasSize(12);
    assertThat(gone.bytes()).isPositive();
    assertThat(ids(reader.table(path).read().rows())).isEqualTo(ids(expected));
    long standaloneRows = 0;
    try (var it = DeltaLog.forTable(DeltaTables.hadoopConfiguration(), path).update().open()) {
      while (it.hasNext()) {
        it.next();
        standaloneRows++;
      }
    }
    assertThat(standaloneRows).isEqualTo(180);

    assertThatThrownBy(() -> maintenance.vacuum(path, Duration.ofMinutes(5), true))
        .hasMessageContaining("at least 1h");
  }
}
