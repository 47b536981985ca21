package dev.thetaflow.jobs.topology;

import dev.thetaflow.core.broker.BrokerEvent;
import dev.thetaflow.core.broker.BrokerEvent.DividendEvent;
import dev.thetaflow.core.broker.BrokerEvent.ModelGreeksEvent;
import dev.thetaflow.core.broker.BrokerEvent.QuoteEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by instrument (conId): sends each quote to every strategy that holds the instrument as a
 * leg or underlying (once, with their ids, on {@link #HOLDERS}; to a single holder on the main
 * output), and each quote and IB model Greeks once to {@link GreeksOperator} (on {@link #GREEKS},
 * tagged with the underlying), which solves an option's Greeks once for all its holders. Strategies
 * register and unregister; a strategy that registers gets the last quote at once, so it can mark
 * before the next tick (on the main output, per strategy). An underlying's next dividend (IB sends
 * it once per subscription) goes to its holders and is kept even while nobody holds it, so a
 * strategy opened later hears it when it registers. Processing time: it only forwards.
 */
public final class LegRouter
    extends KeyedCoProcessFunction<Long, LegRouter.Registration, BrokerEvent, LegRouter.Routed> {
  private static final long serialVersionUID = 1L;

  /**
   * Each quote once for all the strategies holding the instrument, to every subtask of the
   * strategies' operator ({@link StrategiesOperator} marks the ones it keys).
   */
  public static final OutputTag<StrategyBroadcast> HOLDERS =
      new OutputTag<>("holders", TypeInformation.of(StrategyBroadcast.class));

  /** The instrument's market, once, for the Greeks of the options on its underlying. */
  public static final OutputTag<GreeksInput> GREEKS =
      new OutputTag<>("greeks-market", TypeInformation.of(GreeksInput.class));

  /**
   * A strategy starts ({@code active}) or stops holding an instrument as a leg or underlying.
   *
   * @param underlyingConId the underlying of the option (the instrument itself for an underlying)
   */
  public record Registration(long conId, long underlyingConId, String strategyId, boolean active) {}

  /** A quote, or else the underlying's next dividend, for one strategy. */
  public record Routed(String strategyId, QuoteEvent quote, DividendEvent dividend) {

    public Routed(String strategyId, QuoteEvent quote) {
      this(strategyId, quote, null);
    }

    /** What the strategy's operator takes. */
    public StrategyInput toInput() {
      return dividend != null
          ? new StrategyInput.Dividend(strategyId, dividend)
          : new StrategyInput.Mark(strategyId, quote);
    }
  }

  /** The instrument a routed event is about; others are not routed. */
  public static long conIdOf(BrokerEvent e) {
    if (e instanceof QuoteEvent q) {
      return q.quote().conId();
    }
    if (e instanceof ModelGreeksEvent m) {
      return m.greeks().conId();
    }
    if (e instanceof DividendEvent d) {
      return d.conId();
    }
    throw new IllegalArgumentException("not routed by instrument: " + e);
  }

  /** Whether {@link #conIdOf} knows {@code e}. */
  public static boolean routed(BrokerEvent e) {
    return e instanceof QuoteEvent || e instanceof ModelGreeksEvent || e instanceof DividendEvent;
  }

  private transient MapState<String, Boolean> strategies;
  private transient ValueState<QuoteEvent> last;
  private transient ValueState<Long> underlying;
  private transient ValueState<DividendEvent> dividend;

  @Override
  public void open(org.apache.flink.api.common.functions.OpenContext context) {
    strategies =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("strategies", Types.STRING, Types.BOOLEAN));
    last =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>("last-quote", TypeInformation.of(QuoteEvent.class)));
    underlying = getRuntimeContext().getState(new ValueStateDescriptor<>("underlying", Types.LONG));
    dividend =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "next-dividend", TypeInformation.of(DividendEvent.class)));
  }

  @Override
  public void processElement1(Registration r, Context ctx, Collector<Routed> out) throws Exception {
    if (r.active()) {
      strategies.put(r.strategyId(), true);
      underlying.update(r.underlyingConId());
      QuoteEvent q = last.value();
      if (q != null) {
        out.collect(new Routed(r.strategyId(), q));
      }
      DividendEvent d = dividend.value();
      if (d != null) {
        out.collect(new Routed(r.strategyId(), null, d));
      }
    } else {
      strategies.remove(r.strategyId());
      if (strategies.isEmpty()) {
        last.clear(); // nobody holds it: keep no state for it
        underlying.clear();
      }
    }
  }

  @Override
  public void processElement2(BrokerEvent e, Context ctx, Collector<Routed> out) throws Exception {
    if (e instanceof DividendEvent d) {
      // one per underlying, kept while nobody holds it: IB does not send it again
      if (d.known()) {
        dividend.update(d);
      } else {
        dividend.clear();
      }
      for (String strategyId : strategies.keys()) {
        out.collect(new Routed(strategyId, null, d));
      }
      return;
    }
    if (strategies.isEmpty()) {
      return; // an instrument no strategy holds
    }
    Long under = underlying.value();
    if (under != null) { // null only in state from before the Greeks were solved here
      ctx.output(GREEKS, new GreeksInput.Market(under, e));
    }
    if (e instanceof QuoteEvent q) {
      last.update(q);
      List<String> holders = new ArrayList<>();
      for (String strategyId : strategies.keys()) {
        holders.add(strategyId);
      }
      if (holders.size() == 1) {
        // one holder: one keyed record, which only its subtask reads (a broadcast is read by all)
        out.collect(new Routed(holders.get(0), q));
      } else {
        ctx.output(HOLDERS, new StrategyBroadcast.Quoted(q, holders));
      }
    }
  }
}
