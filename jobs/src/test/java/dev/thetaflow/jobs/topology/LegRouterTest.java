package dev.thetaflow.jobs.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.core.broker.BrokerEvent;
import dev.thetaflow.core.broker.BrokerEvent.DividendEvent;
import dev.thetaflow.core.broker.BrokerEvent.ModelGreeksEvent;
import dev.thetaflow.core.broker.BrokerEvent.QuoteEvent;
import dev.thetaflow.core.market.MarketDataKind;
import dev.thetaflow.core.market.ModelGreeks;
import dev.thetaflow.core.market.ModelTickSource;
import dev.thetaflow.core.market.Quote;
import dev.thetaflow.jobs.topology.LegRouter.Registration;
import dev.thetaflow.jobs.topology.LegRouter.Routed;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class LegRouterTest {
  private static final Instant T = Instant.parse("2026-12-01T15:00:00Z");

  private static QuoteEvent quote(long conId, double bid, double ask) {
    return new QuoteEvent(
        new Quote(conId, bid, ask, Double.NaN, 1, 1, 0, T), MarketDataKind.REAL_TIME);
  }

  private static KeyedTwoInputStreamOperatorTestHarness<Long, Registration, BrokerEvent, Routed>
      harness() throws Exception {
    var h =
        new KeyedTwoInputStreamOperatorTestHarness<>(
            new KeyedCoProcessOperator<>(new LegRouter()),
            Registration::conId,
            LegRouter::conIdOf,
            Types.LONG);
    h.open();
    return h;
  }

  private static String describe(Routed r) {
    return r.strategyId() + "@" + r.quote().quote().bid();
  }

  /** Each quote as a strategy gets it: a registration's replay, or a quote for all its holders. */
  private static List<String> delivered(
      KeyedTwoInputStreamOperatorTestHarness<Long, Registration, BrokerEvent, Routed> h) {
    List<String> all = new ArrayList<>();
    h.extractOutputValues().forEach(r -> all.add(describe(r)));
    var holders = h.getSideOutput(LegRouter.HOLDERS);
    if (holders != null) {
      for (var record : holders) {
        StrategyBroadcast.Quoted q = (StrategyBroadcast.Quoted) record.getValue();
        q.holders().forEach(id -> all.add(id + "@" + q.quote().quote().bid()));
      }
    }
    return all;
  }

  /** The quotes for their holders: one record per quote, with every holder's id. */
  private static List<String> broadcasts(
      KeyedTwoInputStreamOperatorTestHarness<Long, Registration, BrokerEvent, Routed> h) {
    var holders = h.getSideOutput(LegRouter.HOLDERS);
    return holders == null
        ? List.of()
        : holders.stream()
            .map(r -> (StrategyBroadcast.Quoted) r.getValue())
            .map(
                q ->
                    q.quote().quote().bid()
                        + ":"
                        + String.join(",", q.holders().stream().sorted().toList()))
            .toList();
  }

  private static String describe(GreeksInput in) {
    GreeksInput.Market m = (GreeksInput.Market) in;
    return m.underlyingConId()
        + ":"
        + (m.event() instanceof ModelGreeksEvent g
            ? "iv" + g.greeks().impliedVol()
            : String.valueOf(((QuoteEvent) m.event()).quote().bid()));
  }

  @Test
  void eachQuoteAndModelGreeksGoOnceToTheGreeksTaggedWithTheUnderlyingAndQuotesToEachHolder()
      throws Exception {
    try (var h = harness()) {
      h.processElement1(new Registration(7, 600, "ic-1", true), 0);
      h.processElement2(quote(7, 1.05, 1.15), 0);
      h.processElement2(
          new ModelGreeksEvent(
              new ModelGreeks(7, ModelTickSource.MODEL, 0.25, 0.3, 0.01, 0.1, -0.02, 1.1, 600, T),
              MarketDataKind.REAL_TIME),
          0);
      h.processElement1(new Registration(7, 600, "ic-2", true), 0);
      assertThat(delivered(h))
          .as("model Greeks are not the quote a new holder gets")
          .containsExactly("ic-1@1.05", "ic-2@1.05");
      assertThat(h.extractOutputValues().get(0).toInput()).isInstanceOf(StrategyInput.Mark.class);
      h.processElement2(quote(7, 1.10, 1.20), 0);
      assertThat(h.getSideOutput(LegRouter.GREEKS))
          .extracting(r -> describe(r.getValue()))
          .as("once per event, whatever the number of holders")
          .containsExactly("600:1.05", "600:iv0.25", "600:1.1");
    }
  }

  @Test
  void quotesGoToTheStrategiesHoldingTheLegAndANewHolderGetsTheLastQuote() throws Exception {
    try (var h = harness()) {
      h.processElement2(quote(7, 1.00, 1.10), 0); // nobody holds 7 yet: dropped
      h.processElement1(new Registration(7, 600, "ic-1", true), 0);
      h.processElement2(quote(7, 1.05, 1.15), 0);
      h.processElement1(new Registration(7, 600, "ic-2", true), 0); // gets 1.05/1.15 at once
      h.processElement2(quote(8, 2.00, 2.10), 0); // another instrument, nobody holds it
      h.processElement2(quote(7, 1.10, 1.20), 0);
      h.processElement1(new Registration(7, 600, "ic-1", false), 0);
      h.processElement2(quote(7, 1.20, 1.30), 0);
      assertThat(delivered(h))
          .containsExactlyInAnyOrder("ic-1@1.05", "ic-2@1.05", "ic-1@1.1", "ic-2@1.1", "ic-2@1.2");
      assertThat(broadcasts(h))
          .as("one record per quote for all its holders; a lone holder's goes keyed")
          .containsExactly("1.1:ic-1,ic-2");
    }
  }

  @Test
  void registrationsSurviveASnapshotAndRestore() throws Exception {
    org.apache.flink.runtime.checkpoint.OperatorSubtaskState snapshot;
    try (var h = harness()) {
      h.processElement1(new Registration(7, 600, "ic-1", true), 0);
      h.processElement2(quote(7, 1.05, 1.15), 0);
      snapshot = h.snapshot(1, 1);
    }
    var restored =
        new KeyedTwoInputStreamOperatorTestHarness<>(
            new KeyedCoProcessOperator<>(new LegRouter()),
            Registration::conId,
            LegRouter::conIdOf,
            Types.LONG);
    restored.initializeState(snapshot);
    restored.open();
    restored.processElement1(new Registration(7, 600, "ic-3", true), 0); // the restored last quote
    restored.processElement2(quote(7, 1.10, 1.20), 0);
    assertThat(delivered(restored)).containsExactlyInAnyOrder("ic-3@1.05", "ic-1@1.1", "ic-3@1.1");
    restored.close();
  }

  @Test
  void anUnderlyingsDividendGoesToItsHoldersAndToStrategiesThatRegisterLaterEvenAfterNone()
      throws Exception {
    DividendEvent next = new DividendEvent(600, 1.82, LocalDate.of(2026, 12, 19), T);
    try (var h = harness()) {
      h.processElement2(next, 0); // nobody holds SPY yet: kept, IB sends it once
      h.processElement1(new Registration(600, 600, "ic-1", true), 0);
      h.processElement1(new Registration(600, 600, "ic-1", false), 0); // closed: SPY unheld
      h.processElement1(new Registration(600, 600, "ic-2", true), 0);
      h.processElement2(DividendEvent.none(600, T), 0);
      h.processElement1(new Registration(600, 600, "ic-3", true), 0);
      assertThat(h.extractOutputValues())
          .extracting(r -> r.strategyId() + ":" + r.toInput().getClass().getSimpleName())
          .containsExactly("ic-1:Dividend", "ic-2:Dividend", "ic-2:Dividend");
      assertThat(((StrategyInput.Dividend) h.extractOutputValues().get(1).toInput()).dividend())
          .isEqualTo(next);
      assertThat(((StrategyInput.Dividend) h.extractOutputValues().get(2).toInput()).dividend())
          .isEqualTo(DividendEvent.none(600, T));
      assertThat(h.getSideOutput(LegRouter.GREEKS)).as("no business of the Greeks").isNull();
      assertThat(LegRouter.routed(next)).isTrue();
      assertThat(LegRouter.conIdOf(next)).isEqualTo(600);
    }
  }
}
