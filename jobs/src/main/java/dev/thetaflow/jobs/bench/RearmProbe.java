package dev.thetaflow.jobs.bench;

import dev.thetaflow.core.strategy.StrategyBook.LegSnapshot;
import dev.thetaflow.core.strategy.StrategyState;
import dev.thetaflow.jobs.topology.StrategySnapshot;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Chained to the strategies operator, it follows each condor through the snapshots: OPEN with every
 * leg marked tells the replay it is ready; after a breach was SENT, CLOSING then OPEN again means
 * the broker's reports were taken in (its leg is then quoted back); the snapshot of that quote
 * means its take profit has stopped firing, and the condor is ARMED again. Emits nothing.
 */
final class RearmProbe extends ProcessFunction<StrategySnapshot, Void> {
  private static final long serialVersionUID = 1L;

  private final String runId;
  private transient BenchRun run;
  private transient BreachLedger ledger;
  private transient boolean allReady;

  RearmProbe(String runId) {
    this.runId = runId;
  }

  @Override
  public void open(OpenContext context) {
    run = BenchRun.get(runId);
    ledger = BreachLedger.get(runId);
  }

  @Override
  public void processElement(StrategySnapshot s, Context ctx, Collector<Void> out) {
    if (!allReady) {
      allReady = run.ready.size() >= run.strategies;
      if (!allReady) {
        if (s.state() == StrategyState.OPEN && allMarked(s)) {
          run.ready.add(s.strategyId());
        }
        return; // no breach before every condor is ready
      }
    }
    int x = DecisionUniverse.index(s.strategyId());
    if (x < 0) {
      return;
    }
    StrategyState state = s.state();
    switch (ledger.phase.get(x)) {
      case BreachLedger.SENT -> {
        if (state == StrategyState.CLOSING) {
          ledger.phase.set(x, BreachLedger.CLOSING);
        }
      }
      case BreachLedger.CLOSING -> {
        if (state == StrategyState.OPEN) {
          ledger.phase.set(x, BreachLedger.REOPENED);
          ledger.restores.add(x);
        }
      }
      case BreachLedger.RESTORING -> {
        if (state == StrategyState.OPEN
            && BenchRun.micros(s.time()) == ledger.restoreMicros.get(x)) {
          ledger.phase.set(x, BreachLedger.ARMED);
        }
      }
      default -> {}
    }
  }

  private static boolean allMarked(StrategySnapshot s) {
    for (LegSnapshot leg : s.legs()) {
      if (leg.markedAt() == null) {
        return false;
      }
    }
    return true;
  }
}
