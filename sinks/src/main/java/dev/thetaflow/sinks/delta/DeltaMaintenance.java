package dev.thetaflow.sinks.delta;

import io.delta.kernel.Operation;
import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.Transaction;
import io.delta.kernel.TransactionCommitResult;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.actions.AddFile;
import io.delta.kernel.internal.actions.SingleAction;
import io.delta.kernel.internal.data.TransactionStateRow;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterable;
import io.delta.kernel.utils.CloseableIterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Keeping a table that is written every few seconds healthy: compaction rewrites the small files of
 * closed partitions into files near a target size, in one commit that changes no data ({@code
 * dataChange = false}, so streaming readers do not see the rows again); vacuum deletes files no
 * version within the retention period refers to, such as files staged for a checkpoint that never
 * completed, or files a compaction replaced.
 */
public final class DeltaMaintenance {
  private final DeltaTables tables;
  private final Engine engine;

  public DeltaMaintenance(DeltaTables tables) {
    this.tables = tables;
    this.engine = tables.engine();
  }

  /**
   * What a compaction did.
   *
   * @param version the version it committed, or -1 when there was nothing to compact
   * @param partitions partitions rewritten
   * @param filesRemoved files replaced
   * @param filesAdded files written
   * @param rows rows rewritten
   */
  public record Compaction(
      long version, int partitions, int filesRemoved, int filesAdded, long rows) {}

