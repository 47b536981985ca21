package dev.thetaflow.sinks.delta;

import java.util.List;

/**
 * Files staged by the writers for one checkpoint, committed as one Delta transaction with version
 * {@code checkpointId} under the sink's appId.
 *
 * @param checkpointId the checkpoint the files belong to
 * @param files the staged files, possibly none
 */
public record DeltaCommittable(long checkpointId, List<DataFile> files) {
  public DeltaCommittable {
    files = List.copyOf(files);
  }
}
