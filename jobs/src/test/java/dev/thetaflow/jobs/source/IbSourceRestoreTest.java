package dev.thetaflow.jobs.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.core.broker.BrokerEvent;
import dev.thetaflow.core.broker.BrokerEvent.ConnectionEvent;
import dev.thetaflow.core.broker.BrokerEvent.FillEvent;
import dev.thetaflow.core.order.Fill;
import dev.thetaflow.core.order.OrderRef;
import dev.thetaflow.ib.client.IbConnection;
import dev.thetaflow.ib.client.IbListener;
import dev.thetaflow.ib.codec.Requests;
import dev.thetaflow.ib.codec.TwsContract;
import dev.thetaflow.ib.codec.TwsOrder;
import dev.thetaflow.ib.source.IbSource;
import dev.thetaflow.ib.source.IbSourceSettings;
import dev.thetaflow.ib.source.IbSplit;
import dev.thetaflow.jobs.testing.SimFixture;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.source.SourceReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A restored IB source asks the broker for the fills it may have missed while it was down, and
 * emits each fill once: the one before the checkpoint is not emitted again, the one during the
 * outage is.
 */
class IbSourceRestoreTest {
  private SimFixture sim;
  private IbConnection trader;

  @BeforeEach
  void start() throws Exception {
    sim = new SimFixture(10);
    trader = new IbConnection(sim.options(2), new IbListener() {});
    trader.start();
    assertThat(trader.awaitReady(Duration.ofSeconds(10))).isTrue();
  }

  @AfterEach
  void stop() {
    trader.close();
    sim.close();
  }

  private void buySpy(String orderRef) {
    TwsContract spy = TwsContract.byConId(sim.underlyingConId("SPY"), "SPY", "STK", "USD");
    int orderId = trader.nextOrderId();
    trader.send(
        w ->
            Requests.placeOrder(
                w, orderId, spy, TwsOrder.market("BUY", BigDecimal.TEN).withOrderRef(orderRef)));
  }

  @Test
  void aRestoredSourceEmitsTheMissedFillAndNotTheOneBefore() throws Exception {
    IbSource source =
        new IbSource(
            new IbSourceSettings(
                sim.options(1), List.of(), "America/New_York", Duration.ofMinutes(10)));

    SourceReader<BrokerEvent, IbSplit> first = source.createReader(new ReaderHarness.Context());
    ReaderHarness.Collected out1 = new ReaderHarness.Collected();
    first.addSplits(List.of(new IbSplit(1, 0, List.of())));
    first.start();
    ReaderHarness.await(
        first, out1, e -> e instanceof ConnectionEvent c && c.state().equals("READY"));
    buySpy("s-1:ENTRY:1");
    Fill before =
        ((FillEvent) ReaderHarness.await(first, out1, e -> e instanceof FillEvent)).fill();
    assertThat(before.orderRef()).isEqualTo(OrderRef.parse("s-1:ENTRY:1"));
    assertThat(before.commission()).isNotNull();
    List<IbSplit> state = first.snapshotState(1);
    assertThat(state.get(0).recentExecIds()).containsExactly(before.execId());
    first.close(); // the job fails after the checkpoint

    buySpy("s-1:EXIT:1"); // filled while no source runs
    Thread.sleep(300);

    SourceReader<BrokerEvent, IbSplit> restored = source.createReader(new ReaderHarness.Context());
    ReaderHarness.Collected out2 = new ReaderHarness.Collected();
    restored.addSplits(state);
    restored.start();
    Fill missed =
        ((FillEvent) ReaderHarness.await(restored, out2, e -> e instanceof FillEvent)).fill();
    assertThat(missed.orderRef()).isEqualTo(OrderRef.parse("s-1:EXIT:1"));
    // give any replay of the first fill time to arrive: it must not
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
    while (System.nanoTime() < until) {
      ReaderHarness.drain(restored, out2);
      Thread.sleep(20);
    }
    assertThat(out2.events.stream().filter(e -> e instanceof FillEvent))
        .extracting(e -> ((FillEvent) e).fill().execId())
        .containsExactly(missed.execId());
    restored.close();
  }
}
