package dev.thetaflow.sinks.tail;

import java.util.List;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

/**
 * Hands the one split to the first reader that asks; readers that ask while it is taken get none.
 * The split's starting version is resolved once, on the first start without state.
 */
final class TailEnumerator implements SplitEnumerator<TailSplit, TailEnumerator.State> {

  /** The split when no reader holds it, and whether the source ever made it. */
  record State(TailSplit unassigned, boolean created) {}

  private final SplitEnumeratorContext<TailSplit> context;
  private final java.util.function.Supplier<TailSplit> firstSplit;
  private TailSplit unassigned;
  private boolean created;

  TailEnumerator(
      SplitEnumeratorContext<TailSplit> context,
      java.util.function.Supplier<TailSplit> firstSplit,
      State restored) {
    this.context = context;
    this.firstSplit = firstSplit;
    this.unassigned = restored == null ? null : restored.unassigned();
    this.created = restored != null && restored.created();
  }

  @Override
  public void start() {
    if (!created) {
      unassigned = firstSplit.get();
      created = true;
    }
  }

  @Override
  public void handleSplitRequest(int subtaskId, String requesterHostname) {
    if (unassigned != null) {
      context.assignSplit(unassigned, subtaskId);
      unassigned = null;
    }
  }

  @Override
  public void addSplitsBack(List<TailSplit> splits, int subtaskId) {
    if (!splits.isEmpty()) {
      unassigned = splits.get(0);
    }
  }

  @Override
  public void addReader(int subtaskId) {}

  @Override
  public State snapshotState(long checkpointId) {
    return new State(unassigned, created);
  }

  @Override
  public void close() {}
}
