package dev.thetaflow.jobs.topology;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaflow.core.alert.Alert;
import dev.thetaflow.core.alert.Severity;
import dev.thetaflow.core.decision.Decision;
import dev.thetaflow.core.decision.DecisionAction;
import dev.thetaflow.core.decision.DecisionArbiter;
import dev.thetaflow.core.decision.Urgency;
import dev.thetaflow.core.instrument.Leg;
import dev.thetaflow.core.json.DomainJson;
import dev.thetaflow.core.order.OrderAction;
import dev.thetaflow.core.order.OrderPurpose;
import dev.thetaflow.core.order.OrderRef;
import dev.thetaflow.core.order.OrderRequest;
import dev.thetaflow.core.strategy.StrategyState;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a strategy's decisions meet and become orders, keyed by strategy id: the rules' decisions
 * from its operator, the trailing and stop-loss breaches the CEP stage confirmed, a person's close.
 * The first by priority wins ({@link DecisionArbiter}); what is being worked is not sent twice; a
 * higher-priority action supersedes a lower one being worked (its order is cancelled).
 *
 * <p>The executor owns a strategy's exit and adjustment orders; the strategy's operator owns its
 * entry. The broker is the loop: the operator learns of an exit when the broker reports it (and
 * goes CLOSING), and tells this executor through {@link ExecutorInput.Status}. An order that the
 * broker has not reported within {@code ackTimeout} is sent again with the same reference, which
 * the order sink never places twice.
 *
 * <p>Actions: CLOSE and ROLL exit everything (rolling's reopening at the target expiry is not
 * automated yet: an alert says so); ADJUST exits the legs the decision names (the tested side);
 * REDUCE exits half the combo units (all of one); HEDGE has no order yet (an alert says so).
 */
