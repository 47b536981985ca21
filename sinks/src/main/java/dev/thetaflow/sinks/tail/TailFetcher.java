package dev.thetaflow.sinks.tail;

import dev.thetaflow.sinks.delta.DeltaReader;
import dev.thetaflow.sinks.delta.DeltaTables;
import io.delta.kernel.CommitActions;
import io.delta.kernel.CommitRange;
import io.delta.kernel.CommitRangeBuilder.CommitBoundary;
import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.internal.DeltaLogActionUtils.DeltaAction;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the rows added by the commits of a table from a version on. Only files added with {@code
 * dataChange = true} count: a compaction rewrites rows without adding any. The table must be
 * unpartitioned (partition values are not in the files); the commands table is.
 */
final class TailFetcher {
  private final Engine engine;
  private final String tablePath;

  /** Makes the fetcher of a table; serializable so that the source can carry it. */
  @FunctionalInterface
  interface Factory extends java.io.Serializable {
    TailFetcher create(String tablePath);
  }

  /** What one fetch found: the rows, and the last version it looked at (-1: none yet). */
  record Fetched(List<TailRow> rows, long lastVersion) {}

  TailFetcher(Engine engine, String tablePath) {
    this.engine = engine;
    this.tablePath = tablePath;
  }

  /**
   * The rows of every commit from {@code fromVersion} to the latest, the first {@code skip}
   * dropped.
   */
  Fetched fetch(long fromVersion, int skip) {
    Snapshot latest = TableManager.loadSnapshot(tablePath).build(engine);
    if (!latest.getPartitionColumnNames().isEmpty()) {
      throw new IllegalStateException(
          "table at "
              + tablePath
              + " is partitioned by "
              + latest.getPartitionColumnNames()
              + "; the tail source follows unpartitioned tables only");
    }
    if (latest.getVersion() < fromVersion) {
      return new Fetched(List.of(), fromVersion - 1);
    }
    StructType schema = latest.getSchema();
    List<String> columns = schema.fieldNames();
    CommitRange range =
        TableManager.loadCommitRange(tablePath, CommitBoundary.atVersion(fromVersion))
            .withEndBoundary(CommitBoundary.atVersion(latest.getVersion()))
            .build(engine);
    List<TailRow> out = new ArrayList<>();
    try (CloseableIterator<CommitActions> commits =
        range.getCommitActions(engine, Set.of(DeltaAction.ADD))) {
      while (commits.hasNext()) {
        try (CommitActions commit = commits.next()) {
          List<Object[]> rows = new ArrayList<>();
          for (FileStatus file : addedFiles(commit)) {
            readFile(file, schema, rows);
          }
          long version = commit.getVersion();
          int first = version == fromVersion ? skip : 0;
          for (int i = first; i < rows.size(); i++) {
            out.add(
                new TailRow(
                    version,
                    Instant.ofEpochMilli(commit.getTimestamp()),
                    i,
                    i == rows.size() - 1,
                    columns,
                    rows.get(i)));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("following table at " + tablePath + " failed", e);
    } catch (Exception e) {
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("following table at " + tablePath + " failed", e);
    }
    return new Fetched(out, latest.getVersion());
  }

  /** The data files a commit added, in log order. */
  private List<FileStatus> addedFiles(CommitActions commit) throws IOException {
    List<FileStatus> files = new ArrayList<>();
    try (CloseableIterator<ColumnarBatch> batches = commit.getActions()) {
      while (batches.hasNext()) {
        ColumnarBatch batch = batches.next();
        int addOrdinal = batch.getSchema().indexOf("add");
        ColumnVector add = batch.getColumnVector(addOrdinal);
        StructType addType = (StructType) add.getDataType();
        ColumnVector path = add.getChild(addType.indexOf("path"));
        ColumnVector size = add.getChild(addType.indexOf("size"));
        ColumnVector modified = add.getChild(addType.indexOf("modificationTime"));
        ColumnVector dataChange = add.getChild(addType.indexOf("dataChange"));
        for (int r = 0; r < batch.getSize(); r++) {
          if (add.isNullAt(r) || !dataChange.getBoolean(r)) {
            continue;
          }
          files.add(
              FileStatus.of(absolute(path.getString(r)), size.getLong(r), modified.getLong(r)));
        }
      }
    }
    return files;
  }

  private String absolute(String path) {
    try {
      URI uri = new URI(path);
      if (uri.isAbsolute()) {
        return path;
      }
      String root = tablePath.endsWith("/") ? tablePath : tablePath + "/";
      URI base = root.contains(":") ? new URI(root) : new java.io.File(root).toURI();
      return base.resolve(uri).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("table at " + tablePath + ": bad file path " + path, e);
    }
  }

  private void readFile(FileStatus file, StructType schema, List<Object[]> rows)
      throws IOException {
    CloseableIterator<FileStatus> files = DeltaTables.iterator(List.of(file));
    try (var data = engine.getParquetHandler().readParquetFiles(files, schema, Optional.empty())) {
      while (data.hasNext()) {
        ColumnarBatch batch = data.next().getData();
        for (int r = 0; r < batch.getSize(); r++) {
          Object[] row = new Object[schema.length()];
          for (int c = 0; c < row.length; c++) {
            row[c] = DeltaReader.value(batch.getColumnVector(c), r);
          }
          rows.add(row);
        }
      }
    }
  }
}
