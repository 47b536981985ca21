package dev.thetaflow.sinks.delta;

import java.util.Map;

/**
 * A Parquet file written but not yet committed: what a commit needs to add it to the table.
 *
 * @param path absolute URI of the file
 * @param size bytes
 * @param modificationTime milliseconds since the epoch
 * @param statisticsJson Kernel's statistics of the file (min/max/null counts), as JSON
 * @param partitionValues partition column → value as text (a date as yyyy-MM-dd)
 */
public record DataFile(
    String path,
    long size,
    long modificationTime,
    String statisticsJson,
    Map<String, String> partitionValues) {

  public DataFile {
    partitionValues = Map.copyOf(partitionValues);
  }
}
