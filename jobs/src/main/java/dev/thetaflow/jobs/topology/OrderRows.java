package dev.thetaflow.jobs.topology;

import dev.thetaflow.sinks.delta.RowConverter;

/** An order update as a row of {@code orders}, partitioned by its exchange date. */
final class OrderRows implements RowConverter<OrderUpdate> {
  private static final long serialVersionUID = 1L;

  private final String jobId;

  OrderRows(String jobId) {
    this.jobId = jobId;
  }

  @Override
  public Object[] toRow(OrderUpdate o) {
    return new Object[] {
      TableRows.tradeDate(o.time()),
      o.time(),
      jobId,
      null,
      o.orderRef(),
      o.orderId(),
      o.permId(),
      o.strategyId(),
      o.purpose(),
      o.action(),
      o.orderType(),
      o.quantity(),
      o.limitPrice(),
      o.auxPrice(),
      o.tif(),
      o.legsJson(),
      o.status(),
      o.filled(),
      o.averageFillPrice(),
      o.errorCode(),
      o.errorText()
    };
  }
}
