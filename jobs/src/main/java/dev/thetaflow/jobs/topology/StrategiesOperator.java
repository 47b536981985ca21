package dev.thetaflow.jobs.topology;

import java.util.List;
import org.apache.flink.runtime.state.KeyGroupRange;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * {@link StrategyOperator} as Flink runs it, keyed by strategy id, plus one thing Flink's keyed
 * broadcast operator does not do: a {@link StrategyBroadcast.Quoted} (one record per subtask for
 * all holders of an instrument) becomes a {@link StrategyInput.Mark} for each holder whose key this
 * subtask owns, under that holder's key. An option quote reaches ~9 strategies and an underlying's
 * hundreds; one record per holder through the network was most of the pipeline's cost per quote.
 */
public final class StrategiesOperator
    extends CoBroadcastWithKeyedOperator<
        String, StrategyInput, StrategyBroadcast, StrategySnapshot> {
  private static final long serialVersionUID = 1L;

  private transient StreamRecord<StrategyInput> mark;
  private transient KeyGroupRange owned;
  private transient int keyGroups;

  public StrategiesOperator(StrategyOperator strategies) {
    super(strategies, List.of(StrategyOperator.SWITCHES, StrategyOperator.MARKET));
  }

  @Override
  public void open() throws Exception {
    super.open();
    mark = new StreamRecord<>(null);
    var task = getRuntimeContext().getTaskInfo();
    keyGroups = task.getMaxNumberOfParallelSubtasks();
    // the key groups this subtask owns, as the keyed state backend was given them
    owned =
        KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(
            keyGroups, task.getNumberOfParallelSubtasks(), task.getIndexOfThisSubtask());
  }

  @Override
  public void processElement2(StreamRecord<StrategyBroadcast> element) throws Exception {
    if (!(element.getValue() instanceof StrategyBroadcast.Quoted quoted)) {
      super.processElement2(element);
      return;
    }
    for (String strategyId : quoted.holders()) {
      if (!owned.contains(KeyGroupRangeAssignment.assignToKeyGroup(strategyId, keyGroups))) {
        continue; // another subtask's strategy
      }
      setCurrentKey(strategyId);
      if (element.hasTimestamp()) {
        mark.replace(new StrategyInput.Mark(strategyId, quoted.quote()), element.getTimestamp());
      } else {
        mark.replace(new StrategyInput.Mark(strategyId, quoted.quote()));
        mark.eraseTimestamp();
      }
      processElement1(mark);
    }
  }
}
