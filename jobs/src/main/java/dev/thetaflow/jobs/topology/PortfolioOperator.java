package dev.thetaflow.jobs.topology;

import dev.thetaflow.core.broker.BrokerEvent;
import dev.thetaflow.core.broker.BrokerEvent.AccountValueEvent;
import dev.thetaflow.core.decision.Decision;
import dev.thetaflow.core.rules.PortfolioLimits;
import dev.thetaflow.core.rules.PortfolioLimits.Exposure;
import dev.thetaflow.core.rules.PortfolioLimits.Portfolio;
import dev.thetaflow.core.strategy.StrategyBook.LegSnapshot;
import dev.thetaflow.core.strategy.StrategyState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rule 11 over the whole book (parallelism 1, one constant key): keeps the latest exposure of every
 * strategy that holds something, the account's net liquidation and margin, and the exchange day's
 * opening net liquidation; sums them into a {@link PortfolioRisk} (main output) and judges them
 * with {@link PortfolioLimits}, whose REDUCE decisions leave on {@link #DECISIONS}.
 *
 * <p>Time is event time as the inputs carry it (a snapshot's time, an account value's), taking the
 * latest seen so that the two inputs' interleaving cannot move it back; no timers: with no input,
 * nothing changes. A summary and an evaluation happen at most once per {@code interval}, and at
 * once when a strategy enters the book, changes state or leaves it. The limits skip strategies with
 * an unknown number (no Greeks, stale marks), and are not evaluated before the broker reported a
 * net liquidation value. A strategy picked again is decided again only after {@code repeat}; once
 * it is no longer picked, its next pick is decided at once.
 */
public final class PortfolioOperator
    extends KeyedCoProcessFunction<String, StrategySnapshot, BrokerEvent, PortfolioRisk> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(PortfolioOperator.class);

  /** REDUCE decisions for the decision executor (keyed by strategy). */
  public static final OutputTag<Decision> DECISIONS =
      new OutputTag<>("portfolio-decisions", TypeInformation.of(Decision.class));

  /** The single key: the whole book is one piece of state. */
  static final String KEY = "portfolio";

  static final String NET_LIQUIDATION = "NetLiquidation";
  static final String MARGIN = "MaintMarginReq";

  private static final MapStateDescriptor<String, ExposureRecord> BOOK =
      new MapStateDescriptor<>("book", Types.STRING, TypeInformation.of(ExposureRecord.class));
  private static final MapStateDescriptor<String, Long> DECIDED =
      new MapStateDescriptor<>("decided-at", Types.STRING, Types.LONG);
  private static final ValueStateDescriptor<PortfolioRecord> ACCOUNT =
      new ValueStateDescriptor<>("account", TypeInformation.of(PortfolioRecord.class));

  // neither PortfolioLimits nor its Thresholds is Serializable: the numbers travel, the rule is
  // rebuilt in open()
  private final double maxDollarDeltaShare;
  private final double maxVegaPerPoint;
  private final double maxLoss;
  private final double maxConcentration;
  private final long intervalMillis;
  private final long repeatMillis;

  private transient PortfolioLimits limits;
  private transient MapState<String, ExposureRecord> book;
  private transient MapState<String, Long> decided;
  private transient ValueState<PortfolioRecord> account;

  public PortfolioOperator(PortfolioLimits limits, Duration interval, Duration repeat) {
    if (limits == null || interval == null || repeat == null) {
      throw new IllegalArgumentException("portfolio: limits, interval and repeat are required");
    }
    if (interval.isNegative() || repeat.isNegative()) {
      throw new IllegalArgumentException(
          "portfolio: interval and repeat must not be negative, were " + interval + ", " + repeat);
    }
    PortfolioLimits.Thresholds t = limits.thresholds();
    this.maxDollarDeltaShare = t.maxDollarDeltaShare();
    this.maxVegaPerPoint = t.maxVegaPerPoint();
    this.maxLoss = t.maxLoss();
    this.maxConcentration = t.maxConcentration();
    this.intervalMillis = interval.toMillis();
    this.repeatMillis = repeat.toMillis();
  }

  /**
   * The portfolio stage: every strategy's snapshots and the broker's account values meet in one
   * task. Only NetLiquidation and MaintMarginReq leave the broker's stream (filtered beside the
   * source, so its quotes do not cross the network).
   */
  public static SingleOutputStreamOperator<PortfolioRisk> attach(
      DataStream<StrategySnapshot> snapshots,
      DataStream<BrokerEvent> broker,
      PortfolioLimits limits,
      Duration interval,
      Duration repeat) {
    DataStream<BrokerEvent> accountValues =
        TradingTopology.beside(broker, PortfolioOperator::used, "Net liquidation and margin");
    return snapshots
        .connect(accountValues)
        .keyBy(s -> KEY, b -> KEY, Types.STRING)
        .process(new PortfolioOperator(limits, interval, repeat))
        .returns(TypeInformation.of(PortfolioRisk.class))
        .uid("portfolio")
        .name("Portfolio risk and limits")
        .setParallelism(1);
  }

  /** Whether the operator uses this broker event. */
  static boolean used(BrokerEvent e) {
    return e instanceof AccountValueEvent a
        && (a.key().equals(NET_LIQUIDATION) || a.key().equals(MARGIN));
  }

  @Override
  public void open(OpenContext context) {
    limits =
        new PortfolioLimits(
            new PortfolioLimits.Thresholds(
                maxDollarDeltaShare, maxVegaPerPoint, maxLoss, maxConcentration));
    book = getRuntimeContext().getMapState(BOOK);
    decided = getRuntimeContext().getMapState(DECIDED);
    account = getRuntimeContext().getState(ACCOUNT);
  }

  @Override
  public void processElement1(StrategySnapshot s, Context ctx, Collector<PortfolioRisk> out)
      throws Exception {
    PortfolioRecord r = record();
    advance(r, s.time());
    String id = s.strategyId();
    boolean changed;
    if (holds(s)) {
      ExposureRecord before = book.get(id);
      ExposureRecord now = ExposureRecord.of(s);
      changed = before == null || !before.state.equals(now.state);
      book.put(id, now);
    } else {
      changed = book.contains(id);
      book.remove(id);
      decided.remove(id);
    }
    emitIfDue(r, changed, ctx, out);
    account.update(r);
  }

  @Override
  public void processElement2(BrokerEvent e, Context ctx, Collector<PortfolioRisk> out)
      throws Exception {
    if (!(e instanceof AccountValueEvent a) || !used(a)) {
      return;
    }
    PortfolioRecord r = record();
    if (r.account == null && a.account() != null) {
      r.account = a.account();
    } else if (r.account != null && !r.account.equals(a.account())) {
      LOG.warn("portfolio: ignoring {} of account {}, using {}", a.key(), a.account(), r.account);
      return;
    }
    double value;
    try {
      value = Double.parseDouble(a.value());
    } catch (NumberFormatException | NullPointerException ex) {
      LOG.warn(
          "portfolio: {} of account {} is not a number: '{}'", a.key(), a.account(), a.value());
      return;
    }
    if (!Double.isFinite(value)) {
      return;
    }
    // the day rolls on the old value (yesterday's last), before the new one replaces it
    advance(r, a.time());
    long at = Math.max(1, r.nowMillis);
    boolean first = false;
    if (a.key().equals(NET_LIQUIDATION)) {
      first = r.netLiquidationAtMillis == 0;
      r.netLiquidation = value;
      r.netLiquidationAtMillis = at;
      rollDay(r); // the first value ever is its own day's baseline
    } else {
      r.margin = value;
      r.marginAtMillis = at;
    }
    // the first value lets the limits judge a book they could not before
    emitIfDue(r, first, ctx, out);
    account.update(r);
  }

  private PortfolioRecord record() throws Exception {
    PortfolioRecord r = account.value();
    return r == null ? new PortfolioRecord() : r;
  }

  /** Whether the snapshot's strategy holds anything (an entry not yet filled does not). */
  private static boolean holds(StrategySnapshot s) {
    if (s.state() == StrategyState.CLOSED) {
      return false;
    }
    for (LegSnapshot leg : s.legs()) {
      if (leg.position() != 0) {
        return true;
      }
    }
    return false;
  }

  private static void advance(PortfolioRecord r, Instant time) {
    r.nowMillis = Math.max(r.nowMillis, time.toEpochMilli());
    rollDay(r);
  }

  /** On a new exchange day, the current net liquidation becomes the day's baseline. */
  private static void rollDay(PortfolioRecord r) {
    long day = TableRows.tradeDate(Instant.ofEpochMilli(r.nowMillis)).toEpochDay();
    if (day != r.baselineDay && r.netLiquidationAtMillis > 0) {
      r.baselineDay = day;
      r.baseline = r.netLiquidation;
    }
  }

  private void emitIfDue(
      PortfolioRecord r, boolean changed, Context ctx, Collector<PortfolioRisk> out)
      throws Exception {
    if (!changed && r.emittedAtMillis > 0 && r.nowMillis - r.emittedAtMillis < intervalMillis) {
      return;
    }
    r.emittedAtMillis = Math.max(1, r.nowMillis);
    Instant now = Instant.ofEpochMilli(r.nowMillis);
    boolean netLiqKnown = r.netLiquidationAtMillis > 0;

    double delta = 0;
    double gamma = 0;
    double vega = 0;
    double theta = 0;
    double dollarDelta = 0;
    double dollarGamma = 0;
    int open = 0;
    List<Exposure> valued = new ArrayList<>();
    for (Map.Entry<String, ExposureRecord> entry : book.entries()) {
      ExposureRecord e = entry.getValue();
      open++;
      if (e.greeksKnown()) {
        delta += e.delta;
        gamma += e.gamma;
        vega += e.vegaPerPoint;
        theta += e.thetaPerDay;
        dollarDelta += e.dollarDelta;
        dollarGamma += e.dollarGamma;
      }
      if (e.valued()) {
        valued.add(
            new Exposure(
                entry.getKey(), e.underlying, e.dollarDelta, e.vegaPerPoint, e.dollarGamma, e.pnl));
      }
    }
    out.collect(
        new PortfolioRisk(
            now,
            netLiqKnown ? r.netLiquidation : Double.NaN,
            delta,
            gamma,
            vega,
            theta,
            dollarDelta,
            dollarGamma,
            r.marginAtMillis > 0 ? r.margin : Double.NaN,
            open,
            netLiqKnown ? r.netLiquidation - r.baseline : Double.NaN));

    if (!netLiqKnown || !(r.netLiquidation > 0)) {
      return; // shares of net liquidation mean nothing without it
    }
    List<Decision> decisions = limits.evaluate(new Portfolio(valued, r.netLiquidation), now);
    Set<String> picked = new HashSet<>();
    for (Decision d : decisions) {
      picked.add(d.strategyId());
      Long last = decided.get(d.strategyId());
      if (last == null || r.nowMillis - last >= repeatMillis) {
        decided.put(d.strategyId(), r.nowMillis);
        ctx.output(DECISIONS, d);
      }
    }
    // a strategy judged and not picked is out of the breach: its next pick is news again
    for (Exposure e : valued) {
      if (!picked.contains(e.strategyId())) {
        decided.remove(e.strategyId());
      }
    }
  }
}
