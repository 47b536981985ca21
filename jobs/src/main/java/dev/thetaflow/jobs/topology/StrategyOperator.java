package dev.thetaflow.jobs.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaflow.core.broker.BrokerEvent.DividendEvent;
import dev.thetaflow.core.command.Command;
import dev.thetaflow.core.command.CommandAction;
import dev.thetaflow.core.command.CommandType;
import dev.thetaflow.core.instrument.Leg;
import dev.thetaflow.core.json.DomainJson;
import dev.thetaflow.core.market.Quote;
import dev.thetaflow.core.order.Fill;
import dev.thetaflow.core.order.OrderAction;
import dev.thetaflow.core.order.OrderPurpose;
import dev.thetaflow.core.order.OrderRef;
import dev.thetaflow.core.order.OrderRequest;
import dev.thetaflow.core.risk.LegGreeks;
import dev.thetaflow.core.risk.MarketAssumptions;
import dev.thetaflow.core.risk.PositionGreeks;
import dev.thetaflow.core.rules.RuleBookFactory;
import dev.thetaflow.core.strategy.Strategy;
import dev.thetaflow.core.strategy.StrategyBook;
import dev.thetaflow.core.strategy.StrategyState;
import dev.thetaflow.core.time.UsEquityCalendar;
import dev.thetaflow.core.value.Price;
import dev.thetaflow.core.value.TickRounding;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One strategy's life, keyed by strategy id: it is opened from a resolved strategy (an entry order
 * leaves), marked by its legs' quotes, filled by the fills its order references attribute to it
 * (OPEN once every leg holds its full size, with the opening net price from the fills), closed on
 * request (an exit order for what it holds leaves), CLOSED when nothing is held. A snapshot leaves
 * on every change; orders leave on {@link #ORDERS}.
 *
 * <p>Each option leg's implied volatility and Greeks come solved from {@link GreeksOperator} (once
 * for every strategy holding the option, off the path of the marks); the strategy's Greeks are the
 * held legs' in position units. The rules judge every leg's mark, and the underlying's tick once it
 * moved by {@code greeksSpotMove} since they last judged.
 *
 * <p>Orders trade legs X as BUY X, or for a credit as SELL −X at a positive price, the way venues
 * quote combos; the exit trades what is held, reversed, at market.
 */
