package dev.thetaflow.jobs.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.core.command.CommandAction;
import dev.thetaflow.core.strategy.StrategyState;
import dev.thetaflow.jobs.testing.SimFixture;
import dev.thetaflow.sinks.delta.DeltaReader;
import dev.thetaflow.sinks.delta.DeltaTables;
import dev.thetaflow.sinks.tables.Tables;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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
        await("late resolved", () -> last.containsKey("late"));
        Thread.sleep(2_000);
        assertThat(sim.brokerOrders().keySet())
            .as("nothing new reaches the broker while the kill switch is on")
            .noneMatch(k -> k.startsWith("late:"));
        assertThat(state("ic")).isEqualTo(StrategyState.OPEN);
      }
    }
    assertThat(TopologyFixture.strategyStates(reader, data))
        .contains("PENDING_ENTRY", "OPEN", "CLOSING", "CLOSED");
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