  /**
   * Rewrites every partition of {@code table} whose {@code trade_date} is before {@code
   * closedBefore} and that holds two or more files smaller than {@code targetFileBytes}, into files
   * of about that size, in one commit. The rows do not change; only the files do.
   */
  public Compaction compact(
      String path, DeltaTableSpec table, LocalDate closedBefore, long targetFileBytes) {
    if (!table.partitionColumns().equals(List.of("trade_date"))) {
      throw new IllegalArgumentException(
          "table "
              + table.name()
              + " is not partitioned by trade_date: it has no closed partitions to compact");
    }
    if (targetFileBytes < 1024) {
      throw new IllegalArgumentException(
          "target file size must be at least 1 KiB, was " + targetFileBytes);
    }
    Snapshot snapshot = TableManager.loadSnapshot(path).build(engine);
    Map<String, List<Row>> filesByDate = new LinkedHashMap<>();
    Scan scan =
        snapshot
            .getScanBuilder()
            .withFilter(
                new Predicate(
                    "<", new Column("trade_date"), Literal.ofDate((int) closedBefore.toEpochDay())))
            .build();
    try (CloseableIterator<FilteredColumnarBatch> batches = scan.getScanFiles(engine)) {
      while (batches.hasNext()) {
        try (CloseableIterator<Row> files = batches.next().getRows()) {
          while (files.hasNext()) {
            Row file = files.next();
            String date = InternalScanFileUtils.getPartitionValues(file).get("trade_date");
            filesByDate.computeIfAbsent(date, d -> new ArrayList<>()).add(file);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("table " + table.name() + ": listing files failed", e);
    }

    Transaction txn =
        snapshot
            .buildUpdateTableTransaction(DeltaTables.ENGINE_INFO, Operation.MANUAL_UPDATE)
            .build(engine);
    Row state = txn.getTransactionState(engine);
    URI tableRoot =
        new io.delta.kernel.internal.fs.Path(TransactionStateRow.getTablePath(state)).toUri();
    StructType physical = DeltaTables.physicalSchema(table);
    DeltaReader reader = new DeltaReader(engine);
    List<Row> actions = new ArrayList<>();
    int partitions = 0;
    int removed = 0;
    int added = 0;
    long rows = 0;
    long now = System.currentTimeMillis();
    for (Map.Entry<String, List<Row>> partition : filesByDate.entrySet()) {
      List<Row> files = partition.getValue();
      long small =
          files.stream()
              .filter(f -> InternalScanFileUtils.getAddFileStatus(f).getSize() < targetFileBytes)
              .count();
      if (small < 2) {
        continue;
      }
      LocalDate date = LocalDate.parse(partition.getKey());
      List<Object[]> content =
          reader
              .table(path)
              .atVersion(snapshot.getVersion())
              .wherePartition("trade_date", date)
              .read()
              .rows();
      long bytes =
          files.stream().mapToLong(f -> InternalScanFileUtils.getAddFileStatus(f).getSize()).sum();
      int rowsPerFile =
          (int)
              Math.max(
                  1,
                  Math.min(
                      Integer.MAX_VALUE, targetFileBytes * content.size() / Math.max(1, bytes)));
      List<DataFile> written = new ArrayList<>();
      for (int from = 0; from < content.size(); from += rowsPerFile) {
        written.addAll(
            tables.stage(
                path, table, content.subList(from, Math.min(content.size(), from + rowsPerFile))));
      }
      for (DataFile f : written) {
        Map<String, Literal> values = DeltaTables.literals(table, f.partitionValues());
        AddFile add =
            AddFile.convertDataFileStatus(
                physical,
                tableRoot,
                DeltaTables.status(f, physical),
                values,
                false, // dataChange: the same rows in other files
                Map.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        actions.add(SingleAction.createAddFileSingleAction(add.toRow()));
      }
      for (Row f : files) {
        AddFile old = new AddFile(f.getStruct(InternalScanFileUtils.ADD_FILE_ORDINAL));
        actions.add(
            SingleAction.createRemoveFileSingleAction(
                old.toRemoveFileRow(false, Optional.of(now))));
      }
      partitions++;
      removed += files.size();
      added += written.size();
      rows += content.size();
    }
    if (actions.isEmpty()) {
      return new Compaction(-1, 0, 0, 0, 0);
    }
    TransactionCommitResult result =
        txn.commit(engine, CloseableIterable.inMemoryIterable(DeltaTables.iterator(actions)));
    tables.runPostCommitHooks(table, result);
    return new Compaction(result.getVersion(), partitions, removed, added, rows);
  }

  /**
   * What a vacuum found.
   *
   * @param deleted files deleted (or that would be, on a dry run)
   * @param bytes their size
   * @param kept unreferenced files kept because they are younger than the retention
   */
  public record Vacuum(List<String> deleted, long bytes, int kept) {}

  /**
   * Deletes the data files of a local table that neither the latest version nor the version current
   * {@code retention} ago refers to, and that are older than {@code retention}: files of
   * checkpoints that never committed, files replaced by compaction. Time travel stays possible for
   * the retention period. Only local tables (a path or a file: URI).
   */
  public Vacuum vacuum(String path, Duration retention, boolean dryRun) {
    if (retention.compareTo(Duration.ofHours(1)) < 0) {
      throw new IllegalArgumentException(
          "vacuum retention must be at least 1h (a running job's staged files are younger), was "
              + retention);
    }
    Path root = localRoot(path);
    Instant cutoff = Instant.now().minus(retention);
    Snapshot latest = TableManager.loadSnapshot(path).build(engine);
    Set<Path> referenced = referencedFiles(latest, root);
    if (latest.getTimestamp(engine) > cutoff.toEpochMilli()) {
      try {
        Snapshot then =
            TableManager.loadSnapshot(path)
                .atTimestamp(cutoff.toEpochMilli(), latest)
                .build(engine);
        referenced.addAll(referencedFiles(then, root));
      } catch (RuntimeException tableYoungerThanRetention) {
        // no version is as old as the cutoff: every removed file is younger than the retention
        // too, and the age rule below keeps it
      }
    }
    List<String> deleted = new ArrayList<>();
    long bytes = 0;
    int kept = 0;
    try (Stream<Path> all = Files.walk(root)) {
      for (Path file : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
        Path relative = root.relativize(file);
        if (relative.startsWith("_delta_log")
            || !file.getFileName().toString().endsWith(".parquet")) {
          continue;
        }
        if (referenced.contains(file.normalize())) {
          continue;
        }
        if (Files.getLastModifiedTime(file).toInstant().isAfter(cutoff)) {
          kept++;
          continue;
        }
        bytes += Files.size(file);
        deleted.add(relative.toString());
        if (!dryRun) {
          Files.delete(file);
          // Hadoop's checksum sidecar, from tables written before the NIO file system
          Files.deleteIfExists(file.resolveSibling("." + file.getFileName() + ".crc"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("vacuum of " + path + " failed", e);
    }
    return new Vacuum(deleted, bytes, kept);
  }

  private Set<Path> referencedFiles(Snapshot snapshot, Path root) {
    Set<Path> out = new HashSet<>();
    try (CloseableIterator<FilteredColumnarBatch> batches =
        snapshot.getScanBuilder().build().getScanFiles(engine)) {
      while (batches.hasNext()) {
        try (CloseableIterator<Row> files = batches.next().getRows()) {
          while (files.hasNext()) {
            String file = InternalScanFileUtils.getAddFileStatus(files.next()).getPath();
            out.add(localRoot(file).normalize());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("listing the files of " + snapshot.getPath() + " failed", e);
    }
    return out;
  }

  private static Path localRoot(String path) {
    if (path.startsWith("file:")) {
      return Paths.get(URI.create(path.replaceFirst("^file:/+", "file:///")));
    }
    if (path.contains("://")) {
      throw new IllegalArgumentException(
          "vacuum works on local tables only; " + path + " is not local");
    }
    return Paths.get(path).toAbsolutePath();
  }
}
