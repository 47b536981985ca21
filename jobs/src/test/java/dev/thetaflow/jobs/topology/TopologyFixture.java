package dev.thetaflow.jobs.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.command.Command;
import dev.thetaflow.core.command.CommandAction;
import dev.thetaflow.core.command.LegSpec;
import dev.thetaflow.core.command.StrategySpec;
import dev.thetaflow.core.strategy.StrategyType;
import dev.thetaflow.ib.source.IbSourceSettings;
import dev.thetaflow.ib.source.StreamedInstrument;
import dev.thetaflow.jobs.commands.CommandsTable;
import dev.thetaflow.jobs.testing.SimFixture;
import dev.thetaflow.sim.market.MarketSpec;
import dev.thetaflow.sinks.delta.DeltaReader;
import dev.thetaflow.sinks.delta.DeltaTables;
import dev.thetaflow.sinks.tail.StartingPosition;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** What the topology tests share: a put vertical, the job's settings, the tables read back. */
final class TopologyFixture {
  private TopologyFixture() {}

  /** A SPY 570/560 put vertical of the 2026-12-18 expiry, entered at market. */
  static StrategySpec putVertical(String strategyId) {
    return new StrategySpec(
        strategyId,
        "SPY",
        StrategyType.PUT_VERTICAL,
        1,
        List.of(put(-1, 570), put(1, 560)),
        OptionalDouble.empty());
  }

  /** A put credit spread asking {@code credit} per unit: far above the market, it stays working. */
  static StrategySpec putVertical(String strategyId, double credit) {
    return new StrategySpec(
        strategyId,
        "SPY",
        StrategyType.PUT_VERTICAL,
        1,
        List.of(put(-1, 570), put(1, 560)),
        OptionalDouble.of(credit));
  }

  /** A SPY iron condor 560/570 - 630/640 entered at market. */
  static StrategySpec ironCondor(String strategyId) {
    return new StrategySpec(
        strategyId,
        "SPY",
        StrategyType.IRON_CONDOR,
        1,
        List.of(
            leg(OptionType.PUT, 1, 560),
            leg(OptionType.PUT, -1, 570),
            leg(OptionType.CALL, -1, 630),
            leg(OptionType.CALL, 1, 640)),
        OptionalDouble.empty());
  }

  private static LegSpec put(int ratio, double strike) {
    return leg(OptionType.PUT, ratio, strike);
  }

  private static LegSpec leg(OptionType right, int ratio, double strike) {
    return new LegSpec(
        right,
        ratio,
        LocalDate.of(2026, 12, 18),
        OptionalInt.empty(),
        OptionalDouble.of(strike),
        OptionalDouble.empty());
  }

  /** Appends {@code action} to the commands table as command {@code id}. */
  static void command(DeltaTables tables, Path data, String id, CommandAction action) {
    CommandsTable.append(tables, data.toString(), new Command(id, Instant.now(), "test", action));
  }

  /** The job against {@code sim}: source client 1, order sink 3, lookups 5; SPY streamed. */
  static TradingTopology.Settings settings(SimFixture sim, Path data, String lineage) {
    return new TradingTopology.Settings(
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
        lineage,
        StrategyOperator.Settings.defaults(MarketSpec.defaults().assumptions()),
        50,
        DecisionSettings.none());
  }

  /** The states recorded in the strategies table, in no particular order. */
  static List<String> strategyStates(DeltaReader reader, Path data) {
    var rows = reader.table(data.resolve("strategies").toString()).read();
    int state = rows.column("state");
    return rows.rows().stream().map(r -> (String) r[state]).toList();
  }

  /** Waits until the strategies table records {@code state} (60 s at most). */
  static void awaitRecorded(DeltaReader reader, Path data, String state) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!strategyStates(reader, data).contains(state)) {
      assertThat(System.nanoTime())
          .as("waiting for %s: %s", state, strategyStates(reader, data))
          .isLessThan(deadline);
      Thread.sleep(200);
    }
  }
}
