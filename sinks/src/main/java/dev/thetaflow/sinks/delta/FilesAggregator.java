package dev.thetaflow.sinks.delta;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.streaming.api.connector.sink2.CommittableMessage;
import org.apache.flink.streaming.api.connector.sink2.CommittableSummary;
import org.apache.flink.streaming.api.connector.sink2.CommittableWithLineage;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * The pre-commit step at parallelism 1: gathers every writer's staged files and, at each checkpoint
 * barrier, emits them as one committable, so each checkpoint becomes one Delta commit. Relies on
 * aligned checkpoints: everything that arrives before the barrier belongs to this checkpoint.
 * Stateless: files staged for a checkpoint that never completes are replayed by the source and
 * staged again (the old files stay unreferenced until orphan cleanup).
 */
final class FilesAggregator extends AbstractStreamOperator<CommittableMessage<DeltaCommittable>>
    implements OneInputStreamOperator<
            CommittableMessage<StagedFiles>, CommittableMessage<DeltaCommittable>>,
        BoundedOneInput {

  private final List<DataFile> pending = new ArrayList<>();
  private long lastCheckpointId;

  @Override
  public void initializeState(StateInitializationContext context) throws Exception {
    super.initializeState(context);
    lastCheckpointId = context.getRestoredCheckpointId().orElse(0L);
  }

  @Override
  public void processElement(StreamRecord<CommittableMessage<StagedFiles>> element) {
    if (element.getValue() instanceof CommittableWithLineage<StagedFiles> lineage) {
      pending.addAll(lineage.getCommittable().files());
    }
  }

  /**
   * Once every writer has ended, the operator is finished and later checkpoints no longer call
   * {@link #prepareSnapshotPreBarrier}: what arrived after the last barrier (the writers' final
   * files) is emitted now, tagged like Flink's own end-of-input committables (last checkpoint + 1),
   * and committed with the final checkpoint.
   */
  @Override
  public void endInput() {
    emit(lastCheckpointId + 1);
  }

  @Override
  public void prepareSnapshotPreBarrier(long checkpointId) {
    emit(checkpointId);
  }

  private void emit(long checkpointId) {
    lastCheckpointId = Math.max(lastCheckpointId, checkpointId);
    DeltaCommittable committable = new DeltaCommittable(checkpointId, pending);
    pending.clear();
    output.collect(new StreamRecord<>(new CommittableSummary<>(0, 1, checkpointId, 1, 0)));
    output.collect(new StreamRecord<>(new CommittableWithLineage<>(committable, checkpointId, 0)));
  }
}
