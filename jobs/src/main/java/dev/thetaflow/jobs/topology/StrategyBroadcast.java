package dev.thetaflow.jobs.topology;

import dev.thetaflow.core.broker.BrokerEvent.QuoteEvent;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * What every subtask of the strategies' operator hears; on the wire as {@link
 * StrategyBroadcastSerializer}.
 */
@TypeInfo(StrategyBroadcastSerializer.Factory.class)
public sealed interface StrategyBroadcast {

  /** A control for every strategy (kill switch, paused entries, close all, VIX). */
  record Controlled(Control control) implements StrategyBroadcast {}

  /**
   * A quote for the strategies that hold its instrument as a leg or underlying: one record per
   * subtask instead of one per holder; {@link StrategiesOperator} gives each holder it keys a
   * {@link StrategyInput.Mark}. Broadcast rather than partitioned, so the router need not know how
   * the strategies are spread over subtasks (rescaling changes that).
   *
   * @param holders the strategies' ids, not empty
   */
  record Quoted(QuoteEvent quote, List<String> holders) implements StrategyBroadcast {
    public Quoted {
      if (holders.isEmpty()) {
        throw new IllegalArgumentException("a quote for no strategy: " + quote);
      }
    }
  }
}
