package dev.thetaflow.jobs.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.core.command.CommandAction;
import dev.thetaflow.core.command.StrategySpec;
import dev.thetaflow.core.strategy.StrategyState;
import dev.thetaflow.core.strategy.StrategyType;
import dev.thetaflow.jobs.testing.SimFixture;
import dev.thetaflow.sinks.delta.DeltaReader;
import dev.thetaflow.sinks.delta.DeltaTables;
import dev.thetaflow.sinks.tables.Tables;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An iron condor and a put vertical opened by command, filled, marked with Greeks and persisted;
 * the vertical closed; then a third strategy whose entry works at an unreachable credit, and the
 * kill switch: the working order is cancelled at the broker, and an order that comes after it never
 * reaches the broker.
 */
class TradingKillSwitchTest {
  @TempDir Path data;

  private final Map<String, StrategySnapshot> last = new ConcurrentHashMap<>();

  @Test
  void strategiesLiveByCommandAndTheKillSwitchCancelsWorkingOrdersAndHaltsNewOnes()
      throws Exception {
    DeltaTables tables = DeltaTables.withDefaultEngine();
    DeltaReader reader = new DeltaReader(tables.engine());
    Tables.createMissing(tables, data);
    try (SimFixture sim = new SimFixture(20)) {
      TopologyFixture.command(
          tables,
          data,
          "open-ic",
          new CommandAction.OpenStrategy(TopologyFixture.ironCondor("ic")));
      TopologyFixture.command(
          tables,
          data,
          "open-pv",
          new CommandAction.OpenStrategy(TopologyFixture.putVertical("pv")));
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(1);
      env.enableCheckpointing(300);
      try (CloseableIterator<StrategySnapshot> snapshots =
          TradingTopology.build(env, TopologyFixture.settings(sim, data, "kill"))
              .executeAndCollect("kill switch")) {
        Thread collector =
            new Thread(
                () -> {
                  while (snapshots.hasNext()) {
                    StrategySnapshot s = snapshots.next();
                    last.put(s.strategyId(), s);
                  }
                });
        collector.setDaemon(true);
        collector.start();

        await("both open with Greeks", () -> analysedOpen("ic") && analysedOpen("pv"));
        assertThat(last.get("ic").greeks().vega()).as("a short condor is short vega").isNegative();
        assertThat(last.get("ic").legGreeks()).hasSize(4);

        TopologyFixture.command(
            tables, data, "close-pv", new CommandAction.CloseStrategy("pv", "test"));
        await("pv closed", () -> state("pv") == StrategyState.CLOSED);
        TopologyFixture.awaitRecorded(reader, data, "CLOSED");

        TopologyFixture.command(
            tables,
            data,
            "open-wk",
            new CommandAction.OpenStrategy(TopologyFixture.putVertical("wk", 9.00)));
        await(
            "wk's entry working at the broker",
            () ->
                atBroker(sim, "wk:ENTRY:1/Submitted") || atBroker(sim, "wk:ENTRY:1/PreSubmitted"));
        await("wk waiting for its entry", () -> state("wk") == StrategyState.PENDING_ENTRY);

        long killedAt = System.nanoTime();
        TopologyFixture.command(tables, data, "kill", new CommandAction.KillSwitch("test"));
        await("wk's entry cancelled", () -> atBroker(sim, "wk:ENTRY:1/Cancelled"));
        long cancelMillis = (System.nanoTime() - killedAt) / 1_000_000;
        // the commands table is polled every 500 ms; the rest is the gate, the sink and the wire
        assertThat(cancelMillis).as("kill switch to cancel at the broker, ms").isLessThan(3_000);

        TopologyFixture.command(
            tables,
            data,
            "open-late",
            new CommandAction.OpenStrategy(TopologyFixture.putVertical("late")));
        await("late refused by its strategy", () -> state("late") == StrategyState.CLOSED);
        await("wk closed: its entry died unfilled", () -> state("wk") == StrategyState.CLOSED);
        Thread.sleep(1_000);
        assertThat(sim.brokerOrders().keySet())
            .as("nothing new reaches the broker while the kill switch is on")
            .noneMatch(k -> k.startsWith("late:"));
        assertThat(state("ic")).isEqualTo(StrategyState.OPEN);
        // an order over the size limit never leaves (the strategy checks as the gate does)
        TopologyFixture.command(
            tables, data, "release", new CommandAction.ReleaseKillSwitch(true, "test"));
        TopologyFixture.command(
            tables,
            data,
            "ack-late",
            new CommandAction.AcknowledgeAlert("late-refusal", "seen, kill switch test"));
        TopologyFixture.command(
            tables,
            data,
            "open-big",
            new CommandAction.OpenStrategy(
                new StrategySpec(
                    "big",
                    "SPY",
                    StrategyType.PUT_VERTICAL,
                    60,
                    TopologyFixture.putVertical("x").legs(),
                    OptionalDouble.empty())));
        // the orders table tells the story: what was sent, what the broker did, what was refused
        await(
            "the refusal and the cancel recorded",
            () -> {
              var statuses = orderStatuses(reader);
              return statuses.contains("big:ENTRY:1/REFUSED")
                  && statuses.contains("wk:ENTRY:1/CANCELLED")
                  && acknowledged(reader).contains("late-refusal");
            });
      }
    }
    var orders = reader.table(data.resolve("orders").toString()).read();
    int ref = orders.column("order_ref");
    int status = orders.column("status");
    int text = orders.column("error_text");
    int filled = orders.column("filled");
    int avg = orders.column("avg_fill_price");
    int permId = orders.column("perm_id");
    assertThat(orderStatuses(reader))
        .contains(
            "ic:ENTRY:1/SENT",
            "ic:ENTRY:1/FILLED",
            "pv:ENTRY:1/FILLED",
            "pv:EXIT:1/SENT",
            "pv:EXIT:1/FILLED",
            "wk:ENTRY:1/SENT",
            "wk:ENTRY:1/CANCELLED");
    assertThat(orders.rows())
        .filteredOn(r -> "big:ENTRY:1".equals(r[ref]))
        .singleElement()
        .satisfies(
            r -> assertThat((String) r[text]).startsWith("big:ENTRY:1 refused: 60 contracts"));
    assertThat(orders.rows())
        .filteredOn(r -> "late:ENTRY:1".equals(r[ref]))
        .as("refused by its strategy, never sent")
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r[status]).isEqualTo("REFUSED");
              assertThat(r[text]).isEqualTo("late:ENTRY:1 refused: the kill switch is on");
            });
    assertThat(orders.rows())
        .filteredOn(r -> "ic:ENTRY:1".equals(r[ref]) && "FILLED".equals(r[status]))
        .isNotEmpty()
        .allSatisfy(
            r -> {
              assertThat(r[filled]).isEqualTo(1L);
              assertThat((Long) r[permId]).isPositive();
            })
        .anySatisfy(r -> assertThat((Double) r[avg]).isNotNull());
    assertThat(TopologyFixture.strategyStates(reader, data))
        .contains("PENDING_ENTRY", "OPEN", "CLOSING", "CLOSED");
    // the close command became a person's decision, sent by the executor as pv's exit
    var decisions = reader.table(data.resolve("decisions").toString()).read();
    assertThat(decisions.rows())
        .filteredOn(r -> "pv".equals(r[decisions.column("strategy_id")]))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r[decisions.column("rule")]).isEqualTo("MANUAL");
              assertThat(r[decisions.column("action")]).isEqualTo("CLOSE");
              assertThat((String) r[decisions.column("reason")]).contains("SENT pv:EXIT:1");
            });
    // and what was refused is an alert a person reads
    var alerts = reader.table(data.resolve("alerts").toString()).read();
    assertThat(alerts.rows())
        .filteredOn(r -> "ORDER_REFUSED".equals(r[alerts.column("category")]))
        .extracting(r -> (String) r[alerts.column("strategy_id")])
        .contains("big", "late");
  }

  /** Alert ids acknowledged in the alerts table. */
  private java.util.Set<String> acknowledged(DeltaReader reader) {
    var alerts = reader.table(data.resolve("alerts").toString()).read();
    java.util.Set<String> out = new java.util.HashSet<>();
    for (Object[] r : alerts.rows()) {
      if (Boolean.TRUE.equals(r[alerts.column("acknowledged")])) {
        out.add((String) r[alerts.column("alert_id")]);
      }
    }
    return out;
  }

  private java.util.Set<String> orderStatuses(DeltaReader reader) {
    var orders = reader.table(data.resolve("orders").toString()).read();
    int ref = orders.column("order_ref");
    int status = orders.column("status");
    java.util.Set<String> out = new java.util.HashSet<>();
    orders.rows().forEach(r -> out.add(r[ref] + "/" + r[status]));
    return out;
  }

  private boolean analysedOpen(String id) {
    StrategySnapshot s = last.get(id);
    return s != null && s.state() == StrategyState.OPEN && s.greeks() != null;
  }

  private StrategyState state(String id) {
    StrategySnapshot s = last.get(id);
    return s == null ? null : s.state();
  }

  private static boolean atBroker(SimFixture sim, String refAndStatus) {
    return sim.brokerOrders().containsKey(refAndStatus);
  }

  private final long started = System.nanoTime();

  private void await(String what, BooleanSupplier condition) throws InterruptedException {
    // generous: on a loaded 2-core machine the collect sink alone can lag by seconds
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for %s; last %s", what, last).isLessThan(deadline);
      Thread.sleep(100);
    }
    System.err.printf("%s after %d ms%n", what, (System.nanoTime() - started) / 1_000_000);
  }
}