public final class DecisionExecutor
    extends KeyedBroadcastProcessFunction<String, ExecutorInput, Control, DecisionEvent> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(DecisionExecutor.class);

  /** Alerts for the alerts table and notifications. */
  public static final OutputTag<Alert> ALERTS =
      new OutputTag<>("executor-alerts", TypeInformation.of(Alert.class));

  private static final ValueStateDescriptor<ExecutorRecord> STATE =
      new ValueStateDescriptor<>("executor", TypeInformation.of(ExecutorRecord.class));
  private static final TypeReference<List<Leg>> LEGS = new TypeReference<>() {};

  private final int maxContractsPerOrder;
  private final Duration ackTimeout;
  private transient ValueState<ExecutorRecord> state;
  private transient ObjectMapper json;

  /**
   * @param maxContractsPerOrder {@code risk.maxContractsPerOrder}, checked before sending
   * @param ackTimeout how long an order may go unreported before it is sent again
   */
  public DecisionExecutor(int maxContractsPerOrder, Duration ackTimeout) {
    this.maxContractsPerOrder = maxContractsPerOrder;
    this.ackTimeout = ackTimeout;
  }

  @Override
  public void open(OpenContext context) {
    state = getRuntimeContext().getState(STATE);
    json = DomainJson.newMapper();
  }

  @Override
  public void processElement(ExecutorInput input, ReadOnlyContext ctx, Collector<DecisionEvent> out)
      throws Exception {
    ExecutorRecord r = state.value();
    boolean killed =
        on(ctx.getBroadcastState(StrategyOperator.SWITCHES).get(StrategyOperator.KILLED));
    if (input instanceof ExecutorInput.Status st) {
      r = r == null ? new ExecutorRecord() : r;
      if (onStatus(r, st) && r.pendingJson != null) {
        Decision next = json.readValue(r.pendingJson, Decision.class);
        r.pendingJson = null;
        if (st.state() == StrategyState.OPEN) {
          send(r, next, killed, ctx, out);
        }
      }
      state.update(r);
      return;
    }
    Decision d = ((ExecutorInput.Decided) input).decision();
    if (d.action() == DecisionAction.HOLD) {
      return;
    }
    if (r == null || r.state == null) {
      LOG.warn("strategy {}: decision {} before the strategy is known; dropped", d.strategyId(), d);
      return;
    }
    StrategyState s = StrategyState.valueOf(r.state);
    if (s == StrategyState.PENDING_ENTRY || s == StrategyState.CLOSED) {
      return; // nothing held to act on (an entry being worked is its operator's)
    }
    Decision working = working(r);
    if (working != null && unacknowledged(r, s, d.time())) {
      resend(r, working, ctx, out, d.time());
      return;
    }
    if (working == null && s == StrategyState.CLOSING) {
      return; // an exit the broker already works (sent before this executor existed)
    }
    DecisionArbiter.Outcome outcome =
        DecisionArbiter.arbitrate(List.of(d), Optional.ofNullable(working));
    switch (outcome.verdict()) {
      case NOTHING, ALREADY_WORKING -> {}
      case ESCALATE ->
          // exits already go at market; the more urgent decision is recorded, nothing re-priced
          out.collect(
              new DecisionEvent(d, "ESCALATED", r.workingRef, "already at market", d.time()));
      case SEND -> send(r, d, killed, ctx, out);
      case SUPERSEDE -> {
        // cancel first and send once the broker has ended it: sending both at once could trade
        // more than is held if the working order fills meanwhile
        if (r.pendingJson == null) {
          ctx.output(
              StrategyOperator.ORDERS,
              new OrderAction.Cancel(OrderRef.parse(r.workingRef), "superseded by " + d.rule()));
          out.collect(
              new DecisionEvent(
                  d,
                  "SUPERSEDING",
                  r.workingRef,
                  "cancelling " + r.workingRef + " first",
                  d.time()));
        }
        r.pendingJson = json.writeValueAsString(d);
      }
    }
    state.update(r);
  }

  /** Takes in the operator's status; returns whether the working order ended with it. */
  private boolean onStatus(ExecutorRecord r, ExecutorInput.Status st) throws IOException {
    r.account = st.account();
    r.state = st.state().name();
    r.held = st.held();
    r.heldJson = json.writeValueAsString(st.held());
    r.exitSeq = Math.max(r.exitSeq, st.exitSeq());
    r.adjustSeq = Math.max(r.adjustSeq, st.adjustSeq());
    r.exitSeen = st.exitSeq();
    r.adjustSeen = st.adjustSeq();
    if (r.workingRef == null) {
      return false;
    }
    OrderRef ref = OrderRef.parse(r.workingRef);
    int seen = ref.purpose() == OrderPurpose.ADJUST ? st.adjustSeq() : st.exitSeq();
    boolean ended =
        st.state() == StrategyState.CLOSED
            || (st.state() == StrategyState.OPEN && seen >= ref.seq());
    if (ended) {
      clearWorking(r); // done, or died: the next decision may send again
    }
    return ended;
  }

  /** Sent, and the broker has not reported it while the strategy still shows OPEN. */
  private boolean unacknowledged(ExecutorRecord r, StrategyState s, Instant now) {
    if (s != StrategyState.OPEN) {
      return false;
    }
    OrderRef ref = OrderRef.parse(r.workingRef);
    int seen = ref.purpose() == OrderPurpose.ADJUST ? r.adjustSeen : r.exitSeen;
    return seen < ref.seq() && now.toEpochMilli() - r.workingSentMillis >= ackTimeout.toMillis();
  }

  private void resend(
      ExecutorRecord r,
      Decision working,
      ReadOnlyContext ctx,
      Collector<DecisionEvent> out,
      Instant now)
      throws IOException {
    OrderRef ref = OrderRef.parse(r.workingRef);
    OrderRequest order = order(r, working, ref);
    if (order == null) {
      clearWorking(r);
      state.update(r);
      return;
    }
    LOG.warn("strategy {}: order {} not reported by the broker; sent again", ref.strategyId(), ref);
    ctx.output(StrategyOperator.ORDERS, new OrderAction.Place(order));
    r.workingSentMillis = now.toEpochMilli();
    out.collect(
        new DecisionEvent(
            working, "RESENT", ref.toString(), "not reported within " + ackTimeout, now));
    state.update(r);
  }

  private void send(
      ExecutorRecord r,
      Decision d,
      boolean killed,
      ReadOnlyContext ctx,
      Collector<DecisionEvent> out)
      throws IOException {
    OrderRef ref = nextRef(r, d);
    if (ref == null) {
      out.collect(
          new DecisionEvent(d, "UNSUPPORTED", null, d.action() + " has no order yet", d.time()));
      ctx.output(
          ALERTS,
          alert(
              d,
              Severity.WARNING,
              "DECISION_NOT_EXECUTED",
              d.reason() + " — " + d.action() + " is not automated yet: act by hand"));
      return;
    }
    OrderRequest order = order(r, d, ref);
    if (order == null) {
      return; // nothing held
    }
    String refused = StrategyOrders.refusal(order, maxContractsPerOrder, killed, false);
    if (refused != null) {
      LOG.warn("strategy {}: {} not sent: {}", d.strategyId(), d.rule(), refused);
      ctx.output(
          StrategyOperator.REFUSALS, OrderUpdate.fromGate(order, "REFUSED", refused, d.time()));
      out.collect(new DecisionEvent(d, "REFUSED", null, refused, d.time()));
      ctx.output(
          ALERTS,
          alert(d, Severity.CRITICAL, "DECISION_REFUSED", d.reason() + " — not sent: " + refused));
      return;
    }
    if (ref.purpose() == OrderPurpose.ADJUST) {
      r.adjustSeq = ref.seq();
    } else {
      r.exitSeq = ref.seq();
    }
    ctx.output(StrategyOperator.ORDERS, new OrderAction.Place(order));
    r.working = d;
    r.workingJson = json.writeValueAsString(d);
    r.workingRef = ref.toString();
    r.workingSentMillis = d.time().toEpochMilli();
    String note = order.side() + " " + order.quantity() + " " + order.orderType();
    out.collect(new DecisionEvent(d, "SENT", ref.toString(), note, d.time()));
    Severity severity =
        d.urgency().compareTo(Urgency.HIGH) >= 0 ? Severity.CRITICAL : Severity.WARNING;
    String text = d.reason() + " — " + d.action() + " sent as " + ref;
    if (d.action() == DecisionAction.ROLL) {
      text +=
          "; reopening at the target expiry is not automated yet: open the new strategy by command";
    }
    ctx.output(ALERTS, alert(d, severity, "DECISION_" + d.rule(), text));
  }

  /** The next order reference for the decision's action, or null when it has no order. */
  private static OrderRef nextRef(ExecutorRecord r, Decision d) {
    return switch (d.action()) {
      case CLOSE, ROLL, REDUCE -> new OrderRef(d.strategyId(), OrderPurpose.EXIT, r.exitSeq + 1);
      case ADJUST ->
          d.legConIds().isEmpty()
              ? new OrderRef(d.strategyId(), OrderPurpose.EXIT, r.exitSeq + 1)
              : new OrderRef(d.strategyId(), OrderPurpose.ADJUST, r.adjustSeq + 1);
      case HEDGE, HOLD -> null;
    };
  }

  /** The order for {@code d} under {@code ref}, from what is held; null when nothing is. */
  private OrderRequest order(ExecutorRecord r, Decision d, OrderRef ref) throws IOException {
    List<Leg> held = held(r);
    if (ref.purpose() == OrderPurpose.ADJUST) {
      List<Leg> tested = new ArrayList<>();
      for (Leg leg : held) {
        if (d.legConIds().contains(leg.contract().conId())) {
          tested.add(leg);
        }
      }
      return StrategyOrders.exit(ref, r.account, tested, Long.MAX_VALUE);
    }
    long units = StrategyOrders.comboUnits(held);
    if (d.action() == DecisionAction.REDUCE && units > 1) {
      return StrategyOrders.exit(ref, r.account, held, units / 2);
    }
    return StrategyOrders.exit(ref, r.account, held, units);
  }

  private List<Leg> held(ExecutorRecord r) throws IOException {
    if (r.held == null) {
      r.held = r.heldJson == null ? List.of() : json.readValue(r.heldJson, LEGS);
    }
    return r.held;
  }

  private Decision working(ExecutorRecord r) throws IOException {
    if (r.working == null && r.workingJson != null) {
      r.working = json.readValue(r.workingJson, Decision.class);
    }
    return r.working;
  }

  private static void clearWorking(ExecutorRecord r) {
    r.working = null;
    r.workingJson = null;
    r.workingRef = null;
    r.workingSentMillis = 0;
  }

  private static Alert alert(Decision d, Severity severity, String code, String message) {
    return new Alert(
        d.strategyId() + ":" + code + ":" + d.time().toEpochMilli(),
        d.time(),
        severity,
        "decision-executor",
        code,
        message,
        d.strategyId());
  }

  private static boolean on(Boolean flag) {
    return flag != null && flag;
  }

  @Override
  public void processBroadcastElement(Control control, Context ctx, Collector<DecisionEvent> out)
      throws Exception {
    var switches = ctx.getBroadcastState(StrategyOperator.SWITCHES);
    switch (control.kind()) {
      case KILL -> switches.put(StrategyOperator.KILLED, true);
      case RELEASE -> switches.put(StrategyOperator.KILLED, false);
      default -> {}
    }
  }
}
