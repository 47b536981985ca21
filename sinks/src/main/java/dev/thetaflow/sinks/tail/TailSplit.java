package dev.thetaflow.sinks.tail;

import org.apache.flink.api.connector.source.SourceSplit;

/**
 * The one split of a tail source: the table and the position of the next row to emit, {@code
 * skipRows} rows into commit {@code version}.
 */
public record TailSplit(String tablePath, long version, int skipRows) implements SourceSplit {

  public TailSplit {
    if (version < 0 || skipRows < 0) {
      throw new IllegalArgumentException(
          "tail position must be non-negative, was version " + version + " row " + skipRows);
    }
  }

  @Override
  public String splitId() {
    return tablePath;
  }
}
