package dev.thetaflow.jobs.topology;

import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by instrument: lets one market snapshot through per interval of event time. Strategies that
 * share a leg or an underlying each refresh it; the table needs it once.
 */
final class MarketDataThrottle extends KeyedProcessFunction<Long, MarketSnapshot, MarketSnapshot> {
  private static final long serialVersionUID = 1L;

  private final long intervalMillis;
  private transient ValueState<Long> lastWritten;

  MarketDataThrottle(Duration interval) {
    this.intervalMillis = interval.toMillis();
  }

  @Override
  public void open(OpenContext context) {
    lastWritten =
        getRuntimeContext().getState(new ValueStateDescriptor<>("last-written", Types.LONG));
  }

  @Override
  public void processElement(MarketSnapshot m, Context ctx, Collector<MarketSnapshot> out)
      throws Exception {
    Long last = lastWritten.value();
    long now = m.time().toEpochMilli();
    if (last == null || now - last >= intervalMillis) {
      lastWritten.update(now);
      out.collect(m);
    }
  }
}
