package dev.thetaflow.jobs.bench;

import dev.thetaflow.core.broker.BrokerEvent;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;

/**
 * Chained to the replay source, it passes events through and notes when each checkpoint starts (its
 * barrier leaves the source right before this snapshot) and when the source hears that it completed
 * or was aborted. A latency sample whose emission–output interval meets that window overlapped the
 * checkpoint, its alignment included.
 */
final class CheckpointMarker
    implements MapFunction<BrokerEvent, BrokerEvent>, CheckpointedFunction, CheckpointListener {
  private static final long serialVersionUID = 1L;

  private final String runId;

  CheckpointMarker(String runId) {
    this.runId = runId;
  }

  @Override
  public BrokerEvent map(BrokerEvent e) {
    return e;
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) {
    BenchRun.get(runId).checkpointTriggered(context.getCheckpointId(), BenchRun.nowMicros());
  }

  @Override
  public void initializeState(FunctionInitializationContext context) {}

  @Override
  public void notifyCheckpointComplete(long checkpointId) {
    BenchRun.get(runId).checkpointEnded(checkpointId, BenchRun.nowMicros());
  }

  @Override
  public void notifyCheckpointAborted(long checkpointId) {
    BenchRun.get(runId).checkpointEnded(checkpointId, BenchRun.nowMicros());
  }
}
