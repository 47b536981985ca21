package dev.thetaflow.jobs.topology;

import dev.thetaflow.core.broker.BrokerEvent.FillEvent;
import dev.thetaflow.core.order.Fill;
import dev.thetaflow.sinks.delta.RowConverter;

/**
 * A fill as a row of the {@code trades} table, partitioned by the exchange date of the execution
 * (New York). Realized P&amp;L is left to the strategies table, which knows the average prices.
 */
final class TradeRows implements RowConverter<FillEvent> {
  private static final long serialVersionUID = 1L;

  private final String jobId;

  TradeRows(String jobId) {
    this.jobId = jobId;
  }

  @Override
  public Object[] toRow(FillEvent event) {
    Fill f = event.fill();
    return new Object[] {
      TableRows.tradeDate(f.time()),
      f.time(),
      jobId,
      null, // checkpoint_id: the sink's transaction records it
      f.execId(),
      f.orderRef() == null ? null : f.orderRef().toString(),
      (int) f.orderId(),
      event.permId(),
      f.orderRef() == null ? null : f.orderRef().strategyId(),
      (int) f.conId(),
      event.symbol(),
      f.side().name(),
      f.quantity(),
      f.price().doubleValue(),
      f.commission() == null ? null : f.commission().amount().doubleValue(),
      null,
      f.time()
    };
  }
}
