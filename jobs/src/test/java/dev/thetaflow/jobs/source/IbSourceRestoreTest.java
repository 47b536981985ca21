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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.groups.SourceReaderMetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.SimpleUserCodeClassLoader;
import org.apache.flink.util.UserCodeClassLoader;
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

    SourceReader<BrokerEvent, IbSplit> first = source.createReader(new Context());
    Collected out1 = new Collected();
    first.addSplits(List.of(new IbSplit(1, 0, List.of())));
    first.start();
    await(first, out1, e -> e instanceof ConnectionEvent c && c.state().equals("READY"));
    buySpy("s-1:ENTRY:1");
    Fill before = ((FillEvent) await(first, out1, e -> e instanceof FillEvent)).fill();
    assertThat(before.orderRef()).isEqualTo(OrderRef.parse("s-1:ENTRY:1"));
    assertThat(before.commission()).isNotNull();
    List<IbSplit> state = first.snapshotState(1);
    assertThat(state.get(0).recentExecIds()).containsExactly(before.execId());
    first.close(); // the job fails after the checkpoint

    buySpy("s-1:EXIT:1"); // filled while no source runs
    Thread.sleep(300);

    SourceReader<BrokerEvent, IbSplit> restored = source.createReader(new Context());
    Collected out2 = new Collected();
    restored.addSplits(state);
    restored.start();
    Fill missed = ((FillEvent) await(restored, out2, e -> e instanceof FillEvent)).fill();
    assertThat(missed.orderRef()).isEqualTo(OrderRef.parse("s-1:EXIT:1"));
    // give any replay of the first fill time to arrive: it must not
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
    while (System.nanoTime() < until) {
      drain(restored, out2);
      Thread.sleep(20);
    }
    assertThat(out2.events.stream().filter(e -> e instanceof FillEvent))
        .extracting(e -> ((FillEvent) e).fill().execId())
        .containsExactly(missed.execId());
    restored.close();
  }

  private static void drain(SourceReader<BrokerEvent, IbSplit> reader, Collected out)
      throws Exception {
    while (reader.pollNext(out) == org.apache.flink.core.io.InputStatus.MORE_AVAILABLE) {}
  }

  private static BrokerEvent await(
      SourceReader<BrokerEvent, IbSplit> reader, Collected out, Predicate<BrokerEvent> match)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (true) {
      for (BrokerEvent e : out.events) {
        if (match.test(e)) {
          return e;
        }
      }
      assertThat(System.nanoTime()).as("timed out; saw %s", out.events).isLessThan(deadline);
      try {
        reader.isAvailable().get(200, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException idle) {
        continue;
      }
      drain(reader, out);
    }
  }

  private static final class Context implements SourceReaderContext {
    @Override
    public SourceReaderMetricGroup metricGroup() {
      return UnregisteredMetricsGroup.createSourceReaderMetricGroup();
    }

    @Override
    public Configuration getConfiguration() {
      return new Configuration();
    }

    @Override
    public String getLocalHostName() {
      return "localhost";
    }

    @Override
    public int getIndexOfSubtask() {
      return 0;
    }

    @Override
    public void sendSplitRequest() {}

    @Override
    public void sendSourceEventToCoordinator(SourceEvent sourceEvent) {}

    @Override
    public UserCodeClassLoader getUserCodeClassLoader() {
      return SimpleUserCodeClassLoader.create(getClass().getClassLoader());
    }
  }

  private static final class Collected implements ReaderOutput<BrokerEvent> {
    final List<BrokerEvent> events = new ArrayList<>();

    @Override
    public void collect(BrokerEvent record) {
      events.add(record);
    }

    @Override
    public void collect(BrokerEvent record, long timestamp) {
      events.add(record);
    }

    @Override
    public void emitWatermark(Watermark watermark) {}

    @Override
    public void markIdle() {}

    @Override
    public void markActive() {}

    @Override
    public SourceOutput<BrokerEvent> createOutputForSplit(String splitId) {
      return this;
    }

    @Override
    public void releaseOutputForSplit(String splitId) {}
  }
}
