package dev.thetaflow.jobs.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.thetaflow.core.analytics.IvStatus;
import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.broker.BrokerEvent.ModelGreeksEvent;
import dev.thetaflow.core.broker.BrokerEvent.QuoteEvent;
import dev.thetaflow.core.instrument.Contract;
import dev.thetaflow.core.market.MarketDataKind;
import dev.thetaflow.core.market.ModelGreeks;
import dev.thetaflow.core.market.ModelTickSource;
import dev.thetaflow.core.market.Quote;
import dev.thetaflow.core.risk.LegAnalytics;
import dev.thetaflow.core.risk.LegGreeks;
import dev.thetaflow.core.risk.MarketAssumptions;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** Options solved once for all their holders, when due, from fresh sane marks. */
class GreeksOperatorTest {
  private static final Instant T = Instant.parse("2026-12-01T15:00:00Z");
  private static final long SPY = 756733;
  private static final MarketAssumptions MARKET = new MarketAssumptions(0.04, Map.of("SPY", 0.013));
  private static final StrategyOperator.Settings SETTINGS =
      StrategyOperator.Settings.defaults(MARKET);

  private static Contract option(long conId, double strike, OptionType right) {
    return Contract.equityOption(
        conId, "SPY", LocalDate.of(2026, 12, 18), strike, right, new BigDecimal("0.01"));
  }

  private final Contract put570 = option(2, 570, OptionType.PUT);
  private final Contract put560 = option(1, 560, OptionType.PUT);
  private final Contract call630 = option(3, 630, OptionType.CALL);

