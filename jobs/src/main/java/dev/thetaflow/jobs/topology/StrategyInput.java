package dev.thetaflow.jobs.topology;

import dev.thetaflow.core.broker.BrokerEvent.DividendEvent;
import dev.thetaflow.core.broker.BrokerEvent.QuoteEvent;
import dev.thetaflow.core.order.Fill;
import dev.thetaflow.core.order.OrderRef;
import dev.thetaflow.core.risk.LegGreeks;
import dev.thetaflow.core.strategy.Strategy;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/** What reaches a strategy's keyed operator; on the wire as {@link StrategyInputSerializer}. */
@TypeInfo(StrategyInputSerializer.Factory.class)
public sealed interface StrategyInput {

  String strategyId();

  /**
   * A resolved strategy to open.
   *
   * @param strategy the strategy, PENDING_ENTRY
   * @param underlyingConId its underlying's conId: its quotes are the spot of the legs' Greeks
   * @param account the broker account it trades in
   * @param limitPrice net price per unit (credit positive), or null to enter at market
   */
  record Open(Strategy strategy, long underlyingConId, String account, Double limitPrice)
      implements StrategyInput {
    @Override
    public String strategyId() {
      return strategy.id();
    }
  }

  /** A quote of one of its legs or of its underlying. */
  record Mark(String strategyId, QuoteEvent quote) implements StrategyInput {}

  /**
   * Its legs' implied volatilities and Greeks as {@link GreeksOperator} solved them (once for every
   * strategy holding an option), one or more of its legs.
   */
  record Solved(String strategyId, List<LegGreeks> legs) implements StrategyInput {
    public Solved {
      legs = List.copyOf(legs);
    }
  }

  /** Its underlying's next dividend, or that none is expected (rare: on the wire by Kryo). */
  record Dividend(String strategyId, DividendEvent dividend) implements StrategyInput {}

  /** A fill attributed to it by its order reference. */
  record Filled(String strategyId, Fill fill) implements StrategyInput {}

  /**
   * One of its orders changed at the broker.
   *
   * @param status the order's status name (OrderStatus, as the orders table has it)
   * @param contractsFilled contracts filled so far over all the order's legs, as the broker counts
   *     them (its status can arrive before the executions that bring them)
   */
  record OrderChanged(
      String strategyId, OrderRef orderRef, String status, long contractsFilled, Instant time)
      implements StrategyInput {

    /** Cancelled or rejected: it will not fill any more. */
    public boolean dead() {
      return status.equals("CANCELLED") || status.equals("REJECTED");
    }
  }

  /** Close it (a command, or a rule's decision upstream). */
  record Close(String strategyId, String reason, Instant time) implements StrategyInput {}
}
