package dev.thetaflow.sinks.delta;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
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
 * aligned checkpoints: everything that arrives before the barrier belongs to this checkpoint. Files
 * staged for a checkpoint that never completes are replayed by the source and staged again (the old
 * files stay unreferenced until vacuum).
 *
 * <p>Its one piece of state is the last checkpoint id it emitted. A restored run that reaches the
 * end of its input before its first checkpoint tags its final files with that id + 1; without the
 * state the id restarted at 0, the final committable came out as checkpoint 1, the committer took
 * it for a replay of a commit the table already held, and the rows were dropped. (Flink gives a
 * stateless operator no restored checkpoint id.)
 */
final class FilesAggregator extends AbstractStreamOperator<CommittableMessage<DeltaCommittable>>
    implements OneInputStreamOperator<
            CommittableMessage<StagedFiles>, CommittableMessage<DeltaCommittable>>,
        BoundedOneInput {

  private static final ListStateDescriptor<Long> LAST_CHECKPOINT =
      new ListStateDescriptor<>("last-checkpoint-id", Long.class);

  private final List<DataFile> pending = new ArrayList<>();
  private ListState<Long> lastCheckpointState;
  private long lastCheckpointId;

  @Override
  public void initializeState(StateInitializationContext context) throws Exception {
    super.initializeState(context);
    lastCheckpointState = context.getOperatorStateStore().getListState(LAST_CHECKPOINT);
    lastCheckpointId = context.getRestoredCheckpointId().orElse(0L);
    for (Long restored : lastCheckpointState.get()) {
      lastCheckpointId = Math.max(lastCheckpointId, restored);
    }
  }

  @Override
  public void snapshotState(StateSnapshotContext context) throws Exception {
    super.snapshotState(context);
    lastCheckpointState.update(List.of(lastCheckpointId));
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
