package dev.thetaflow.jobs.topology;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaflow.core.alert.Alert;
import dev.thetaflow.core.alert.Severity;
import dev.thetaflow.core.command.Command;
import dev.thetaflow.core.command.CommandAction;
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
import dev.thetaflow.core.strategy.Strategy;
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
 * <p>Actions: CLOSE and ROLL exit everything; ADJUST exits the legs the decision names (the tested
 * side); REDUCE exits half the combo units (all of one); HEDGE has no order yet (an alert says so).
 *
 * <p>A ROLL reopens once its exit closed the strategy: the same structure and size at the listed
 * expiry nearest the rule's target, as an open-strategy command on {@link #ROLLS}. Opening is
 * upstream of this executor (resolution, then the strategies operator), and Flink 2 has no
 * iterations, so the command goes round through the commands table like a person's: it is resolved,
 * checked (kill switch, paused entries) and entered the same way, and every roll is a row there.
 * Its command id and the new strategy id derive from the old strategy and the exit's sequence
 * ({@link Rolls}), so a replay after a restore appends nothing twice. An exit that ends with legs
 * still held, or that a higher-priority decision superseded, reopens nothing.
 */
public final class DecisionExecutor
    extends KeyedBroadcastProcessFunction<String, ExecutorInput, Control, DecisionEvent> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(DecisionExecutor.class);

  /** Alerts for the alerts table and notifications. */
  public static final OutputTag<Alert> ALERTS =
      new OutputTag<>("executor-alerts", TypeInformation.of(Alert.class));

  /** Commands that reopen a rolled strategy, for the commands table. */
  public static final OutputTag<Command> ROLLS =
      new OutputTag<>("executor-rolls", TypeInformation.of(Command.class));

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
    if (input instanceof ExecutorInput.Opened opened) {
      r = r == null ? new ExecutorRecord() : r;
      r.strategyJson = json.writeValueAsString(opened.strategy());
      state.update(r);
      return;
    }
    if (input instanceof ExecutorInput.Status st) {
      r = r == null ? new ExecutorRecord() : r;
      boolean ended = onStatus(r, st);
      if (st.state() == StrategyState.CLOSED && r.rollRef != null) {
        reopen(r, st, ctx, out);
      }
      if (ended && r.pendingJson != null) {
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
        clearRoll(r); // the roll gave way: its exit may still fill, but nothing reopens
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
    if (r.rollRef != null) {
      // a roll's exit ended with legs held (the broker cancelled it) and another order follows
      dropRoll(r, "superseded by " + ref, d.time(), ctx, out);
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
      text += "; " + startRoll(r, d, ref);
    }
    ctx.output(ALERTS, alert(d, severity, "DECISION_" + d.rule(), text));
  }

  /** Remembers a ROLL just sent, to reopen once its exit closed the strategy; says what follows. */
  private String startRoll(ExecutorRecord r, Decision d, OrderRef ref) throws IOException {
    Strategy old = strategy(r);
    int target = Rolls.targetDte(d);
    String why = target < 0 ? "the decision names no target expiry" : Rolls.notReopenable(old);
    int units = why == null ? units(old, held(r)) : 0;
    if (why == null && units < 1) {
      why = "no whole unit of its structure is held";
    }
    if (why != null) {
      return "rolled: closing "
          + d.strategyId()
          + "; not reopened automatically ("
          + why
          + "): open the new strategy by command";
    }
    r.rollJson = json.writeValueAsString(d);
    r.rollRef = ref.toString();
    r.rollUnits = units;
    r.rollAdjustSeq = r.adjustSeq;
    return "rolled: closing "
        + d.strategyId()
        + ", reopening as "
        + Rolls.nextId(d.strategyId())
        + " ("
        + units
        + (units == 1 ? " unit" : " units")
        + ") at the listed expiry nearest "
        + target
        + " days out (about "
        + Rolls.aimedExpiry(d.time(), target)
        + ") when closed";
  }

  /**
   * The strategy is CLOSED with no order sent since the roll's exit: that exit closed it, and the
   * reopening command leaves for the commands table. The roll is not judged when its exit ends with
   * legs still held: the broker's FILLED can overtake the executions, which shows the strategy OPEN
   * for a moment before its fills close it. A roll whose exit really died is dropped by the next
   * order sent.
   */
  private void reopen(
      ExecutorRecord r, ExecutorInput.Status st, ReadOnlyContext ctx, Collector<DecisionEvent> out)
      throws IOException {
    Decision d = json.readValue(r.rollJson, Decision.class);
    OrderRef ref = OrderRef.parse(r.rollRef);
    int units = r.rollUnits;
    clearRoll(r);
    if (r.exitSeq != ref.seq() || r.adjustSeq != r.rollAdjustSeq) {
      return; // another order went out since (dropRoll said so)
    }
    Command c = Rolls.reopen(strategy(r), units, Rolls.targetDte(d), ref.seq(), st.time());
    String newId = ((CommandAction.OpenStrategy) c.action()).spec().strategyId();
    String note = "closed; opening " + newId + " by command " + c.commandId();
    ctx.output(ROLLS, c);
    out.collect(new DecisionEvent(d, "REOPENING", ref.toString(), note, st.time()));
    ctx.output(
        ALERTS, alert(d, Severity.WARNING, "ROLL_REOPENING", d.strategyId() + " rolled: " + note));
  }

  /** The roll will not reopen: said as a row and an alert. */
  private void dropRoll(
      ExecutorRecord r, String why, Instant time, ReadOnlyContext ctx, Collector<DecisionEvent> out)
      throws IOException {
    Decision d = json.readValue(r.rollJson, Decision.class);
    String note = r.rollRef + " ended with legs held, nothing reopened; " + why;
    clearRoll(r);
    out.collect(new DecisionEvent(d, "NOT_REOPENED", null, note, time));
    ctx.output(ALERTS, alert(d, Severity.WARNING, "ROLL_NOT_REOPENED", d.reason() + " — " + note));
  }

  private static void clearRoll(ExecutorRecord r) {
    r.rollJson = null;
    r.rollRef = null;
    r.rollUnits = 0;
    r.rollAdjustSeq = 0;
  }

  /** Whole units of {@code s}'s structure held: the fewest over its legs, at most 10,000. */
  private static int units(Strategy s, List<Leg> held) {
    long units = Long.MAX_VALUE;
    for (Leg leg : s.legs()) {
      long position = 0;
      for (Leg h : held) {
        if (h.contract().conId() == leg.contract().conId()) {
          position = h.ratio();
        }
      }
      boolean sameSide = Long.signum(position) == Integer.signum(leg.ratio());
      units = Math.min(units, sameSide ? Math.abs(position) / Math.abs(leg.ratio()) : 0);
    }
    return (int) Math.min(units, 10_000);
  }

  private Strategy strategy(ExecutorRecord r) throws IOException {
    return r.strategyJson == null ? null : json.readValue(r.strategyJson, Strategy.class);
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
