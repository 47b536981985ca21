package dev.thetaflow.sinks.delta;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.connector.sink2.CommittableMessage;
import org.apache.flink.streaming.api.connector.sink2.CommittableSummary;
import org.apache.flink.streaming.api.connector.sink2.CommittableWithLineage;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
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
        CommittableMessage<StagedFiles>, CommittableMessage<DeltaCommittable>> {

  private final List<DataFile> pending = new ArrayList<>();

  @Override
  public void processElement(StreamRecord<CommittableMessage<StagedFiles>> element) {
    if (element.getValue() instanceof CommittableWithLineage<StagedFiles> lineage) {
      pending.addAll(lineage.getCommittable().files());
    }
  }

  @Override
  public void prepareSnapshotPreBarrier(long checkpointId) {
    DeltaCommittable committable = new DeltaCommittable(checkpointId, pending);
    pending.clear();
    output.collect(new StreamRecord<>(new CommittableSummary<>(0, 1, checkpointId, 1, 0)));
    output.collect(new StreamRecord<>(new CommittableWithLineage<>(committable, checkpointId, 0)));
  }
}
