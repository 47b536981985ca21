package dev.thetaflow.sinks.delta;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.metrics.Counter;

/**
 * Buffers rows and stages them as Parquet files at each checkpoint (or sooner, when the buffer
 * reaches its row limit). Kernel's writer pulls a whole batch per call, so a file cannot stay open
 * across {@code write} calls: the row limit bounds memory, Kernel rolls a new file when one reaches
 * the target size, and compaction merges the small files checkpoints leave behind.
 */
final class DeltaSinkWriter<T> implements CommittingSinkWriter<T, StagedFiles> {
  private final DeltaSinkSettings<T> settings;
  private final DeltaTables tables;
  private final List<Object[]> buffer = new ArrayList<>();
  private final List<DataFile> staged = new ArrayList<>();
  private final Counter rowsOut;
  private final Counter filesOut;
  private final Counter bytesOut;

  DeltaSinkWriter(
      DeltaSinkSettings<T> settings,
      DeltaTables tables,
      Counter rowsOut,
      Counter filesOut,
      Counter bytesOut) {
    this.settings = settings;
    this.tables = tables;
    this.rowsOut = rowsOut;
    this.filesOut = filesOut;
    this.bytesOut = bytesOut;
  }

  @Override
  public void write(T element, Context context) {
    Object[] row = settings.converter().toRow(element);
    RowBatch.check(settings.table(), row); // a misfit fails here, naming the column, not at commit
    buffer.add(row);
    if (buffer.size() >= settings.rowsPerFile()) {
      stage();
    }
  }

  @Override
  public void flush(boolean endOfInput) {
    stage();
  }

  @Override
  public Collection<StagedFiles> prepareCommit() {
    stage();
    StagedFiles out = new StagedFiles(staged);
    staged.clear();
    return List.of(out);
  }

  private void stage() {
    if (buffer.isEmpty()) {
      return;
    }
    List<DataFile> files = tables.stageChecked(settings.tablePath(), settings.table(), buffer);
    rowsOut.inc(buffer.size());
    filesOut.inc(files.size());
    for (DataFile f : files) {
      bytesOut.inc(f.size());
    }
    staged.addAll(files);
    buffer.clear();
  }

  @Override
  public void close() {}
}
