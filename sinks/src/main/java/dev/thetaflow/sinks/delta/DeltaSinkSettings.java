package dev.thetaflow.sinks.delta;

import java.io.Serializable;

/**
 * What a Delta sink writes where.
 *
 * @param tablePath the table's location (a local path or a Hadoop-compatible URI)
 * @param table the table's declaration
 * @param converter record to row values
 * @param appId the sink's transaction id in the Delta log; stable across restarts of the job
 * @param rowsPerFile the writer stages its buffer once it holds this many rows (bounds memory)
 * @param targetFileBytes a staged file is closed and the next one started at this size
 */
public record DeltaSinkSettings<T>(
    String tablePath,
    DeltaTableSpec table,
    RowConverter<T> converter,
    String appId,
    int rowsPerFile,
    long targetFileBytes)
    implements Serializable {

  /** Files of up to 128 MiB. */
  public static final long DEFAULT_TARGET_FILE_BYTES = 128L << 20;

  private static final long serialVersionUID = 1L;

  public DeltaSinkSettings {
    if (appId == null || appId.isBlank()) {
      throw new IllegalArgumentException("a Delta sink needs a stable appId");
    }
    if (rowsPerFile < 1) {
      throw new IllegalArgumentException("rowsPerFile must be >= 1, was " + rowsPerFile);
    }
    if (targetFileBytes < 1024) {
      throw new IllegalArgumentException("targetFileBytes must be >= 1024, was " + targetFileBytes);
    }
  }

  public DeltaSinkSettings(
      String tablePath,
      DeltaTableSpec table,
      RowConverter<T> converter,
      String appId,
      int rowsPerFile) {
    this(tablePath, table, converter, appId, rowsPerFile, DEFAULT_TARGET_FILE_BYTES);
  }
}
