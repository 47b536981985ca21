package dev.thetaflow.jobs.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.core.broker.BrokerEvent;
import dev.thetaflow.core.broker.BrokerEvent.ConnectionEvent;
import dev.thetaflow.core.broker.BrokerEvent.FillEvent;
import dev.thetaflow.core.config.BackoffConfig;
import dev.thetaflow.core.order.Fill;
import dev.thetaflow.core.order.OrderRef;
import dev.thetaflow.ib.client.ConnectionOptions;
import dev.thetaflow.ib.client.IbConnection;
import dev.thetaflow.ib.client.IbListener;
import dev.thetaflow.ib.codec.Requests;
import dev.thetaflow.ib.codec.TwsContract;
import dev.thetaflow.ib.codec.TwsOrder;
import dev.thetaflow.ib.codec.TwsValues;
import dev.thetaflow.ib.source.IbSource;
import dev.thetaflow.ib.source.IbSourceSettings;
import dev.thetaflow.ib.source.IbSplit;
import dev.thetaflow.sim.market.MarketSpec;
import dev.thetaflow.sim.market.SimMarket;
import dev.thetaflow.sim.scenario.Scenario;
import dev.thetaflow.sim.server.IbSim;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
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
  private static final Instant OPEN = Instant.parse("2026-11-24T14:30:00Z");

  private SimMarket market;
  private IbSim sim;
  private IbConnection trader;

  @BeforeEach
  void start() throws Exception {
    market = SimMarket.create(MarketSpec.defaults(), 42, OPEN);
    IbSim.Options defaults = IbSim.Options.defaults(0, 1.0, 42);
    sim =
        IbSim.start(
            new IbSim.Options(0, 1.0, 1, 10, defaults.account(), 1_000_000, Duration.ofMillis(50)),
            market,
            Scenario.quiet());
    trader = new IbConnection(options(2), new IbListener() {});
    trader.start();
    assertThat(trader.awaitReady(Duration.ofSeconds(10))).isTrue();
  }

  @AfterEach
  void stop() {
    trader.close();
    sim.close();
  }

  private ConnectionOptions options(int clientId) {
    return new ConnectionOptions(
        "127.0.0.1",
        sim.port(),
        clientId,
        null,
        Duration.ofSeconds(3),
        Duration.ofSeconds(1),
        Duration.ofSeconds(3),
        new BackoffConfig(Duration.ofMillis(100), Duration.ofSeconds(1)),
        40,
        10,
        Duration.ofSeconds(5));
  }

  private void buySpy(String orderRef) {
    int spy = sim.call(() -> market.underlyingConId("SPY"));
    TwsContract contract =
        new TwsContract(
            spy,
            "SPY",
            "STK",
            "",
            TwsValues.UNSET_DOUBLE,
            "",
            "",
            "SMART",
            "",
            "USD",
            "",
            "",
            List.of());
    int orderId = trader.nextOrderId();
    trader.send(
        w ->
            Requests.placeOrder(
                w,
                orderId,
                contract,
                TwsOrder.market("BUY", BigDecimal.TEN).withOrderRef(orderRef)));
  }

  @Test
  void aRestoredSourceEmitsTheMissedFillAndNotTheOneBefore() throws Exception {
    IbSource source =
        new IbSource(
            new IbSourceSettings(
                options(1), List.of(), "America/New_York", Duration.ofMinutes(10)));

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
