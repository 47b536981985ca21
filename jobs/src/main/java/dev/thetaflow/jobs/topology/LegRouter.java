package dev.thetaflow.jobs.topology;

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
 * Keyed by instrument (conId): sends each quote to every strategy that holds the instrument as a
 * leg. Strategies register and unregister their legs; a strategy that registers gets the last quote
 * at once, so it can mark before the next tick. Processing time: it only forwards.
 */
public final class LegRouter
    extends KeyedCoProcessFunction<Long, LegRouter.Registration, QuoteEvent, LegRouter.Routed> {
  private static final long serialVersionUID = 1L;

  /** A strategy starts ({@code active}) or stops holding an instrument as a leg. */
  public record Registration(long conId, String strategyId, boolean active) {}

  /** A quote for one strategy. */
  public record Routed(String strategyId, QuoteEvent quote) {}

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
  public void processElement2(QuoteEvent q, Context ctx, Collector<Routed> out) throws Exception {
    if (strategies.isEmpty()) {
      return; // an underlying or an instrument no strategy holds
    }
    last.update(q);
    for (String strategyId : strategies.keys()) {
      out.collect(new Routed(strategyId, q));
    }
  }
}
