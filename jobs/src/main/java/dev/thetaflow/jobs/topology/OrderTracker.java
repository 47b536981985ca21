package dev.thetaflow.jobs.topology;

import dev.thetaflow.core.broker.BrokerEvent;
import dev.thetaflow.core.broker.BrokerEvent.OpenOrderEvent;
import dev.thetaflow.core.broker.BrokerEvent.OrderStatusEvent;
import dev.thetaflow.core.order.OrderRef;
import dev.thetaflow.core.order.OrderStatus;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keyed by the broker's permanent order id: joins what an order is (openOrder: its reference,
 * terms, legs, status) with how much of it is filled at what average (orderStatus) into rows of the
 * {@code orders} table, one per change the broker reports. Orders that are not thetaflow's (no
 * parseable order reference: placed in TWS or by another program) are not recorded.
 */
final class OrderTracker extends KeyedProcessFunction<Long, BrokerEvent, OrderUpdate> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(OrderTracker.class);

  private transient ValueState<OpenOrderEvent> order;
  private transient ValueState<OrderStatusEvent> status;

  /** Whether {@code e} is tracked here, with a permanent id to key it by. */
  static boolean tracked(BrokerEvent e) {
    return (e instanceof OpenOrderEvent o && o.permId() > 0)
        || (e instanceof OrderStatusEvent s && s.permId() > 0);
  }

  static long permIdOf(BrokerEvent e) {
    return e instanceof OpenOrderEvent o ? o.permId() : ((OrderStatusEvent) e).permId();
  }

  @Override
  public void open(OpenContext context) {
    order =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>("open-order", TypeInformation.of(OpenOrderEvent.class)));
    status =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "order-status", TypeInformation.of(OrderStatusEvent.class)));
  }

  @Override
  public void processElement(BrokerEvent e, Context ctx, Collector<OrderUpdate> out)
      throws Exception {
    if (e instanceof OpenOrderEvent o) {
      OpenOrderEvent before = order.value();
      order.update(o);
      if (before == null || before.status() != o.status()) {
        emit(o, status.value(), o, out);
      }
    } else if (e instanceof OrderStatusEvent s) {
      status.update(s);
      OpenOrderEvent o = order.value();
      if (o != null) {
        emit(o, s, s, out);
      }
    }
  }

  private static void emit(
      OpenOrderEvent o, OrderStatusEvent s, BrokerEvent cause, Collector<OrderUpdate> out) {
    OrderRef ref;
    try {
      ref = OrderRef.parse(o.orderRef());
    } catch (IllegalArgumentException notOurs) {
      LOG.debug("order {} ({}) is not thetaflow's; not recorded", o.permId(), o.orderRef());
      return;
    }
    boolean statusIsNewer = s != null && !s.time().isBefore(o.time());
    OrderStatus current = statusIsNewer ? s.status() : o.status();
    // openOrder says Filled before its orderStatus says how much: all of it
    long filled =
        statusIsNewer || (s != null && current != OrderStatus.FILLED)
            ? Math.round(s.filled())
            : current == OrderStatus.FILLED ? Math.round(o.quantity()) : 0;
    out.collect(
        new OrderUpdate(
            o.orderRef(),
            (int) o.orderId(),
            o.permId(),
            ref.strategyId(),
            ref.purpose().name(),
            o.action(),
            o.orderType(),
            Math.round(o.quantity()),
            TableRows.number(o.limitPrice()),
            TableRows.number(o.auxPrice()),
            o.tif(),
            o.legs(),
            current.name(),
            filled,
            statusIsNewer ? TableRows.number(s.averageFillPrice()) : null,
            null,
            null,
            cause.time()));
  }
}
