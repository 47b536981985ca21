package dev.thetaflow.jobs.topology;

import dev.thetaflow.core.broker.BrokerEvent;
import dev.thetaflow.core.broker.BrokerEvent.ModelGreeksEvent;
import dev.thetaflow.core.broker.BrokerEvent.QuoteEvent;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by instrument (conId): sends each quote and IB model Greeks to every strategy that holds
 * the instrument as a leg or underlying. Strategies register and unregister; a strategy that
 * registers gets the last quote at once, so it can mark before the next tick. Processing time: it
 * only forwards.
 */
public final class LegRouter
    extends KeyedCoProcessFunction<Long, LegRouter.Registration, BrokerEvent, LegRouter.Routed> {
  private static final long serialVersionUID = 1L;

  /** A strategy starts ({@code active}) or stops holding an instrument as a leg. */
  public record Registration(long conId, String strategyId, boolean active) {}

  /** A quote or model Greeks for one strategy. */
  public record Routed(String strategyId, BrokerEvent event) {

    /** What the strategy's operator takes. */
    public StrategyInput toInput() {
      return event instanceof ModelGreeksEvent m
          ? new StrategyInput.Model(strategyId, m)
          : new StrategyInput.Mark(strategyId, (QuoteEvent) event);
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
    throw new IllegalArgumentException("not routed by instrument: " + e);
  }

  /** Whether {@link #conIdOf} knows {@code e}. */
  public static boolean routed(BrokerEvent e) {
    return e instanceof QuoteEvent || e instanceof ModelGreeksEvent;
  }

  private transient MapState<String, Boolean> strategies;
  private transient ValueState<QuoteEvent> last;

  @Override
  public void open(org.apache.flink.api.common.functions.OpenContext context) {
    strategies =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("strategies", Types.STRING, Types.BOOLEAN));
    last =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>("last-quote", TypeInformation.of(QuoteEvent.class)));
  }

  @Override
  public void processElement1(Registration r, Context ctx, Collector<Routed> out) throws Exception {
    if (r.active()) {
      strategies.put(r.strategyId(), true);
      QuoteEvent q = last.value();
      if (q != null) {
        out.collect(new Routed(r.strategyId(), q));
      }
    } else {
      strategies.remove(r.strategyId());
      if (strategies.isEmpty()) {
        last.clear(); // nobody holds it: keep no state for it
      }
    }
  }

  @Override
  public void processElement2(BrokerEvent e, Context ctx, Collector<Routed> out) throws Exception {
    if (strategies.isEmpty()) {
      return; // an instrument no strategy holds
    }
    if (e instanceof QuoteEvent q) {
      last.update(q);
    }
    for (String strategyId : strategies.keys()) {
      out.collect(new Routed(strategyId, e));
    }
  }
}
