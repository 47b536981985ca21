package dev.thetaflow.jobs.bench;

import dev.thetaflow.core.decision.Decision;
import dev.thetaflow.core.decision.RuleId;
import dev.thetaflow.jobs.topology.DecisionEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Chained to the decision executor (no network hop), it times each breach: the executor's SENT
 * take-profit event for a BREACHED condor ends it. It then has the broker report that exit working
 * and cancelled. Any other event (a decision nobody planted, a verdict other than SENT) is counted
 * as unplanned; the harness reports it. Emits nothing.
 */
final class BreachProbe extends ProcessFunction<DecisionEvent, Void> {
  private static final long serialVersionUID = 1L;

  private final String runId;
  private transient BreachLedger ledger;

  BreachProbe(String runId) {
    this.runId = runId;
  }

  @Override
  public void open(OpenContext context) {
    ledger = BreachLedger.get(runId);
  }

  @Override
  public void processElement(DecisionEvent e, Context ctx, Collector<Void> out) {
    long nanos = System.nanoTime();
    long micros = BenchRun.nowMicros();
    Decision d = e.decision();
    int x = DecisionUniverse.index(d.strategyId());
    if (!"SENT".equals(e.verdict())
        || d.rule() != RuleId.TAKE_PROFIT
        || x < 0
        || ledger.phase.get(x) != BreachLedger.BREACHED) {
      if (ledger.unplanned.getAndIncrement() == 0) {
        ledger.firstUnplanned = e.verdict() + " " + d.rule() + " " + d.strategyId();
      }
      return;
    }
    ledger.found.incrementAndGet();
    if (ledger.measured.get(x) == 1) {
      ledger.sample(ledger.breachMicros.get(x), micros, nanos - ledger.breachNanos.get(x));
      ledger.foundMeasured.incrementAndGet();
    }
    ledger.phase.set(x, BreachLedger.SENT);
    ledger.brokerReports.add(BrokerReports.report(d.strategyId(), e.orderRef(), "SUBMITTED"));
    ledger.brokerReports.add(BrokerReports.report(d.strategyId(), e.orderRef(), "CANCELLED"));
  }
}