public final class StrategyOperator
    extends KeyedBroadcastProcessFunction<
        String, StrategyInput, StrategyBroadcast, StrategySnapshot> {
  private static final long serialVersionUID = 1L;

  /** Orders for the order sink (after the risk gate). */
  public static final OutputTag<OrderAction> ORDERS =
      new OutputTag<>("orders", TypeInformation.of(OrderAction.class));

  /**
   * The switches every strategy reads before it sends an order (broadcast): {@code killed} and
   * {@code entriesPaused}. A strategy that may not send does not pretend it did: an open becomes
   * CLOSED at once, a close leaves it OPEN, and each says why in the log.
   */
  public static final MapStateDescriptor<String, Boolean> SWITCHES =
      new MapStateDescriptor<>("switches", Types.STRING, Types.BOOLEAN);

  /** VIX's level and its first level of the trading day (broadcast: every strategy reads it). */
  public static final MapStateDescriptor<String, Double> MARKET =
      new MapStateDescriptor<>("market", Types.STRING, Types.DOUBLE);

  private static final String VIX_LEVEL = "vix";
  private static final String VIX_REFERENCE = "vixReference";
  private static final String VIX_REFERENCE_DAY = "vixReferenceDay";

  static final String KILLED = "killed";
  static final String ENTRIES_PAUSED = "entriesPaused";
  private static final Logger LOG = LoggerFactory.getLogger(StrategyOperator.class);

  private static final ValueStateDescriptor<StrategyRecord> STRATEGY =
      new ValueStateDescriptor<>("strategy", TypeInformation.of(StrategyRecord.class));

  /**
   * How strategies are marked and analysed.
   *
   * @param maxRelativeSpread a quote wider than this share of its mid is no mark
   * @param maxMarkAge a mark older than this is stale
   * @param greeksInterval an option is solved again at its quote after this much event time
   * @param greeksSpotMove ... and all at the underlying's tick once it moved by this share since;
   *     and the rules judge an underlying's tick that moved it this much since they last judged
   * @param recordInterval snapshots driven by marks alone are recorded at most this often
   * @param market rate and dividend yields
   */
  public record Settings(
      double maxRelativeSpread,
      Duration maxMarkAge,
      Duration greeksInterval,
      double greeksSpotMove,
      Duration recordInterval,
      MarketAssumptions market)
      implements Serializable {
    public Settings {
      if (!(maxRelativeSpread > 0) || !(greeksSpotMove > 0)) {
        throw new IllegalArgumentException(
            "maxRelativeSpread and greeksSpotMove must be > 0, were "
                + maxRelativeSpread
                + " and "
                + greeksSpotMove);
      }
      for (Duration d : List.of(maxMarkAge, greeksInterval, recordInterval)) {
        if (d.isNegative() || d.isZero()) {
          throw new IllegalArgumentException("intervals must be positive, was " + d);
        }
      }
    }

    /** Marks within 50% spreads and 30 s; Greeks each second or 0.25% move; records each 5 s. */
    public static Settings defaults(MarketAssumptions market) {
      return new Settings(
          0.5,
          Duration.ofSeconds(30),
          Duration.ofSeconds(1),
          0.0025,
          Duration.ofSeconds(5),
          market);
    }
  }

  /**
   * A closed strategy's release of its instruments, for the commands table (read back by the job:
   * see {@link #release}).
   */
  public static final OutputTag<Command> RELEASES =
      new OutputTag<>("releases", TypeInformation.of(Command.class));

  /** Who issues a release, as the commands table shows it. */
  static final String RELEASE_ISSUER = "strategies operator";

  /** Orders this operator refused to send, and why, for the orders table. */
  public static final OutputTag<OrderUpdate> REFUSALS =
      new OutputTag<>("refusals", TypeInformation.of(OrderUpdate.class));

  /**
   * What the decision executor hears of each strategy, in order: its state and holdings on every
   * change, and the decisions of its rules and of a person.
   */
  public static final OutputTag<ExecutorInput> EXECUTOR = StrategyRules.EXECUTOR;

  /** Trailing-stop and stop-loss judgements for the CEP stage that confirms them. */
  public static final OutputTag<dev.thetaflow.jobs.decision.RuleSignal> SIGNALS =
      StrategyRules.SIGNALS;

  /** Near-trigger alerts. */
  public static final OutputTag<dev.thetaflow.core.alert.Alert> ALERTS = StrategyRules.ALERTS;

  private final Settings settings;
  private final int maxContractsPerOrder;
  private final RuleBookFactory rules;
  private final double nearTrigger;
  private transient StrategyRules strategyRules;

  private transient ValueState<StrategyRecord> state;

  /**
   * Fills that came before their strategy was (re)opened here, as Fill JSON. After a restore the
   * broker's executions arrive at once while the open command is still being resolved; dropping
   * them left the strategy waiting for its entry forever (the crash test found it).
   */
  private transient ListState<String> earlyFills;

  private transient ValueState<DividendEvent> earlyDividend;

  private transient ObjectMapper json;

  /** No rules, and no size limit of its own beyond the configuration's largest (10,000). */
  public StrategyOperator(Settings settings) {
    this(settings, 10_000, RuleBookFactory.none(), 0.8);
  }

  /**
   * @param maxContractsPerOrder {@code risk.maxContractsPerOrder}
   * @param rules the exit and risk rules by strategy type
   * @param nearTrigger a rule this close to its threshold raises an alert, once per episode
   */
  public StrategyOperator(
      Settings settings, int maxContractsPerOrder, RuleBookFactory rules, double nearTrigger) {
    this.settings = settings;
    this.maxContractsPerOrder = maxContractsPerOrder;
    this.rules = rules;
    this.nearTrigger = nearTrigger;
  }

  /** How it marks strategies and how their Greeks are solved. */
  public Settings settings() {
    return settings;
  }

  @Override
  public void open(OpenContext context) {
    state = getRuntimeContext().getState(STRATEGY);
    earlyFills =
        getRuntimeContext().getListState(new ListStateDescriptor<>("early-fills", Types.STRING));
    earlyDividend =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "early-dividend", TypeInformation.of(DividendEvent.class)));
    json = DomainJson.newMapper();
    strategyRules =
        new StrategyRules(
            rules.create(), nearTrigger, settings.recordInterval(), settings.maxMarkAge());
  }

  @Override
  public void processElement(
      StrategyInput input, ReadOnlyContext ctx, Collector<StrategySnapshot> out) throws Exception {
    StrategyRecord record = state.value();
    if (input instanceof StrategyInput.Open open) {
      if (record != null) {
        return; // a command delivered twice opens once
      }
      boolean killed = on(ctx.getBroadcastState(SWITCHES).get(KILLED));
      Strategy s = open.strategy();
      record = newRecord(open);
      DividendEvent dividendFirst = earlyDividend.value();
      if (dividendFirst != null) {
        dividend(record, dividendFirst);
        earlyDividend.clear();
      }
      StrategyBook book = newBook(s);
      OrderRequest entry = StrategyOrders.entry(s, open.account(), open.limitPrice());
      String refused =
          refusal(entry, killed, on(ctx.getBroadcastState(SWITCHES).get(ENTRIES_PAUSED)));
      if (refused != null && earlyFills.get().iterator().hasNext()) {
        refused = null; // a restore: its entry reached the broker before, and filled
      }
      if (refused != null) {
        LOG.warn("strategy {} not entered: {}", s.id(), refused);
        ctx.output(REFUSALS, OrderUpdate.fromGate(entry, "REFUSED", refused, s.openedAt()));
        out.collect(snapshot(record, s, book, s.openedAt(), true));
        s = s.withState(StrategyState.CLOSED, s.openedAt());
        release(record, s, s.openedAt(), ctx::output);
        save(record, s, book);
        out.collect(snapshot(record, s, book, s.openedAt(), true));
        status(record, s, book, s.openedAt(), ctx::output);
        return;
      }
      ctx.output(ORDERS, new OrderAction.Place(entry));
      out.collect(snapshot(record, s, book, s.openedAt(), true));
      for (String early : earlyFills.get()) {
        Fill fill = json.readValue(early, Fill.class);
        book.applyFill(fill);
        s = afterFill(s, book, fill.time());
        out.collect(snapshot(record, s, book, fill.time(), true));
      }
      earlyFills.clear();
      release(record, s, s.openedAt(), ctx::output);
      save(record, s, book);
      status(record, s, book, s.openedAt(), ctx::output);
      return;
    }
    if (record == null) {
      if (input instanceof StrategyInput.Filled f) {
        earlyFills.add(json.writeValueAsString(f.fill())); // its Open is on the way
      } else if (input instanceof StrategyInput.Dividend d) {
        // the router sends it on registration, which may overtake the Open: it is not sent again
        earlyDividend.update(d.dividend());
      }
      return; // a quote before the strategy exists here: nothing to mark yet
    }
    Strategy s = strategy(record);
    StrategyBook book = book(record, s);
    Instant time;
    boolean recorded = true;
    if (input instanceof StrategyInput.Mark m) {
      if (s.state() == StrategyState.CLOSED) {
        // nothing held, nothing to judge; its release is on its way through the commands table
        // (sent now if it closed under a version that did not release)
        if (!record.released) {
          release(record, s, m.quote().time(), ctx::output);
          state.update(record);
        }
        return;
      }
      time = m.quote().time();
      boolean underlying = m.quote().quote().conId() == record.underlyingConId;
      if (!mark(record, book, m.quote().quote())) {
        state.update(record); // a rejected quote is remembered: the rules wait for a sane one
        return;
      }
      if (underlying
          && !(record.spotJudged > 0
              && Math.abs(record.spot / record.spotJudged - 1) >= settings.greeksSpotMove())) {
        // a small move of the spot alone changes no mark: every strategy on the underlying hears
        // each of its ticks, and a snapshot and a judgement each would dwarf the rest
        state.update(record);
        return;
      }
      recorded =
          time.toEpochMilli() - record.recordedAtMillis >= settings.recordInterval().toMillis();
      if (recorded) {
        record.recordedAtMillis = time.toEpochMilli();
      }
      StrategySnapshot snapshot = snapshot(record, s, book, time, recorded);
      var market = ctx.getBroadcastState(MARKET);
      Double vix = market.get(VIX_LEVEL);
      Double vixReference = market.get(VIX_REFERENCE);
      strategyRules.evaluate(
          record,
          s,
          book,
          time,
          vix == null ? Double.NaN : vix,
          vixReference == null ? Double.NaN : vixReference,
          ctx::output);
      record.spotJudged = record.spot;
      state.update(record); // the marked leg was written into the record by mark()
      out.collect(snapshot);
      return;
    } else if (input instanceof StrategyInput.Solved solved) {
      for (LegGreeks g : solved.legs()) {
        StrategyRecord.LegRecord leg = record.leg(g.conId());
        if (leg != null && g.at().toEpochMilli() >= leg.solve.atMillis) {
          leg.solve.set(g);
          record.totalCached = false;
        }
      }
      // judged with the next mark: a solve brings no new price, and judging on it would let a
      // snapshot torn between two legs' quotes count as the second evaluation that confirms
      state.update(record);
      return;
    } else if (input instanceof StrategyInput.Dividend d) {
      dividend(record, d.dividend());
      // judged with the next mark, as a solve is: a dividend changes no price
      state.update(record);
      return;
    } else if (input instanceof StrategyInput.Filled f) {
      book.applyFill(f.fill());
      time = f.fill().time();
      s = exitReported(record, s, f.fill().orderRef(), time);
      s = afterFill(s, book, time);
      s = afterAwaitedFill(record, s, book, f.fill(), time);
    } else if (input instanceof StrategyInput.Close c) {
      time = c.time().isBefore(s.openedAt()) ? s.openedAt() : c.time();
      requestClose(s, "closed by command: " + c.reason(), time, ctx::output);
      return; // CLOSING once the broker reports the exit
    } else if (input instanceof StrategyInput.OrderChanged o) {
      time = o.time().isBefore(s.openedAt()) ? s.openedAt() : o.time();
      Strategy after = afterOrderChanged(record, s, book, o, time, ctx::output);
      if (after == s) {
        save(record, s, book); // the sequences seen may have moved
        return;
      }
      s = after;
    } else {
      return;
    }
    if (recorded) {
      record.recordedAtMillis = time.toEpochMilli();
    }
    release(record, s, time, ctx::output);
    save(record, s, book);
    out.collect(snapshot(record, s, book, time, recorded));
    status(record, s, book, time, ctx::output);
  }

  /**
   * Once a strategy is CLOSED, a {@link CommandType#RELEASE_STRATEGY} command for the commands
   * table (once: the record remembers it): the router and the Greeks operator, upstream, then stop
   * sending it its instruments' market.
   */
  private static void release(StrategyRecord record, Strategy s, Instant time, Outputs outputs) {
    if (s.state() != StrategyState.CLOSED || record.released) {
      return;
    }
    record.released = true;
    List<Long> conIds = new ArrayList<>(record.legs.length);
    for (StrategyRecord.LegRecord l : record.legs) {
      conIds.add(l.conId);
    }
    outputs.output(
        RELEASES,
        new Command(
            Rolls.commandId(s.id(), ":RELEASE"),
            time,
            RELEASE_ISSUER,
            new CommandAction.ReleaseStrategy(s.id(), record.underlyingConId, conIds)));
  }

  /**
   * A fill of an exit or adjustment the strategy had not heard of yet reports it as well as its
   * status would (a market order's executions often come first): CLOSING or ADJUSTING.
   */
  /** Starts counting the fills of {@code ref} if it is not the order being counted. */
  private static void counting(StrategyRecord record, OrderRef ref) {
    String r = ref.toString();
    if (!r.equals(record.countedRef)) {
      record.countedRef = r;
      record.countedContracts = 0;
      record.awaitedContracts = 0;
    }
  }

  /**
   * Counts a fill of the latest exit or adjustment; once an order that ended has all its fills in,
   * a strategy still holding legs is OPEN again (a flat one was CLOSED by {@link #afterFill}).
   */
  private static Strategy afterAwaitedFill(
      StrategyRecord record, Strategy s, StrategyBook book, Fill fill, Instant time) {
    OrderRef ref = fill.orderRef();
    if (ref == null
        || (ref.purpose() == OrderPurpose.EXIT
            ? ref.seq() < record.exits
            : ref.purpose() != OrderPurpose.ADJUST || ref.seq() < record.adjusts)) {
      return s; // an entry's fill, or an earlier order's
    }
    counting(record, ref);
    record.countedContracts += Math.abs(fill.quantity());
    if (record.awaitedContracts <= 0 || record.countedContracts < record.awaitedContracts) {
      return s;
    }
    record.awaitedContracts = 0;
    boolean working = s.state() == StrategyState.CLOSING || s.state() == StrategyState.ADJUSTING;
    return working && !book.flat() ? s.withState(StrategyState.OPEN, time) : s;
  }

  private static Strategy exitReported(
      StrategyRecord record, Strategy s, OrderRef ref, Instant time) {
    if (ref == null || s.state() != StrategyState.OPEN) {
      return s;
    }
    if (ref.purpose() == OrderPurpose.EXIT && ref.seq() >= record.exits) {
      record.exits = ref.seq();
      return s.withState(StrategyState.CLOSING, time);
    }
    if (ref.purpose() == OrderPurpose.ADJUST && ref.seq() >= record.adjusts) {
      record.adjusts = ref.seq();
      return s.withState(StrategyState.ADJUSTING, time);
    }
    return s;
  }

  /** Tells the decision executor the strategy's state and holdings. */
  private static void status(
      StrategyRecord record, Strategy s, StrategyBook book, Instant time, Outputs outputs) {
    List<Leg> held = new ArrayList<>();
    for (Leg leg : s.legs()) {
      long position = book.position(leg.contract().conId());
      if (position != 0) {
        held.add(new Leg(leg.contract(), Math.toIntExact(position)));
      }
    }
    outputs.output(
        EXECUTOR,
        new ExecutorInput.Status(
            s.id(), record.account, s.state(), held, record.exits, record.adjusts, time));
  }

  /** Asks the decision executor to close what is held (a person's or the system's decision). */
  private static void requestClose(Strategy s, String reason, Instant time, Outputs outputs) {
    if (s.state() != StrategyState.OPEN && s.state() != StrategyState.ADJUSTING) {
      return; // nothing held to close yet, or already closing
    }
    outputs.output(
        EXECUTOR,
        new ExecutorInput.Decided(
            dev.thetaflow.core.decision.Decision.of(
                s.id(),
                dev.thetaflow.core.decision.DecisionAction.CLOSE,
                dev.thetaflow.core.decision.Urgency.HIGH,
                dev.thetaflow.core.decision.RuleId.MANUAL,
                reason,
                List.of(),
                time)));
  }

  /** Applies a leg's or the underlying's quote; whether it changed anything. */
  private boolean mark(StrategyRecord record, StrategyBook book, Quote q) {
    if (q.conId() == record.underlyingConId) {
      double price = underlyingPrice(q);
      if (!(price > 0)) {
        return false;
      }
      long t = q.time().toEpochMilli();
      if (t < record.spotAtMillis) {
        return false; // overtaken by a newer quote (a registration's replay travels apart)
      }
      if (t >= record.spotDayEndMillis) { // the first price of a trading day
        if (record.spot > 0) {
          record.spotBeforeDay = record.spot; // the close, as this strategy saw it
        }
        LocalDate day = q.time().atZone(UsEquityCalendar.ZONE).toLocalDate();
        record.spotDay = day.toEpochDay();
        record.spotDayEndMillis =
            day.plusDays(1).atStartOfDay(UsEquityCalendar.ZONE).toInstant().toEpochMilli();
      }
      record.spot = price;
      record.spotAtMillis = t;
      return true;
    }
    StrategyRecord.LegRecord marked = record.leg(q.conId());
    if (marked != null && q.time().toEpochMilli() < marked.markedAtMillis) {
      return false; // overtaken by a newer quote (a registration's replay travels apart)
    }
    if (!book.mark(q)) {
      StrategyRecord.LegRecord rejected = marked;
      if (rejected != null) {
        rejected.rejectedAtMillis = q.time().toEpochMilli();
      }
      return false;
    }
    StrategyRecord.LegRecord leg = marked;
    leg.mark = q.mid(); // as the book took it
    leg.spotAtMark = record.spot;
    leg.markedAtMillis = q.time().toEpochMilli();
    leg.bid = q.bid();
    leg.ask = q.ask();
    leg.last = q.last();
    return true;
  }

  /** The mid of a sane two-sided quote, else the last trade, else NaN. */
  static double underlyingPrice(Quote q) {
    if (q.isTwoSided() && q.ask() >= q.bid() && q.bid() > 0) {
      double mid = q.mid();
      // IB sends bid and ask as separate ticks: after a jump the first side to move leaves a wide
      // quote whose mid is halfway, and rules must not act on a price nobody quoted. Wait for the
      // other side rather than fall back to a last trade from before the jump.
      return q.spread() <= MAX_UNDERLYING_SPREAD * mid ? mid : Double.NaN;
    }
    return q.last() > 0 ? q.last() : Double.NaN;
  }

  /**
   * The widest two-sided underlying quote taken as a price, as a share of its mid: listed
   * underlyings of options trade within a few basis points; 1% leaves room for thin names.
   */
  private static final double MAX_UNDERLYING_SPREAD = 0.01;

  /**
   * OPEN once every leg holds its full size; CLOSED once nothing is held while closing. The
   * broker's fill times have whole seconds (and a simulator its own clock): a transition is never
   * dated before the strategy was opened.
   */
  private static Strategy afterFill(Strategy s, StrategyBook book, Instant fillTime) {
    Instant time = fillTime.isBefore(s.openedAt()) ? s.openedAt() : fillTime;
    if (s.state() == StrategyState.PENDING_ENTRY) {
      boolean complete = true;
      double net = 0;
      for (Leg leg : s.legs()) {
        long target = leg.ratio() * s.quantity();
        long held = book.position(leg.contract().conId());
        complete &= held == target;
        net -= leg.ratio() * book.averagePrice(leg.contract().conId());
      }
      if (complete) {
        BigDecimal tick = s.legs().get(0).contract().minTick();
        return s.withOpeningNetPrice(Price.of(net, tick, TickRounding.NEAREST))
            .withState(StrategyState.OPEN, time);
      }
    } else if (s.state() != StrategyState.CLOSED && book.flat()) {
      // the exit filled (its status may come after its fills)
      return s.withState(StrategyState.CLOSED, time);
    }
    return s;
  }

  @Override
  public void processBroadcastElement(
      StrategyBroadcast broadcast, Context ctx, Collector<StrategySnapshot> out) throws Exception {
    if (!(broadcast instanceof StrategyBroadcast.Controlled controlled)) {
      // it needs each holder's key, which only the operator can set
      throw new IllegalStateException(
          "a quote for its holders reached StrategyOperator itself: run it in StrategiesOperator");
    }
    Control control = controlled.control();
    var switches = ctx.getBroadcastState(SWITCHES);
    switch (control.kind()) {
      case KILL -> switches.put(KILLED, true);
      case RELEASE -> switches.put(KILLED, false);
      case PAUSE_ENTRIES -> switches.put(ENTRIES_PAUSED, true);
      case RESUME_ENTRIES -> switches.put(ENTRIES_PAUSED, false);
      case CLOSE_ALL ->
          forEachStrategy(
              ctx,
              control.time(),
              (record, s, time, keyed) ->
                  requestClose(s, "close all: " + control.reason(), time, ctx::output));
      case VIX -> onVix(control, ctx);
    }
  }

  /** What a broadcast does to one strategy. */
  private interface PerStrategy {
    void apply(StrategyRecord record, Strategy s, Instant time, ValueState<StrategyRecord> keyed)
        throws Exception;
  }

  /** Applies {@code f} to every strategy of this subtask, at {@code at} or its opening if later. */
  private void forEachStrategy(Context ctx, Instant at, PerStrategy f) throws Exception {
    ctx.applyToKeyedState(
        STRATEGY,
        (strategyId, keyed) -> {
          StrategyRecord record = keyed.value();
          if (record == null) {
            return;
          }
          Strategy s = strategy(record);
          f.apply(record, s, at.isBefore(s.openedAt()) ? s.openedAt() : at, keyed);
        });
  }

  /**
   * Keeps VIX's level and its first level of the trading day, then lets every open strategy's rules
   * judge it: a VIX spike must close short-volatility strategies even when their own legs are
   * quiet.
   */
  private void onVix(Control control, Context ctx) throws Exception {
    if (!(control.value() > 0)) {
      return;
    }
    var market = ctx.getBroadcastState(MARKET);
    long day =
        control
            .time()
            .atZone(dev.thetaflow.core.time.UsEquityCalendar.ZONE)
            .toLocalDate()
            .toEpochDay();
    Double referenceDay = market.get(VIX_REFERENCE_DAY);
    if (referenceDay == null || referenceDay.longValue() != day) {
      market.put(VIX_REFERENCE, control.value());
      market.put(VIX_REFERENCE_DAY, (double) day);
    }
    market.put(VIX_LEVEL, control.value());
    double vix = control.value();
    double reference = market.get(VIX_REFERENCE);
    forEachStrategy(
        ctx,
        control.time(),
        (record, s, time, keyed) -> {
          if (s.state() != StrategyState.OPEN) {
            return;
          }
          StrategyBook book = book(record, s);
          strategyRules.evaluate(record, s, book, time, vix, reference, ctx::output);
          keyed.update(record);
        });
  }

  /** Where orders and market rows leave: the context's side outputs. */
  private interface Outputs {
    <X> void output(OutputTag<X> tag, X value);
  }

  /**
   * Why {@code order} may not leave now (the risk gate's own checks, with the broadcast switches),
   * or null. The gate after this operator checks again; checking here first keeps the strategy in a
   * true state, since the gate cannot tell a strategy what it refused.
   */
  private String refusal(OrderRequest order, boolean killed, boolean entriesPaused) {
    return StrategyOrders.refusal(order, maxContractsPerOrder, killed, entriesPaused);
  }

  /**
   * One of its orders changed at the broker. An exit or adjustment the broker works makes the
   * strategy CLOSING or ADJUSTING (the decision executor sent it; the broker is the loop); one that
   * ends with legs still held (cancelled, rejected, or a partial exit filled) leaves it OPEN. An
   * entry that dies leaves it CLOSED when nothing was filled, else OPEN with a close requested.
   * Only the latest order of a purpose moves the state: a stale cancel of an earlier exit does not
   * reopen a later one.
   */
  private Strategy afterOrderChanged(
      StrategyRecord record,
      Strategy s,
      StrategyBook book,
      StrategyInput.OrderChanged o,
      Instant time,
      Outputs outputs) {
    OrderRef ref = o.orderRef();
    if (ref.purpose() == OrderPurpose.ENTRY) {
      if (!o.dead() || s.state() != StrategyState.PENDING_ENTRY) {
        return s;
      }
      if (book.flat()) {
        LOG.warn("strategy {}: entry {} {} unfilled; closed", s.id(), ref, o.status());
        return s.withState(StrategyState.CLOSED, time);
      }
      LOG.warn(
          "strategy {}: entry {} {} part-filled; closing what is held", s.id(), ref, o.status());
      Strategy held = s.withState(StrategyState.OPEN, time);
      requestClose(held, "entry " + ref + " " + o.status() + " part-filled", time, outputs);
      return held;
    }
    boolean adjust = ref.purpose() == OrderPurpose.ADJUST;
    if (!adjust && ref.purpose() != OrderPurpose.EXIT) {
      return s;
    }
    int latest = adjust ? record.adjusts : record.exits;
    if (ref.seq() < latest) {
      return s; // an earlier order's news
    }
    if (adjust) {
      record.adjusts = ref.seq();
    } else {
      record.exits = ref.seq();
    }
    boolean ended = o.dead() || o.status().equals("FILLED");
    if (ended) {
      counting(record, ref);
      if (record.countedContracts < o.contractsFilled()) {
        // the broker's status overtook the executions it counts: until they are in, what is held
        // is not known, and an OPEN strategy could be sent a second exit for contracts the first
        // already sold (over-closing into a naked position)
        record.awaitedContracts = o.contractsFilled();
        LOG.info(
            "strategy {}: {} {} with {} of {} contracts' fills in; waiting for the rest",
            s.id(),
            ref,
            o.status(),
            record.countedContracts,
            o.contractsFilled());
        return s;
      }
      record.awaitedContracts = 0;
    }
    if (!ended) {
      if (s.state() == StrategyState.OPEN) {
        return s.withState(adjust ? StrategyState.ADJUSTING : StrategyState.CLOSING, time);
      }
      if (!adjust && s.state() == StrategyState.ADJUSTING) {
        return s.withState(StrategyState.CLOSING, time);
      }
      return s;
    }
    if (book.flat()
        || (s.state() != StrategyState.CLOSING && s.state() != StrategyState.ADJUSTING)) {
      return s; // the fills close it; or nothing was in flight
    }
    if (o.dead()) {
      LOG.warn("strategy {}: {} {} with legs still held; OPEN again", s.id(), ref, o.status());
    }
    return s.withState(StrategyState.OPEN, time);
  }

  private static boolean on(Boolean flag) {
    return flag != null && flag;
  }

  /** Keeps the underlying's next dividend for the assignment-risk rule (none clears it). */
  private static void dividend(StrategyRecord record, DividendEvent d) {
    record.nextDividend = d.known() ? d.nextAmount() : 0;
    record.nextDividendExDay = d.known() ? d.nextExDate().toEpochDay() : 0;
  }

  private StrategyRecord newRecord(StrategyInput.Open open) {
    StrategyRecord record = new StrategyRecord();
    record.account = open.account();
    record.underlyingConId = open.underlyingConId();
    List<Leg> legs = open.strategy().legs();
    record.legs = new StrategyRecord.LegRecord[legs.size()];
    for (int i = 0; i < legs.size(); i++) {
      StrategyRecord.LegRecord l = new StrategyRecord.LegRecord();
      l.conId = legs.get(i).contract().conId();
      l.markedAtMillis = -1;
      l.bid = Double.NaN;
      l.ask = Double.NaN;
      l.last = Double.NaN;
      record.legs[i] = l;
    }
    return record;
  }

  private StrategyBook newBook(Strategy s) {
    return new StrategyBook(s.legs(), settings.maxRelativeSpread(), settings.maxMarkAge());
  }

  private Strategy strategy(StrategyRecord record) throws JsonProcessingException {
    if (record.strategy == null) {
      record.strategy = json.readValue(record.strategyJson, Strategy.class);
    }
    return record.strategy;
  }

  private StrategyBook book(StrategyRecord record, Strategy s) {
    if (record.book != null) {
      return record.book;
    }
    StrategyBook book = newBook(s);
    for (StrategyRecord.LegRecord l : record.legs) {
      if (l.solve == null) {
        l.solve = new SolveRecord(); // a record from before solves were kept apart: none yet
      }
      book.restore(
          new StrategyBook.LegSnapshot(
              l.conId,
              l.position,
              l.averagePrice,
              l.realized,
              l.mark,
              l.markedAtMillis < 0 ? null : Instant.ofEpochMilli(l.markedAtMillis)));
    }
    book.restoreCommissions(record.commissions);
    record.book = book;
    return book;
  }

  private void save(StrategyRecord record, Strategy s, StrategyBook book) throws IOException {
    saveInto(state, record, s, book);
  }

  private void saveInto(
      ValueState<StrategyRecord> into, StrategyRecord record, Strategy s, StrategyBook book)
      throws IOException {
    if (s != record.strategy) {
      record.strategyJson = json.writeValueAsString(s);
      record.strategy = s;
    }
    record.book = book;
    syncLegs(record, book);
    record.totalCached = false; // a fill or a new state may change what is held
    into.update(record);
  }

  /** Copies the book into the record's legs (the record is what is checkpointed). */
  private static void syncLegs(StrategyRecord record, StrategyBook book) {
    record.commissions = book.commissions();
    for (StrategyBook.LegSnapshot l : book.legSnapshots()) {
      StrategyRecord.LegRecord r = record.leg(l.conId());
      r.position = l.position();
      r.averagePrice = l.averagePrice();
      r.realized = l.realized();
      r.mark = l.mark();
      r.markedAtMillis = l.markedAt() == null ? -1 : l.markedAt().toEpochMilli();
    }
  }

  private static StrategySnapshot snapshot(
      StrategyRecord record, Strategy s, StrategyBook book, Instant time, boolean recorded) {
    if (!record.totalCached) {
      // the same until a leg is solved again or a fill changes what is held
      List<LegGreeks> legGreeks = new ArrayList<>(record.legs.length);
      boolean complete = record.spot > 0;
      PositionGreeks total = null;
      List<Leg> legs = s.legs();
      for (int i = 0; i < legs.size(); i++) {
        StrategyRecord.LegRecord l = record.legs[i]; // in the strategy's leg order
        LegGreeks g = l.solve.legGreeks(l.conId);
        if (g != null) {
          legGreeks.add(g);
        }
        long held = book.position(l.conId);
        if (held == 0 || !complete) {
          continue;
        }
        if (g == null || !g.usable()) {
          complete = false;
          continue;
        }
        PositionGreeks p =
            PositionGreeks.of(legs.get(i).contract(), g.perUnit(), held, record.spot);
        total = total == null ? p : total.plus(p);
      }
      record.legGreeks = List.copyOf(legGreeks);
      record.total = complete ? total : null;
      record.totalCached = true;
    }
    return new StrategySnapshot(
        s,
        book.legSnapshots(),
        book.realizedPnl(),
        book.unrealizedPnl(time),
        book.commissions(),
        record.spot > 0 ? record.spot : Double.NaN,
        record.legGreeks,
        record.total,
        recorded,
        time);
  }
}
