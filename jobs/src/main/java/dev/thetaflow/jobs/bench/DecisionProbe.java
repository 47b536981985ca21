package dev.thetaflow.jobs.bench;

import dev.thetaflow.core.strategy.StrategyBook.LegSnapshot;
import dev.thetaflow.core.strategy.StrategyState;
import dev.thetaflow.jobs.topology.StrategySnapshot;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Chained to the strategies operator (same parallelism, forward), so it costs no network hop: it
 * tells the replay when every strategy is OPEN and marked, and counts and times the snapshots the
 * measured quotes cause. A snapshot was caused by a leg's quote when that leg's mark is dated at
 * the snapshot's time; otherwise by its underlying's. Emits nothing.
 */
final class DecisionProbe extends ProcessFunction<StrategySnapshot, Void> {
  private static final long serialVersionUID = 1L;

  private final String runId;
  private final boolean recordLatency;

  private transient BenchRun run;
  private transient BenchRun.LatencyRecorder recorder;
  private transient boolean allReady;

  DecisionProbe(String runId, boolean recordLatency) {
    this.runId = runId;
    this.recordLatency = recordLatency;
  }

  @Override
  public void open(OpenContext context) {
    run = BenchRun.get(runId);
    recorder = recordLatency ? run.newRecorder() : null;
  }

  @Override
  public void processElement(StrategySnapshot s, Context ctx, Collector<Void> out) {
    long outputMicros = recordLatency ? BenchRun.nowMicros() : 0;
    Instant time = s.time();
    if (!allReady) {
      allReady = run.ready.size() >= run.strategies;
      if (!allReady && s.state() == StrategyState.OPEN && allMarked(s)) {
        run.ready.add(s.strategyId());
      }
    }
    Instant from = run.measuredFrom;
    if (time.isBefore(from)) {
      return; // start-up and warm-up
    }
    boolean byLeg = false;
    for (LegSnapshot leg : s.legs()) {
      byLeg |= time.equals(leg.markedAt());
    }
    if (byLeg) {
      run.legOutput();
    } else {
      run.underlyingOutputs.incrementAndGet();
    }
    long emittedMicros = BenchRun.micros(time);
    if (run.perQuote != null) {
      long index = emittedMicros - BenchRun.micros(from);
      if (index >= 0 && index < run.perQuote.length()) {
        run.perQuote.incrementAndGet((int) index);
      }
    }
    if (recorder != null) {
      recorder.record(emittedMicros, outputMicros);
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
