package dev.thetaflow.jobs.topology;

import dev.thetaflow.core.order.OrderAction;
import dev.thetaflow.core.risk.PreTradeGate;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.co.CoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every order passes here before the order sink (parallelism 1): the {@link PreTradeGate}'s checks
 * with its switches in checkpointed state, so a job that restarts after a kill switch stays killed.
 * The kill switch goes on to the sink as a cancel of every working order; a refused order is logged
 * as an error and counted ({@code ordersRefused}).
 */
final class RiskGate extends CoProcessFunction<OrderAction, Control, OrderAction>
    implements CheckpointedFunction {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(RiskGate.class);

  /** Each order the gate let through (SENT) or refused (REFUSED, with the reason). */
  static final OutputTag<OrderUpdate> DECISIONS =
      new OutputTag<>("gate-decisions", TypeInformation.of(OrderUpdate.class));

  private final int maxContractsPerOrder;
  private transient PreTradeGate gate;
  private transient ListState<Boolean> switches;
  private transient Counter refused;

  RiskGate(int maxContractsPerOrder) {
    this.maxContractsPerOrder = maxContractsPerOrder;
  }

  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    gate = new PreTradeGate(maxContractsPerOrder);
    switches =
        context
            .getOperatorStateStore()
            .getUnionListState(new ListStateDescriptor<>("gate-switches", Types.BOOLEAN));
    if (context.isRestored()) {
      List<Boolean> s = new java.util.ArrayList<>();
      switches.get().forEach(s::add);
      if (s.size() >= 2) {
        gate.restore(s.get(0), s.get(1));
        if (gate.killed()) {
          LOG.warn("risk gate restored with the kill switch on: no order leaves until released");
        }
      }
    }
  }

  @Override
  public void open(org.apache.flink.api.common.functions.OpenContext context) {
    refused = getRuntimeContext().getMetricGroup().counter("ordersRefused");
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) throws Exception {
    switches.update(List.of(gate.killed(), gate.entriesPaused()));
  }

  @Override
  public void processElement1(OrderAction action, Context ctx, Collector<OrderAction> out) {
    if (action instanceof OrderAction.Place p) {
      PreTradeGate.Refusal refusal = gate.check(p.request());
      if (refusal != null) {
        refused.inc();
        LOG.error("risk gate: {}", refusal.reason());
        ctx.output(
            DECISIONS,
            OrderUpdate.fromGate(p.request(), "REFUSED", refusal.reason(), Instant.now()));
        return;
      }
      ctx.output(DECISIONS, OrderUpdate.fromGate(p.request(), "SENT", null, Instant.now()));
    }
    out.collect(action);
  }

  @Override
  public void processElement2(Control control, Context ctx, Collector<OrderAction> out) {
    switch (control.kind()) {
      case KILL -> {
        gate.kill();
        out.collect(new OrderAction.CancelAll(control.reason()));
      }
      case RELEASE -> {
        gate.release();
        out.collect(new OrderAction.Resume(control.reason()));
      }
      case PAUSE_ENTRIES -> gate.pauseEntries();
      case RESUME_ENTRIES -> gate.resumeEntries();
      case CLOSE_ALL, VIX -> {
        return; // the strategies' business
      }
    }
    LOG.warn("risk gate: {} ({})", control.kind(), control.reason());
  }
}
