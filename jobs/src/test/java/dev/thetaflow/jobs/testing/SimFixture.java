package dev.thetaflow.jobs.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.ib.client.ConnectionOptions;
import dev.thetaflow.ib.client.IbConnection;
import dev.thetaflow.ib.client.IbListener;
import dev.thetaflow.ib.codec.CompletedOrder;
import dev.thetaflow.ib.codec.IncomingMessage;
import dev.thetaflow.ib.codec.IncomingMessageId;
import dev.thetaflow.ib.codec.OpenOrder;
import dev.thetaflow.ib.codec.RequestEnd;
import dev.thetaflow.ib.codec.Requests;
import dev.thetaflow.sim.market.MarketSpec;
import dev.thetaflow.sim.market.SimMarket;
import dev.thetaflow.sim.scenario.Scenario;
import dev.thetaflow.sim.server.IbSim;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * ib-sim on a loopback port for the job tests: a seeded market at a session open, client 1 as the
 * master client, and connection options that fail and retry fast.
 */
public final class SimFixture implements AutoCloseable {
  public static final Instant OPEN = Instant.parse("2026-11-24T14:30:00Z"); // 09:30 New York

  public final SimMarket market;
  public final IbSim sim;
  public final String account;

  /** A sim allowing {@code marketDataLines} streaming lines per client. */
  public SimFixture(int marketDataLines) throws java.io.IOException {
    market = SimMarket.create(MarketSpec.defaults(), 42, OPEN);
    IbSim.Options defaults = IbSim.Options.defaults(0, 1.0, 42);
    account = defaults.account();
    sim =
        IbSim.start(
            new IbSim.Options(
                0, 1.0, 1, marketDataLines, account, 1_000_000, Duration.ofMillis(50)),
            market,
            Scenario.quiet());
  }

  /** Options for a connection to this sim as {@code clientId}. */
  public ConnectionOptions options(int clientId) {
    return ConnectionOptions.local(sim.port(), clientId);
  }

  /** The conId of an underlying, read on the sim's event loop. */
  public int underlyingConId(String symbol) {
    return sim.call(() -> market.underlyingConId(symbol));
  }

  /** The broker's orders of the day counted by {@code orderRef/status}, read inside the sim. */
  public Map<String, Integer> brokerOrders() {
    return sim.ordersByRefAndStatus();
  }

  /**
   * The broker's orders of the day counted by {@code orderRef/status}, as the master client (1)
   * sees them; client 1 must be free (no job connected as it).
   */
  public Map<String, Integer> ordersByRefAndStatus() throws Exception {
    List<IncomingMessage> seen = new CopyOnWriteArrayList<>();
    IbConnection observer =
        new IbConnection(
            options(1),
            new IbListener() {
              @Override
              public void onMessage(IncomingMessage message) {
                seen.add(message);
              }
            });
    observer.start();
    try {
      assertThat(observer.awaitReady(Duration.ofSeconds(10))).isTrue();
      observer.send(Requests::reqAllOpenOrders);
      observer.send(w -> Requests.reqCompletedOrders(w, false));
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (seen.stream()
              .filter(
                  m ->
                      m instanceof RequestEnd e
                          && (e.messageId() == IncomingMessageId.OPEN_ORDER_END
                              || e.messageId() == IncomingMessageId.COMPLETED_ORDERS_END))
              .count()
          < 2) {
        assertThat(System.nanoTime()).as("order lists").isLessThan(deadline);
        Thread.sleep(20);
      }
      Map<String, Integer> count = new HashMap<>();
      List<Integer> openIds = new ArrayList<>();
      for (IncomingMessage m : seen) {
        if (m instanceof OpenOrder o && !openIds.contains(o.orderId())) {
          openIds.add(o.orderId());
          count.merge(o.orderRef() + "/" + o.state().status(), 1, Integer::sum);
        } else if (m instanceof CompletedOrder c) {
          count.merge(c.orderRef() + "/" + c.status(), 1, Integer::sum);
        }
      }
      return count;
    } finally {
      observer.close();
    }
  }

  @Override
  public void close() {
    sim.close();
  }
}
