package dev.thetaflow.sinks.delta;

import java.io.Serializable;

/**
 * What a Delta sink writes where.
 *
 * @param tablePath the table's location (a local path or a Hadoop-compatible URI)
 * @param table the table's declaration
 * @param converter record to row values
 * @param appId the sink's transaction id in the Delta log; stable across restarts of the job
 * @param rowsPerFile the writer stages a file once it buffers this many rows
 */
public record DeltaSinkSettings<T>(
    String tablePath,
    DeltaTableSpec table,
    RowConverter<T> converter,
    String appId,
    int rowsPerFile)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public DeltaSinkSettings {
    if (appId == null || appId.isBlank()) {
      throw new IllegalArgumentException("a Delta sink needs a stable appId");
    }
    if (rowsPerFile < 1) {
      throw new IllegalArgumentException("rowsPerFile must be >= 1, was " + rowsPerFile);
    }
  }
}
