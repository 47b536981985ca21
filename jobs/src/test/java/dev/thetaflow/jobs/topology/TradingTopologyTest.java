package dev.thetaflow.jobs.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.command.Command;
import dev.thetaflow.core.command.CommandAction;
import dev.thetaflow.core.command.LegSpec;
import dev.thetaflow.core.command.StrategySpec;
import dev.thetaflow.core.strategy.StrategyState;
import dev.thetaflow.core.strategy.StrategyType;
import dev.thetaflow.ib.source.IbSourceSettings;
import dev.thetaflow.ib.source.StreamedInstrument;
import dev.thetaflow.jobs.commands.CommandsTable;
import dev.thetaflow.jobs.testing.SimFixture;
import dev.thetaflow.sinks.delta.DeltaReader;
import dev.thetaflow.sinks.delta.DeltaTables;
import dev.thetaflow.sinks.tail.StartingPosition;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
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

  private static LegSpec put(int ratio, double strike) {
    return new LegSpec(
        OptionType.PUT,
        ratio,
        LocalDate.of(2026, 12, 18),
        OptionalInt.empty(),
        OptionalDouble.of(strike),
        OptionalDouble.empty());
  }

  @Test
  void aVerticalIsOpenedFilledAndClosedByCommand() throws Exception {
    DeltaTables tables = DeltaTables.withDefaultEngine();
    try (SimFixture sim = new SimFixture(20)) {
      StrategySpec spec =
          new StrategySpec(
              "pv-1",
              "SPY",
              StrategyType.PUT_VERTICAL,
              1,
              List.of(put(-1, 570), put(1, 560)),
              OptionalDouble.empty());
      CommandsTable.append(
          tables,
          data.toString(),
          new Command("open-1", Instant.now(), "test", new CommandAction.OpenStrategy(spec)));

      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(1);
      env.enableCheckpointing(300);
      dev.thetaflow.sinks.tables.Tables.createMissing(tables, data);
      TradingTopology.Settings settings =
          new TradingTopology.Settings(
              new IbSourceSettings(
                  sim.options(1),
                  List.of(StreamedInstrument.stock("SPY")),
                  "America/New_York",
                  Duration.ofMinutes(10)),
              sim.options(3),
              sim.options(5),
              sim.account,
              data.toString(),
              StartingPosition.earliest(),
              "test-run");
      List<StrategySnapshot> seen = new ArrayList<>();
      try (CloseableIterator<StrategySnapshot> snapshots =
          TradingTopology.build(env, settings).executeAndCollect("trading topology")) {
        await(snapshots, seen, StrategyState.OPEN);
        CommandsTable.append(
            tables,
            data.toString(),
            new Command(
                "close-1", Instant.now(), "test", new CommandAction.CloseStrategy("pv-1", "test")));
        await(snapshots, seen, StrategyState.CLOSED);
        // the strategies table holds its life, committed with the checkpoints
        DeltaReader reader = new DeltaReader(tables.engine());
        String path = data.resolve("strategies").toString();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<String> states = List.of();
        while (!states.contains("CLOSED")) {
          assertThat(System.nanoTime()).as("table states %s", states).isLessThan(deadline);
          Thread.sleep(200);
          var rows = reader.table(path).read();
          int state = rows.column("state");
          states = rows.rows().stream().map(r -> (String) r[state]).toList();
        }
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
