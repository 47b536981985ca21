package dev.thetaflow.ib.source;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

/**
 * Hands each connection's split to a reader that asks, one split per reader; a split comes back
 * when its reader fails. State: the splits no reader holds.
 */
final class IbEnumerator implements SplitEnumerator<IbSplit, List<IbSplit>> {
  private final SplitEnumeratorContext<IbSplit> context;
  private final Deque<IbSplit> unassigned;

  IbEnumerator(SplitEnumeratorContext<IbSplit> context, List<IbSplit> unassigned) {
    this.context = context;
    this.unassigned = new ArrayDeque<>(unassigned);
  }

  @Override
  public void start() {}

  @Override
  public void handleSplitRequest(int subtaskId, String requesterHostname) {
    IbSplit next = unassigned.poll();
    if (next != null) {
      context.assignSplit(next, subtaskId);
    }
  }

  @Override
  public void addSplitsBack(List<IbSplit> splits, int subtaskId) {
    unassigned.addAll(splits);
  }

  @Override
  public void addReader(int subtaskId) {}

  @Override
  public List<IbSplit> snapshotState(long checkpointId) {
    return new ArrayList<>(unassigned);
  }

  @Override
  public void close() {}
}
