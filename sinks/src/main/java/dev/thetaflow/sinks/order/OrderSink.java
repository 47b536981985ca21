package dev.thetaflow.sinks.order;

import dev.thetaflow.core.order.OrderAction;
import dev.thetaflow.ib.client.ConnectionOptions;
import java.io.IOException;
import java.time.Duration;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Sends order actions to IB on its own connection. Idempotent by order reference: before it places
 * anything after a (re)connect, it learns every reference the broker already has (open orders,
 * today's completed orders, executions), so a restored job that replays a placement finds the order
 * and does not place it again. A checkpoint completes only when every action before it has been
 * handed to the connection; if that cannot happen in {@code flushTimeout} (disconnected), the
 * checkpoint fails and the job restores from an earlier one whose replay is idempotent.
 */
public final class OrderSink implements Sink<OrderAction> {
  private static final long serialVersionUID = 1L;

  private final ConnectionOptions connection;
  private final Duration flushTimeout;

  public OrderSink(ConnectionOptions connection, Duration flushTimeout) {
    this.connection = connection;
    this.flushTimeout = flushTimeout;
  }

  @Override
  public SinkWriter<OrderAction> createWriter(WriterInitContext context) throws IOException {
    OrderSinkWriter writer =
        new OrderSinkWriter(
            connection, flushTimeout, context.metricGroup().counter("ordersPlaced"));
    writer.start();
    return writer;
  }
}
