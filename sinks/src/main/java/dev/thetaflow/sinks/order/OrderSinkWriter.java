package dev.thetaflow.sinks.order;

import dev.thetaflow.core.order.OrderAction;
import dev.thetaflow.core.order.OrderRequest;
import dev.thetaflow.ib.client.ConnectionOptions;
import dev.thetaflow.ib.client.ConnectionState;
import dev.thetaflow.ib.client.IbConnection;
import dev.thetaflow.ib.client.IbListener;
import dev.thetaflow.ib.codec.CompletedOrder;
import dev.thetaflow.ib.codec.ErrorMessage;
import dev.thetaflow.ib.codec.ExecutionDetails;
import dev.thetaflow.ib.codec.IncomingMessage;
import dev.thetaflow.ib.codec.IncomingMessageId;
import dev.thetaflow.ib.codec.OpenOrder;
import dev.thetaflow.ib.codec.OrderStatus;
import dev.thetaflow.ib.codec.RequestEnd;
import dev.thetaflow.ib.codec.Requests;
import dev.thetaflow.ib.mapping.OrderRequests;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order sink's writer. Actions queue until the broker's orders are known (reconciled after
 * every READY); then each is sent in order. All state is guarded by {@code this}: the task thread
 * writes, the connection's threads report.
 */
final class OrderSinkWriter implements SinkWriter<OrderAction>, IbListener {
  private static final Logger LOG = LoggerFactory.getLogger(OrderSinkWriter.class);
  private static final Set<String> DONE = Set.of("Filled", "Cancelled", "ApiCancelled", "Inactive");

  private final IbConnection connection;
  private final Duration flushTimeout;
  private final Counter placed;

  private final ArrayDeque<OrderAction> pending = new ArrayDeque<>();

  /** orderRef → broker order id, for every order the broker knows of this account today. */
  private final Map<String, Integer> known = new HashMap<>();

  /** Order ids still working. */
  private final Set<Integer> working = new HashSet<>();

  private boolean reconciled;
  private boolean openOrdersEnded;
  private boolean completedOrdersEnded;
  private boolean halted;

  OrderSinkWriter(ConnectionOptions options, Duration flushTimeout, Counter placed) {
    this.connection = new IbConnection(options, this);
    this.flushTimeout = flushTimeout;
    this.placed = placed;
  }

  void start() {
    connection.start();
  }

  @Override
  public synchronized void write(OrderAction action, Context context) {
    pending.add(action);
    drain();
  }

  /** Waits until every action so far has been handed to the connection, or fails the checkpoint. */
  @Override
  public void flush(boolean endOfInput) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + flushTimeout.toNanos();
    synchronized (this) {
      drain();
      while (!pending.isEmpty()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IOException(
              pending.size()
                  + " order actions could not be sent within "
                  + flushTimeout
                  + " (connection "
                  + connection.state()
                  + "); the checkpoint fails so that a restore replays them");
        }
        wait(Math.max(1, left / 1_000_000));
        drain();
      }
    }
    // and out of the paced outbox onto the socket: a job that ends now must not drop them
    long left = Math.max(0, deadline - System.nanoTime());
    if (!connection.awaitOutboxWritten(Duration.ofNanos(left))) {
      throw new IOException(
          "order messages were still waiting for the socket after " + flushTimeout);
    }
  }

  @Override
  public void onStateChange(ConnectionState previous, ConnectionState current, String reason) {
    synchronized (this) {
      if (current != ConnectionState.READY) {
        reconciled = false;
        return;
      }
      openOrdersEnded = false;
      completedOrdersEnded = false;
    }
    // learn every reference the broker has before placing anything
    connection.send(Requests::reqOpenOrders);
    connection.send(w -> Requests.reqCompletedOrders(w, false));
    int executions = connection.nextRequestId();
    connection.send(w -> Requests.reqExecutions(w, executions, 0, "", "", "", "", "", ""));
  }

  @Override
  public synchronized void onMessage(IncomingMessage message) {
    if (message instanceof OpenOrder o) {
      learn(o.orderRef(), o.orderId());
      if (!DONE.contains(o.state().status())) {
        working.add(o.orderId());
      }
    } else if (message instanceof CompletedOrder c) {
      learn(c.orderRef(), 0);
    } else if (message instanceof ExecutionDetails e) {
      learn(e.orderRef(), e.orderId());
    } else if (message instanceof OrderStatus s) {
      if (DONE.contains(s.status())) {
        working.remove(s.orderId());
      } else {
        working.add(s.orderId());
      }
    } else if (message instanceof ErrorMessage e && working.contains(e.id())) {
      // a rejection names the order id; the broker's order status says the rest
      LOG.warn("order sink: order {}: {} {}", e.id(), e.errorCode(), e.errorMsg());
    } else if (message instanceof RequestEnd end) {
      if (end.messageId() == IncomingMessageId.OPEN_ORDER_END) {
        openOrdersEnded = true;
      } else if (end.messageId() == IncomingMessageId.COMPLETED_ORDERS_END) {
        completedOrdersEnded = true;
      }
      if (openOrdersEnded && completedOrdersEnded && !reconciled) {
        reconciled = true;
        LOG.info("order sink: broker knows {} order refs; sending queued actions", known.size());
        drain();
      }
    }
  }

  private void learn(String orderRef, int orderId) {
    if (orderRef != null && !orderRef.isEmpty()) {
      known.merge(orderRef, orderId, (a, b) -> b != 0 ? b : a);
    }
  }

  /** Sends what can be sent now. */
  private void drain() {
    if (!reconciled || connection.state() != ConnectionState.READY) {
      return;
    }
    while (!pending.isEmpty()) {
      OrderAction action = pending.poll();
      if (action instanceof OrderAction.Place p) {
        place(p.request());
      } else if (action instanceof OrderAction.Cancel c) {
        Integer orderId = known.get(c.orderRef().toString());
        if (orderId != null && orderId != 0 && working.contains(orderId)) {
          connection.send(w -> Requests.cancelOrder(w, orderId, ""));
        }
      } else if (action instanceof OrderAction.CancelAll k) {
        halted = true;
        LOG.warn(
            "order sink: kill switch ({}): cancelling {} working orders",
            k.reason(),
            working.size());
        for (int orderId : working) {
          connection.send(w -> Requests.cancelOrder(w, orderId, ""));
        }
      } else if (action instanceof OrderAction.Resume r) {
        halted = false;
        LOG.warn("order sink: kill switch lifted ({})", r.reason());
      }
    }
    notifyAll();
  }

  private void place(OrderRequest request) {
    String ref = request.orderRef().toString();
    if (halted) {
      LOG.warn("order sink: kill switch on, {} not placed", ref);
      return;
    }
    if (known.containsKey(ref)) {
      LOG.info("order sink: {} is already at the broker; not placed again", ref);
      return;
    }
    OrderRequests.TwsPlacement tws = OrderRequests.toTws(request);
    int orderId = connection.nextOrderId();
    known.put(ref, orderId);
    working.add(orderId);
    connection.send(w -> Requests.placeOrder(w, orderId, tws.contract(), tws.order()));
    placed.inc();
  }

  @Override
  public void close() throws Exception {
    try {
      flush(false);
    } finally {
      connection.close();
    }
  }
}
