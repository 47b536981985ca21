package dev.thetaflow.sinks.delta;

import java.util.List;

/** What one writer staged since its last prepareCommit. */
public record StagedFiles(List<DataFile> files) {
  public StagedFiles {
    files = List.copyOf(files);
  }
}
