package dev.thetaflow.jobs.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.core.command.CommandAction;
import dev.thetaflow.core.strategy.StrategyState;
import dev.thetaflow.jobs.testing.SimFixture;
import dev.thetaflow.sinks.delta.DeltaReader;
import dev.thetaflow.sinks.delta.DeltaTables;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topology on a MiniCluster against ib-sim: a put vertical opened by command is resolved,
 * entered, filled (OPEN) and, on a close command, exited and CLOSED.
 */
class TradingTopologyTest {
  @TempDir Path data;

  @Test
  void aVerticalIsOpenedFilledAndClosedByCommand() throws Exception {
    DeltaTables tables = DeltaTables.withDefaultEngine();
    try (SimFixture sim = new SimFixture(20)) {
      TopologyFixture.command(
          tables,
          data,
          "open-1",
          new CommandAction.OpenStrategy(TopologyFixture.putVertical("pv-1")));

      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(1);
      env.enableCheckpointing(300);
      dev.thetaflow.sinks.tables.Tables.createMissing(tables, data);
      TradingTopology.Settings settings = TopologyFixture.settings(sim, data, "test-run");
      List<StrategySnapshot> seen = new ArrayList<>();
      try (CloseableIterator<StrategySnapshot> snapshots =
          TradingTopology.build(env, settings).executeAndCollect("trading topology")) {
        await(snapshots, seen, StrategyState.OPEN);
        TopologyFixture.command(
            tables, data, "close-1", new CommandAction.CloseStrategy("pv-1", "test"));
        await(snapshots, seen, StrategyState.CLOSED);
        // the strategies table holds its life, committed with the checkpoints
        DeltaReader reader = new DeltaReader(tables.engine());
        TopologyFixture.awaitRecorded(reader, data, "CLOSED");
        List<String> states = TopologyFixture.strategyStates(reader, data);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        assertThat(states).contains("PENDING_ENTRY", "OPEN", "CLOSING", "CLOSED");
        // and every fill once in trades: two legs in, two legs out
        String tradesPath = data.resolve("trades").toString();
        List<Object[]> trades = List.of();
        while (trades.size() < 4) {
          assertThat(System.nanoTime()).as("trades %s", trades.size()).isLessThan(deadline);
          Thread.sleep(200);
          trades = reader.table(tradesPath).read().rows();
        }
        var tradeRows = reader.table(tradesPath).read();
        int ref = tradeRows.column("order_ref");
        int execId = tradeRows.column("exec_id");
        assertThat(tradeRows.rows()).hasSize(4);
        assertThat(tradeRows.rows()).extracting(r -> r[execId]).doesNotHaveDuplicates();
        assertThat(tradeRows.rows())
            .extracting(r -> r[ref])
            .containsExactlyInAnyOrder(
                "pv-1:ENTRY:1", "pv-1:ENTRY:1", "pv-1:EXIT:1", "pv-1:EXIT:1");
      }
      StrategySnapshot closed = seen.get(seen.size() - 1);
      assertThat(closed.legs()).allSatisfy(l -> assertThat(l.position()).isZero());
      assertThat(closed.commissions()).isPositive();
      assertThat(seen).extracting(StrategySnapshot::state).contains(StrategyState.PENDING_ENTRY);
    }
  }

  private static void await(
      CloseableIterator<StrategySnapshot> it, List<StrategySnapshot> seen, StrategyState state) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (seen.isEmpty() || seen.get(seen.size() - 1).state() != state) {
      assertThat(System.nanoTime()).as("waiting for %s; saw %s", state, seen).isLessThan(deadline);
      seen.add(it.next());
    }
  }
}
