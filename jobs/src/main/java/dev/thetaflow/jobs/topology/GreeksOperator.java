package dev.thetaflow.jobs.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaflow.core.broker.BrokerEvent.ModelGreeksEvent;
import dev.thetaflow.core.broker.BrokerEvent.QuoteEvent;
import dev.thetaflow.core.instrument.Contract;
import dev.thetaflow.core.json.DomainJson;
import dev.thetaflow.core.market.ModelGreeks;
import dev.thetaflow.core.market.Quote;
import dev.thetaflow.core.risk.LegAnalytics;
import dev.thetaflow.core.risk.LegGreeks;
import dev.thetaflow.core.strategy.StrategyBook;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by underlying: solves each held option's implied volatility and Greeks once for the whole
 * job and sends them to every strategy holding it ({@link StrategyInput.Solved}).
 *
 * <p>Why here and not in each strategy: an American solve costs 20–100 µs, and an underlying's tick
 * that makes the Greeks due reaches every strategy on it. Solved per strategy, one tick made a
 * third of a 1,000-strategy book solve its legs in the strategies' task, and a quote that breached
 * a stop waited ~150 ms behind that burst (docs/benchmarks.md, "Quote to decision"). Here an option
 * shared by many strategies is solved once, and the marks and rules never wait for a solve: the
 * Greeks arrive beside them, a little later.
 *
 * <p>An option is solved again from a fresh sane mark and a fresh spot: at its own quote once
 * {@code greeksInterval} of event time passed since its last solve (its price moved), and at the
 * underlying's tick once the underlying moved by {@code greeksSpotMove} since (all its options at
 * once: a move changes every Greek), or once the solve is older than {@code maxMarkAge} (a leg
 * whose quote does not change still ages). Time alone does not make the underlying's tick re-solve
 * the book each interval: that burst of a third of the book's solves made every strategy's quote
 * wait behind it, and an option's Greeks move with time slowly next to its price and the spot. Each
 * solve also leaves on {@link #MARKET_DATA} with IB's model Greeks beside it, and the underlying
 * once per interval.
 */
public final class GreeksOperator extends KeyedProcessFunction<Long, GreeksInput, StrategyInput> {
  private static final long serialVersionUID = 1L;

  /** Solved options and their underlyings, for the market_data table. */
  public static final OutputTag<MarketSnapshot> MARKET_DATA =
      new OutputTag<>("market-data", TypeInformation.of(MarketSnapshot.class));

  private final StrategyOperator.Settings settings;

  private transient ValueState<UnderlyingRecord> underlying;
  private transient MapState<Long, OptionRecord> options;
  private transient MapState<String, long[]> holdings;
  private transient ObjectMapper json;

  public GreeksOperator(StrategyOperator.Settings settings) {
    this.settings = settings;
  }

  @Override
  public void open(OpenContext context) {
    underlying =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("underlying", UnderlyingRecord.class));
    options =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "options", Types.LONG, TypeInformation.of(OptionRecord.class)));
    holdings =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "holdings", Types.STRING, TypeInformation.of(long[].class)));
    json = DomainJson.newMapper();
  }

  @Override
  public void processElement(GreeksInput input, Context ctx, Collector<StrategyInput> out)
      throws Exception {
    UnderlyingRecord u = underlying.value();
    if (u == null) {
      u = new UnderlyingRecord();
    }
    if (input instanceof GreeksInput.Holding h) {
      hold(u, h, ctx, out);
    } else if (input instanceof GreeksInput.Released r) {
      release(r.strategyId());
    } else if (input instanceof GreeksInput.Market m) {
      if (m.event() instanceof QuoteEvent q) {
        if (q.quote().conId() == ctx.getCurrentKey()) {
          spot(u, q.quote(), ctx, out);
        } else {
          optionQuote(u, q.quote(), ctx, out);
        }
      } else if (m.event() instanceof ModelGreeksEvent e) {
        model(e.greeks());
      }
    }
    underlying.update(u);
  }

  /** A strategy holds options here: it gets their solves from now on, and the latest at once. */
  private void hold(
      UnderlyingRecord u, GreeksInput.Holding h, Context ctx, Collector<StrategyInput> out)
      throws Exception {
    long[] conIds = new long[h.options().size()];
    List<LegGreeks> known = new ArrayList<>(conIds.length);
    for (int i = 0; i < conIds.length; i++) {
      Contract c = h.options().get(i);
      conIds[i] = c.conId();
      OptionRecord o = options.get(c.conId());
      if (o == null) {
        o = new OptionRecord();
        o.conId = c.conId();
      }
      if (o.contractJson == null) {
        o.contractJson = json.writeValueAsString(c);
        o.contract = c;
      }
      if (!Arrays.asList(o.holders).contains(h.strategyId())) {
        o.holders = append(o.holders, h.strategyId());
      }
      if (u.symbol == null) {
        u.symbol = c.symbol();
      }
      if (due(o, u, u.latestMillis, interval()) && fresh(o, u, u.latestMillis)) {
        solve(o, u, u.latestMillis, ctx);
      }
      if (o.solve.atMillis > 0) {
        known.add(o.greeks());
      }
      options.put(c.conId(), o);
    }
    holdings.put(h.strategyId(), conIds);
    if (!known.isEmpty()) {
      out.collect(new StrategyInput.Solved(h.strategyId(), known));
    }
  }

  private void spot(UnderlyingRecord u, Quote q, Context ctx, Collector<StrategyInput> out)
      throws Exception {
    double price = StrategyOperator.underlyingPrice(q);
    long now = q.time().toEpochMilli();
    u.latestMillis = Math.max(u.latestMillis, now);
    if (!(price > 0)) {
      return;
    }
    u.spot = price;
    u.spotAtMillis = now;
    long interval = settings.greeksInterval().toMillis();
    if (u.symbol != null && now - u.writtenAtMillis >= interval) { // named by its first holding
      u.writtenAtMillis = now;
      ctx.output(
          MARKET_DATA,
          new MarketSnapshot(
              null,
              ctx.getCurrentKey(),
              u.symbol,
              q.bid(),
              q.ask(),
              q.last(),
              price,
              null,
              Double.NaN,
              Double.NaN,
              false,
              q.time()));
    }
    double move = settings.greeksSpotMove();
    boolean scan =
        now >= u.nextDueMillis
            || (u.solvedLow > 0 && price >= u.solvedLow * (1 + move))
            || (u.solvedHigh > 0 && price <= u.solvedHigh * (1 - move));
    if (scan) {
      scan(u, now, ctx, out);
    }
  }

  /**
   * Solves every due option with a fresh mark, strategy by strategy, so the strategies hear of
   * their legs as the work goes rather than all at its end; an option shared by several is solved
   * once.
   */
  private void scan(UnderlyingRecord u, long now, Context ctx, Collector<StrategyInput> out)
      throws Exception {
    long nextDue = Long.MAX_VALUE;
    double low = Double.POSITIVE_INFINITY;
    double high = 0;
    long maxAge = settings.maxMarkAge().toMillis();
    List<LegGreeks> solved = new ArrayList<>();
    for (var holding : holdings.entries()) {
      solved.clear();
      for (long conId : holding.getValue()) {
        OptionRecord o = options.get(conId);
        if (o == null || o.contractJson == null || !fresh(o, u, now)) {
          continue;
        }
        if (o.solve.atMillis == now && o.solve.spot == u.spot) {
          solved.add(o.greeks()); // solved for an earlier holder in this scan
        } else if (due(o, u, now, maxAge)) {
          solve(o, u, now, ctx);
          options.put(conId, o);
          solved.add(o.greeks());
        }
        nextDue = Math.min(nextDue, o.solve.atMillis + maxAge);
        low = Math.min(low, o.solve.spot);
        high = Math.max(high, o.solve.spot);
      }
      if (!solved.isEmpty()) {
        out.collect(new StrategyInput.Solved(holding.getKey(), solved));
      }
    }
    u.nextDueMillis = nextDue == Long.MAX_VALUE ? now + maxAge : nextDue;
    u.solvedLow = high > 0 ? low : 0;
    u.solvedHigh = high;
  }

  private void optionQuote(UnderlyingRecord u, Quote q, Context ctx, Collector<StrategyInput> out)
      throws Exception {
    long now = q.time().toEpochMilli();
    u.latestMillis = Math.max(u.latestMillis, now);
    OptionRecord o = options.get(q.conId());
    if (o == null) {
      o = new OptionRecord(); // quoted before its holding arrived: the contract comes with it
      o.conId = q.conId();
    }
    if (StrategyBook.sane(q, settings.maxRelativeSpread())) {
      o.mark = q.mid();
      o.markedAtMillis = now;
    }
    o.bid = q.bid();
    o.ask = q.ask();
    o.last = q.last();
    if (o.contractJson != null && due(o, u, now, interval()) && fresh(o, u, now)) {
      solve(o, u, now, ctx);
      u.solvedLow = u.solvedLow > 0 ? Math.min(u.solvedLow, u.spot) : u.spot;
      u.solvedHigh = Math.max(u.solvedHigh, u.spot);
      List<LegGreeks> leg = List.of(o.greeks());
      for (String holder : o.holders) {
        out.collect(new StrategyInput.Solved(holder, leg));
      }
    }
    options.put(q.conId(), o);
  }

  private void model(ModelGreeks g) throws Exception {
    OptionRecord o = options.get(g.conId());
    if (o == null) {
      o = new OptionRecord();
      o.conId = g.conId();
    }
    o.ibIv = g.impliedVol();
    o.ibDelta = g.delta();
    o.ibAtMillis = g.time().toEpochMilli();
    options.put(g.conId(), o);
  }

  private long interval() {
    return settings.greeksInterval().toMillis();
  }

  /** Never solved, solved longer than {@code age} ago, or the spot moved enough since. */
  private boolean due(OptionRecord o, UnderlyingRecord u, long now, long age) {
    return o.solve.atMillis <= 0
        || now - o.solve.atMillis >= age
        || Math.abs(u.spot / o.solve.spot - 1) >= settings.greeksSpotMove();
  }

  /** A mark and a spot no older than the mark age limit: a solve from them means something. */
  private boolean fresh(OptionRecord o, UnderlyingRecord u, long now) {
    long maxAge = settings.maxMarkAge().toMillis();
    return o.markedAtMillis > 0
        && now - o.markedAtMillis <= maxAge
        && u.spot > 0
        && now - u.spotAtMillis <= maxAge;
  }

  private void solve(OptionRecord o, UnderlyingRecord u, long now, Context ctx)
      throws JsonProcessingException {
    Contract c = o.contract(json);
    Instant at = Instant.ofEpochMilli(now);
    LegGreeks g = LegAnalytics.of(c, o.mark, u.spot, at, settings.market());
    o.solve.set(g);
    ctx.output(
        MARKET_DATA,
        new MarketSnapshot(
            c,
            c.conId(),
            c.symbol(),
            o.bid,
            o.ask,
            o.last,
            u.spot,
            g,
            o.ibAtMillis > 0 ? o.ibIv : Double.NaN,
            o.ibAtMillis > 0 ? o.ibDelta : Double.NaN,
            false,
            at));
  }

  /** A strategy closed: its options are solved for it no more, and for nobody once unheld. */
  private void release(String strategyId) throws Exception {
    long[] conIds = holdings.get(strategyId);
    if (conIds == null) {
      return; // released before (a command read twice) or never held here
    }
    holdings.remove(strategyId);
    for (long conId : conIds) {
      OptionRecord o = options.get(conId);
      if (o == null) {
        continue;
      }
      o.holders =
          Arrays.stream(o.holders).filter(h -> !h.equals(strategyId)).toArray(String[]::new);
      if (o.holders.length == 0) {
        options.remove(conId); // the router sends its quotes no more either
      } else {
        options.put(conId, o);
      }
    }
  }

  private static String[] append(String[] a, String s) {
    String[] b = Arrays.copyOf(a, a.length + 1);
    b[a.length] = s;
    return b;
  }

  /** One underlying's spot and when its options are next due (a Flink POJO: it may evolve). */
  public static class UnderlyingRecord {
    public String symbol;
    public double spot;
    public long spotAtMillis;

    /** The latest event time seen on this underlying: the clock of a holding's first solve. */
    public long latestMillis;

    /** When the underlying's market row was last written. */
    public long writtenAtMillis;

    /** No option's solve is too old before this (a lower bound: a scan may find none). */
    public long nextDueMillis;

    /** The lowest and highest spot the options' current Greeks were solved at; 0: none. */
    public double solvedLow;

    public double solvedHigh;

    public UnderlyingRecord() {}
  }

  /** One option's mark, its last solve and IB's model Greeks, and who holds it. */
  public static class OptionRecord {
    public long conId;

    /** The contract as DomainJson writes it; null until a holding named it. */
    public String contractJson;

    public String[] holders = new String[0];
    public double mark;

    /** Epoch millis of the last sane quote; 0 or less: never. */
    public long markedAtMillis;

    public double bid = Double.NaN;
    public double ask = Double.NaN;
    public double last = Double.NaN;

    /** Its last solve. */
    public SolveRecord solve = new SolveRecord();

    public long ibAtMillis;
    public double ibIv;
    public double ibDelta;

    /** A cache of the contract (the heap backend hands the same record back). */
    public transient Contract contract;

    public OptionRecord() {}

    Contract contract(ObjectMapper json) throws JsonProcessingException {
      if (contract == null) {
        contract = json.readValue(contractJson, Contract.class);
      }
      return contract;
    }

    LegGreeks greeks() {
      return solve.legGreeks(conId);
    }
  }
}