  private static KeyedOneInputStreamOperatorTestHarness<Long, GreeksInput, StrategyInput> harness(
      OperatorSubtaskState restore) throws Exception {
    var h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new GreeksOperator(SETTINGS)),
            GreeksInput::underlyingConId,
            Types.LONG);
    if (restore != null) {
      h.initializeState(restore);
    }
    h.open();
    return h;
  }

  private static GreeksInput quote(long conId, double bid, double ask, Instant at) {
    return new GreeksInput.Market(
        SPY,
        new QuoteEvent(
            new Quote(conId, bid, ask, Double.NaN, 1, 1, 0, at), MarketDataKind.REAL_TIME));
  }

  /** The mid as a quote computes it (the solve's input, to the last bit). */
  private static double mid(double bid, double ask) {
    return new Quote(1, bid, ask, Double.NaN, 1, 1, 0, T).mid();
  }

  /** The same solve as an independent call gives (to rounding: the solver is warm-started). */
  private static void assertSameSolve(LegGreeks actual, LegGreeks expected) {
    assertThat(actual.conId()).isEqualTo(expected.conId());
    assertThat(actual.ivStatus()).isEqualTo(expected.ivStatus());
    assertThat(actual.at()).isEqualTo(expected.at());
    assertThat(actual.spot()).isEqualTo(expected.spot());
    double[] a = {
      actual.optionPrice(),
      actual.impliedVol(),
      actual.delta(),
      actual.gamma(),
      actual.vega(),
      actual.theta(),
      actual.rho()
    };
    double[] e = {
      expected.optionPrice(),
      expected.impliedVol(),
      expected.delta(),
      expected.gamma(),
      expected.vega(),
      expected.theta(),
      expected.rho()
    };
    for (int i = 0; i < a.length; i++) {
      assertThat(a[i]).isCloseTo(e[i], within(1e-12 * Math.max(1, Math.abs(e[i]))));
    }
  }

  private static GreeksInput spot(double mid, Instant at) {
    return quote(SPY, mid - 0.05, mid + 0.05, at);
  }

  private static List<StrategyInput.Solved> solved(
      KeyedOneInputStreamOperatorTestHarness<Long, GreeksInput, StrategyInput> h) {
    return h.extractOutputValues().stream().map(StrategyInput.Solved.class::cast).toList();
  }

  /** How many options were solved: each solve is one market_data row. */
  private static long solves(
      KeyedOneInputStreamOperatorTestHarness<Long, GreeksInput, StrategyInput> h) {
    var rows = h.getSideOutput(GreeksOperator.MARKET_DATA);
    return rows == null
        ? 0
        : rows.stream().map(StreamRecord::getValue).filter(m -> m.contract() != null).count();
  }

  private static String describe(StrategyInput.Solved s) {
    return s.strategyId()
        + ":"
        + s.legs().stream().map(g -> String.valueOf(g.conId())).reduce((a, b) -> a + "," + b).get();
  }

  @Test
  void aSharedOptionIsSolvedOnceAndEveryHolderGetsTheSameAnswer() throws Exception {
    try (var h = harness(null)) {
      h.processElement(new GreeksInput.Holding(SPY, "pcs-1", List.of(put560, put570)), 0);
      h.processElement(new GreeksInput.Holding(SPY, "ic-2", List.of(put570, call630)), 0);
      h.processElement(spot(600, T), 0);
      assertThat(solved(h)).as("nothing is marked yet").isEmpty();

      h.processElement(quote(2, 0.55, 0.61, T), 0);
      assertThat(solves(h)).isEqualTo(1);
      assertThat(solved(h))
          .extracting(GreeksOperatorTest::describe)
          .containsExactly("pcs-1:2", "ic-2:2");
      LegGreeks expected = LegAnalytics.of(put570, mid(0.55, 0.61), 600, T, MARKET);
      assertThat(expected.ivStatus()).isEqualTo(IvStatus.OK);
      assertThat(solved(h))
          .allSatisfy(
              s -> {
                assertThat(s.legs()).hasSize(1);
                assertSameSolve(s.legs().get(0), expected);
              });

      h.processElement(quote(1, 0.20, 0.24, T.plusMillis(100)), 0);
      h.processElement(quote(3, 0.48, 0.52, T.plusMillis(200)), 0);
      assertThat(solves(h)).isEqualTo(3);
      assertThat(solved(h))
          .extracting(GreeksOperatorTest::describe)
          .containsExactly("pcs-1:2", "ic-2:2", "pcs-1:1", "ic-2:3");
    }
  }

  @Test
  void aReleasedStrategyGetsNoMoreSolvesAndAnOptionNobodyHoldsIsNotSolved() throws Exception {
    try (var h = harness(null)) {
      h.processElement(new GreeksInput.Holding(SPY, "pcs-1", List.of(put560, put570)), 0);
      h.processElement(new GreeksInput.Holding(SPY, "ic-2", List.of(put570, call630)), 0);
      h.processElement(spot(600, T), 0);
      h.processElement(new GreeksInput.Released(SPY, "pcs-1"), 0);
      h.processElement(new GreeksInput.Released(SPY, "pcs-1"), 0); // a command read twice
      h.processElement(quote(2, 0.55, 0.61, T), 0); // still ic-2's
      h.processElement(quote(1, 0.20, 0.24, T.plusMillis(100)), 0); // nobody's now
      assertThat(solved(h)).extracting(GreeksOperatorTest::describe).containsExactly("ic-2:2");
      assertThat(solves(h)).as("the released option is not solved").isEqualTo(1);
      // a move of the spot re-solves what is held, for who holds it
      h.processElement(quote(3, 0.48, 0.52, T.plusMillis(200)), 0);
      h.processElement(spot(603, T.plusSeconds(2)), 0);
      assertThat(solved(h))
          .extracting(GreeksOperatorTest::describe)
          .allMatch(d -> d.startsWith("ic-2:"));
    }
  }

  @Test
  void dueAtItsQuoteAfterTheIntervalAndAtTheUnderlyingsTickAfterAMoveOrOnceTooOld()
      throws Exception {
    try (var h = harness(null)) {
      h.processElement(new GreeksInput.Holding(SPY, "pcs-1", List.of(put560, put570)), 0);
      h.processElement(new GreeksInput.Holding(SPY, "ic-2", List.of(put570, call630)), 0);
      h.processElement(spot(600, T), 0);
      h.processElement(quote(1, 0.20, 0.24, T), 0);
      h.processElement(quote(2, 0.55, 0.61, T), 0);
      h.processElement(quote(3, 0.48, 0.52, T), 0);
      assertThat(solves(h)).isEqualTo(3);

      // within the second and a small move: a new quote is marked, not solved
      h.processElement(quote(2, 0.56, 0.62, T.plusMillis(500)), 0);
      h.processElement(spot(600.6, T.plusMillis(600)), 0); // +0.1%
      assertThat(solves(h)).isEqualTo(3);

      // the underlying moves 0.3%: its tick solves every option once, the shared one too
      h.getOutput().clear();
      h.processElement(spot(601.8, T.plusMillis(700)), 0);
      assertThat(solves(h)).isEqualTo(6);
      assertThat(solved(h))
          .extracting(GreeksOperatorTest::describe)
          .containsExactlyInAnyOrder("pcs-1:1,2", "ic-2:2,3");
      assertThat(solved(h).get(0).legs()).allSatisfy(g -> assertThat(g.spot()).isEqualTo(601.8));
      LegGreeks shared =
          LegAnalytics.of(
              put570, mid(0.56, 0.62), 601.8, T.plusMillis(700), MARKET); // the newer mark
      List<LegGreeks> sharedSolves =
          solved(h).stream().flatMap(x -> x.legs().stream()).filter(g -> g.conId() == 2).toList();
      assertThat(sharedSolves).hasSize(2);
      assertThat(sharedSolves.get(0)).isEqualTo(sharedSolves.get(1));
      assertSameSolve(sharedSolves.get(0), shared);

      // a second later without a move: the underlying's tick solves nothing (time alone moves the
      // Greeks slowly); an option's own quote does, once a second passed since its last solve
      h.processElement(quote(2, 0.57, 0.63, T.plusMillis(1000)), 0); // marked, not solved
      h.processElement(spot(601.9, T.plusMillis(1700)), 0);
      assertThat(solves(h)).isEqualTo(6);
      h.processElement(quote(1, 0.19, 0.23, T.plusMillis(1600)), 0);
      assertThat(solves(h)).as("not a second since its solve").isEqualTo(6);
      h.processElement(quote(1, 0.19, 0.23, T.plusMillis(1800)), 0);
      assertThat(solves(h)).isEqualTo(7);

      // a leg whose quote is fresh but whose solve is older than the mark age limit (30 s) is
      // solved at the underlying's tick: the put 570 (marked at 1.0 s, solved at 0.7 s); the call's
      // mark is stale by then and the other put was solved at 1.8 s
      h.getOutput().clear();
      h.processElement(spot(601.9, T.plusMillis(30_800)), 0);
      assertThat(solves(h)).isEqualTo(8);
      assertThat(solved(h))
          .flatExtracting(StrategyInput.Solved::legs)
          .extracting(LegGreeks::conId)
          .containsOnly(2L);
    }
  }

  @Test
  void staleMarksAndInsaneQuotesAreNotSolvedFrom() throws Exception {
    try (var h = harness(null)) {
      h.processElement(new GreeksInput.Holding(SPY, "pcs-1", List.of(put560, put570)), 0);
      h.processElement(spot(600, T), 0);
      h.processElement(quote(2, 0.10, 1.50, T), 0); // 175% wide: no mark
      h.processElement(quote(1, 0.20, Double.NaN, T), 0); // one-sided: no mark
      assertThat(solves(h)).isZero();
      h.processElement(quote(2, 0.55, 0.61, T.plusSeconds(1)), 0);
      assertThat(solves(h)).isEqualTo(1);
      // 31 s later the put's mark is older than the 30 s limit: the spot's tick does not solve it
      h.processElement(spot(600.1, T.plusSeconds(32)), 0);
      assertThat(solves(h)).isEqualTo(1);
      // nor does a fresh mark with a stale spot
      h.processElement(quote(1, 0.20, 0.24, T.plusSeconds(63)), 0);
      assertThat(solves(h)).isEqualTo(1);
    }
  }

  @Test
  void aNewHolderGetsTheLatestSolvesAtOnceAndTheStateSurvivesARestore() throws Exception {
    OperatorSubtaskState checkpoint;
    try (var h = harness(null)) {
      h.processElement(quote(2, 0.55, 0.61, T), 0); // before anyone said what it is
      h.processElement(spot(600, T), 0);
      h.processElement(
          new GreeksInput.Market(
              SPY,
              new ModelGreeksEvent(
                  new ModelGreeks(
                      2, ModelTickSource.MODEL, 0.21, -0.2, 0.01, 0.3, -0.1, 0.6, 600, T),
                  MarketDataKind.REAL_TIME)),
          0);
      h.processElement(new GreeksInput.Holding(SPY, "pcs-1", List.of(put560, put570)), 0);
      assertThat(solved(h)).extracting(GreeksOperatorTest::describe).containsExactly("pcs-1:2");
      h.processElement(new GreeksInput.Holding(SPY, "pcs-2", List.of(put570)), 0);
      assertThat(solves(h)).as("the second holder gets the same solve").isEqualTo(1);
      assertThat(solved(h).get(1).legs()).isEqualTo(solved(h).get(0).legs());
      MarketSnapshot row =
          h.getSideOutput(GreeksOperator.MARKET_DATA).stream()
              .map(StreamRecord::getValue)
              .filter(m -> m.conId() == 2)
              .findFirst()
              .orElseThrow();
      assertThat(row.ibIv()).as("IB's model beside ours").isEqualTo(0.21);
      assertThat(row.greeks().impliedVol()).isEqualTo(solved(h).get(0).legs().get(0).impliedVol());
      checkpoint = h.snapshot(1, 1);
    }
    try (var h = harness(checkpoint)) {
      h.processElement(quote(2, 0.60, 0.66, T.plusSeconds(2)), 0);
      assertThat(solved(h))
          .extracting(GreeksOperatorTest::describe)
          .containsExactly("pcs-1:2", "pcs-2:2");
      assertSameSolve(
          solved(h).get(0).legs().get(0),
          LegAnalytics.of(put570, mid(0.60, 0.66), 600, T.plusSeconds(2), MARKET));
    }
  }
}
