package dev.thetaflow.jobs.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.thetaflow.core.analytics.IvStatus;
import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.broker.BrokerEvent.DividendEvent;
import dev.thetaflow.core.broker.BrokerEvent.QuoteEvent;
import dev.thetaflow.core.command.Command;
import dev.thetaflow.core.command.CommandAction;
import dev.thetaflow.core.decision.Decision;
import dev.thetaflow.core.decision.DecisionAction;
import dev.thetaflow.core.decision.RuleId;
import dev.thetaflow.core.instrument.Contract;
import dev.thetaflow.core.instrument.Leg;
import dev.thetaflow.core.market.MarketDataKind;
import dev.thetaflow.core.market.Quote;
import dev.thetaflow.core.order.Fill;
import dev.thetaflow.core.order.OrderAction;
import dev.thetaflow.core.order.OrderRef;
import dev.thetaflow.core.order.OrderRequest;
import dev.thetaflow.core.order.OrderType;
import dev.thetaflow.core.risk.LegAnalytics;
import dev.thetaflow.core.risk.LegGreeks;
import dev.thetaflow.core.risk.MarketAssumptions;
import dev.thetaflow.core.rules.AssignmentRiskRule;
import dev.thetaflow.core.rules.RuleBook;
import dev.thetaflow.core.rules.RuleBookFactory;
import dev.thetaflow.core.rules.StopLossRule;
import dev.thetaflow.core.rules.TakeProfitRule;
import dev.thetaflow.core.rules.VolatilityScaling;
import dev.thetaflow.core.strategy.Strategies;
import dev.thetaflow.core.strategy.Strategy;
import dev.thetaflow.core.strategy.StrategyState;
import dev.thetaflow.core.value.Money;
import dev.thetaflow.core.value.Side;
import dev.thetaflow.jobs.decision.RuleSignal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An iron condor's life in the keyed operator, with its state through a snapshot and restore. */
class StrategyOperatorTest {
  private static final Instant T = Instant.parse("2026-12-01T15:00:00Z");
  private static final LocalDate EXPIRY = LocalDate.of(2026, 12, 18);
  private static final BigDecimal TICK = new BigDecimal("0.01");
  private static final long UNDERLYING = 756733;

  private static Contract option(long conId, double strike, OptionType right) {
    return Contract.equityOption(conId, "SPY", EXPIRY, strike, right, TICK);
  }

  private final Contract longPut = option(1, 560, OptionType.PUT);
  private final Contract shortPut = option(2, 570, OptionType.PUT);
  private final Contract shortCall = option(3, 630, OptionType.CALL);
  private final Contract longCall = option(4, 640, OptionType.CALL);
  private final Strategy condor =
      Strategies.ironCondor("ic-1", longPut, shortPut, shortCall, longCall, 1, T);
  private int execs;

  private static KeyedBroadcastOperatorTestHarness<
          String, StrategyInput, StrategyBroadcast, StrategySnapshot>
      harness(OperatorSubtaskState restore) throws Exception {
    return harness(restore, RuleBookFactory.none());
  }

  private static KeyedBroadcastOperatorTestHarness<
          String, StrategyInput, StrategyBroadcast, StrategySnapshot>
      harness(OperatorSubtaskState restore, RuleBookFactory rules) throws Exception {
    var h =
        new KeyedBroadcastOperatorTestHarness<>(
            operator(rules), StrategyInput::strategyId, Types.STRING, 1, 1, 0);
    if (restore != null) {
      h.initializeState(restore);
    }
    h.open();
    return h;
  }

  private StrategyInput fill(Contract c, Side side, String price, String ref) {
    return new StrategyInput.Filled(
        "ic-1",
        new Fill(
            "e" + (++execs),
            OrderRef.parse(ref),
            9,
            "DU1",
            c.conId(),
            side,
            1,
            new BigDecimal(price),
            Money.of(0.65, "USD"),
            T.plusSeconds(execs)));
  }

  private static StrategyInput mark(Contract c, double bid, double ask, Instant at) {
    return new StrategyInput.Mark(
        "ic-1",
        new QuoteEvent(
            new Quote(c.conId(), bid, ask, Double.NaN, 1, 1, 0, at), MarketDataKind.REAL_TIME));
  }

  private static List<Decision> decisions(
      KeyedBroadcastOperatorTestHarness<String, StrategyInput, StrategyBroadcast, StrategySnapshot>
          h) {
    var out = h.getSideOutput(StrategyOperator.EXECUTOR);
    return out == null
        ? List.of()
        : out.stream()
            .map(StreamRecord::getValue)
            .filter(ExecutorInput.Decided.class::isInstance)
            .map(x -> ((ExecutorInput.Decided) x).decision())
            .toList();
  }

  private static ExecutorInput.Status lastStatus(
      KeyedBroadcastOperatorTestHarness<String, StrategyInput, StrategyBroadcast, StrategySnapshot>
          h) {
    List<ExecutorInput> all =
        h.getSideOutput(StrategyOperator.EXECUTOR).stream()
            .map(StreamRecord::getValue)
            .filter(ExecutorInput.Status.class::isInstance)
            .toList();
    return (ExecutorInput.Status) all.get(all.size() - 1);
  }

  private static List<OrderRequest> orders(
      KeyedBroadcastOperatorTestHarness<String, StrategyInput, StrategyBroadcast, StrategySnapshot>
          h) {
    var out = h.getSideOutput(StrategyOperator.ORDERS);
    if (out == null) {
      return List.of();
    }
    return out.stream()
        .map(StreamRecord::getValue)
        .map(a -> ((OrderAction.Place) a).request())
        .toList();
  }

  @Test
  void anIronCondorIsEnteredFilledMarkedAndClosedAcrossARestore() throws Exception {
    OperatorSubtaskState checkpoint;
    try (var h = harness(null)) {
      h.processElement(new StrategyInput.Open(condor, UNDERLYING, "DU1", 1.25), 0);
      h.processElement(
          new StrategyInput.Open(condor, UNDERLYING, "DU1", 1.25), 0); // delivered twice
      OrderRequest entry = orders(h).get(0);
      assertThat(orders(h)).hasSize(1);
      // a credit: SELL the reversed legs at +1.25
      assertThat(entry.orderRef()).isEqualTo(OrderRef.parse("ic-1:ENTRY:1"));
      assertThat(entry.side()).isEqualTo(Side.SELL);
      assertThat(entry.orderType()).isEqualTo(OrderType.LMT);
      assertThat(entry.limitPrice().value()).isEqualByComparingTo("1.25");
      assertThat(entry.legs()).extracting(Leg::ratio).containsExactly(-1, 1, 1, -1);

      h.processElement(fill(longPut, Side.BUY, "0.40", "ic-1:ENTRY:1"), 0);
      h.processElement(fill(shortPut, Side.SELL, "1.10", "ic-1:ENTRY:1"), 0);
      h.processElement(fill(shortCall, Side.SELL, "1.00", "ic-1:ENTRY:1"), 0);
      assertThat(h.extractOutputValues().get(h.extractOutputValues().size() - 1).state())
          .as("three of four legs filled")
          .isEqualTo(StrategyState.PENDING_ENTRY);
      h.processElement(fill(longCall, Side.BUY, "0.45", "ic-1:ENTRY:1"), 0);
      h.processElement(mark(longPut, 0.20, 0.24, T.plusSeconds(10)), 0);
      h.processElement(mark(shortPut, 0.55, 0.61, T.plusSeconds(10)), 0);
      h.processElement(mark(shortCall, 0.48, 0.52, T.plusSeconds(10)), 0);
      h.processElement(mark(longCall, 0.18, 0.22, T.plusSeconds(10)), 0);
      StrategySnapshot marked = h.extractOutputValues().get(h.extractOutputValues().size() - 1);
      assertThat(marked.state()).isEqualTo(StrategyState.OPEN);
      assertThat(marked.unrealizedPnl()).isCloseTo((1.25 - 0.66) * 100, within(1e-9));
      checkpoint = h.snapshot(1, 1);
    }

    try (var restored = harness(checkpoint)) {
      restored.processElement(new StrategyInput.Close("ic-1", "take profit", T.plusSeconds(20)), 0);
      // the close is a person's decision for the executor, which owns exits
      assertThat(orders(restored)).isEmpty();
      Decision close = decisions(restored).get(0);
      assertThat(close.rule()).isEqualTo(RuleId.MANUAL);
      assertThat(close.action()).isEqualTo(DecisionAction.CLOSE);
      assertThat(close.reason()).contains("take profit");
      // CLOSING once the broker reports the exit: the broker is the loop
      restored.processElement(
          new StrategyInput.OrderChanged(
              "ic-1", OrderRef.parse("ic-1:EXIT:1"), "SUBMITTED", 0, T.plusSeconds(21)),
          0);
      assertThat(lastState(restored, "ic-1")).isEqualTo(StrategyState.CLOSING);
      ExecutorInput.Status status = lastStatus(restored);
      assertThat(status.state()).isEqualTo(StrategyState.CLOSING);
      assertThat(status.exitSeq()).isEqualTo(1);
      assertThat(status.held())
          .extracting(Leg::ratio)
          .as("what the executor closes: the held positions")
          .containsExactly(1, -1, -1, 1);
      restored.processElement(fill(longPut, Side.SELL, "0.22", "ic-1:EXIT:1"), 0);
      restored.processElement(fill(shortPut, Side.BUY, "0.58", "ic-1:EXIT:1"), 0);
      restored.processElement(fill(shortCall, Side.BUY, "0.50", "ic-1:EXIT:1"), 0);
      restored.processElement(fill(longCall, Side.SELL, "0.20", "ic-1:EXIT:1"), 0);
      StrategySnapshot closed =
          restored.extractOutputValues().get(restored.extractOutputValues().size() - 1);
      assertThat(closed.state()).isEqualTo(StrategyState.CLOSED);
      assertThat(closed.realizedPnl()).isCloseTo((1.25 - 0.66) * 100, within(1e-9));
      assertThat(closed.commissions()).isCloseTo(8 * 0.65, within(1e-9));
      int before = restored.extractOutputValues().size();
      restored.processElement(mark(shortPut, 0.30, 0.34, T.plusSeconds(40)), 0);
      assertThat(restored.extractOutputValues())
          .as("a closed strategy holds nothing to mark")
          .hasSize(before);
      // its instruments are released through the commands table, once
      restored.processElement(
          new StrategyInput.OrderChanged(
              "ic-1", OrderRef.parse("ic-1:EXIT:1"), "FILLED", 4, T.plusSeconds(41)),
          0);
      restored.processElement(mark(longPut, 0.10, 0.14, T.plusSeconds(42)), 0);
      assertThat(restored.getSideOutput(StrategyOperator.RELEASES))
          .singleElement()
          .satisfies(
              r -> {
                Command c = r.getValue();
                assertThat(c.commandId()).isEqualTo("ic-1:RELEASE");
                assertThat(c.action())
                    .isEqualTo(
                        new CommandAction.ReleaseStrategy(
                            "ic-1",
                            UNDERLYING,
                            List.of(
                                longPut.conId(),
                                shortPut.conId(),
                                shortCall.conId(),
                                longCall.conId())));
              });
    }
  }

  private static StrategiesOperator operator(RuleBookFactory rules) {
    return new StrategiesOperator(
        new StrategyOperator(
            StrategyOperator.Settings.defaults(new MarketAssumptions(0.04, Map.of("SPY", 0.013))),
            10_000,
            rules,
            0.8));
  }

  /** A harness for one of two subtasks (128 key groups), as the job spreads strategies. */
  private static KeyedBroadcastOperatorTestHarness<
          String, StrategyInput, StrategyBroadcast, StrategySnapshot>
      subtask(int index, boolean rocksDb) throws Exception {
    var h =
        new KeyedBroadcastOperatorTestHarness<>(
            operator(RuleBookFactory.none()),
            StrategyInput::strategyId,
            Types.STRING,
            128,
            2,
            index);
    if (rocksDb) {
      h.setStateBackend(new EmbeddedRocksDBStateBackend());
    }
    h.open();
    return h;
  }

  private void openAndFill(
      KeyedBroadcastOperatorTestHarness<String, StrategyInput, StrategyBroadcast, StrategySnapshot>
          h,
      Strategy s)
      throws Exception {
    h.processElement(new StrategyInput.Open(s, UNDERLYING, "DU1", 1.25), 0);
    String ref = s.id() + ":ENTRY:1";
    for (Leg leg : s.legs()) {
      StrategyInput.Filled f = (StrategyInput.Filled) fill(leg.contract(), Side.BUY, "1.00", ref);
      Fill one =
          new Fill(
              f.fill().execId(),
              f.fill().orderRef(),
              f.fill().orderId(),
              f.fill().account(),
              f.fill().conId(),
              leg.ratio() > 0 ? Side.BUY : Side.SELL,
              1,
              leg.ratio() > 0 ? new BigDecimal("0.40") : new BigDecimal("1.10"),
              f.fill().commission(),
              f.fill().time());
      h.processElement(new StrategyInput.Filled(s.id(), one), 0);
    }
  }

  @ParameterizedTest(name = "RocksDB: {0}")
  @ValueSource(booleans = {false, true})
  void aQuoteForItsHoldersMarksEachOnTheSubtaskThatKeysItAndNoOtherWhere(boolean rocksDb)
      throws Exception {
    // an id whose key group the other subtask owns
    int first = KeyGroupRangeAssignment.assignKeyToParallelOperator("ic-1", 128, 2);
    String otherId =
        java.util.stream.IntStream.range(2, 100)
            .mapToObj(i -> "ic-" + i)
            .filter(id -> KeyGroupRangeAssignment.assignKeyToParallelOperator(id, 128, 2) != first)
            .findFirst()
            .orElseThrow();
    Strategy other = Strategies.ironCondor(otherId, longPut, shortPut, shortCall, longCall, 1, T);
    try (var mine = subtask(first, rocksDb);
        var theirs = subtask(1 - first, rocksDb)) {
      openAndFill(mine, condor);
      openAndFill(theirs, other);
      QuoteEvent quote =
          new QuoteEvent(
              new Quote(shortPut.conId(), 0.70, 0.74, Double.NaN, 1, 1, 0, T.plusSeconds(30)),
              MarketDataKind.REAL_TIME);
      var both = new StrategyBroadcast.Quoted(quote, List.of("ic-1", otherId));
      int before = mine.extractOutputValues().size();
      int theirsBefore = theirs.extractOutputValues().size();
      mine.processBroadcastElement(both, 0);
      theirs.processBroadcastElement(both, 0);

      List<StrategySnapshot> marked = mine.extractOutputValues();
      assertThat(marked.subList(before, marked.size()))
          .as("one snapshot, of its own strategy")
          .singleElement()
          .satisfies(
              snap -> {
                assertThat(snap.strategyId()).isEqualTo("ic-1");
                assertThat(snap.legs())
                    .filteredOn(l -> l.conId() == shortPut.conId())
                    .singleElement()
                    .satisfies(l -> assertThat(l.mark()).isCloseTo(0.72, within(1e-12)));
              });
      List<StrategySnapshot> theirsMarked = theirs.extractOutputValues();
      assertThat(theirsMarked.subList(theirsBefore, theirsMarked.size()))
          .singleElement()
          .satisfies(snap -> assertThat(snap.strategyId()).isEqualTo(otherId));

      // a quote older than the leg's mark (a registration's replay overtaken) changes nothing
      QuoteEvent older =
          new QuoteEvent(
              new Quote(shortPut.conId(), 0.50, 0.54, Double.NaN, 1, 1, 0, T.plusSeconds(20)),
              MarketDataKind.REAL_TIME);
      int after = mine.extractOutputValues().size();
      mine.processElement(new StrategyInput.Mark("ic-1", older), 0);
      assertThat(mine.extractOutputValues()).hasSize(after);
      mine.processBroadcastElement(
          new StrategyBroadcast.Quoted(
              new QuoteEvent(
                  new Quote(shortPut.conId(), 0.80, 0.84, Double.NaN, 1, 1, 0, T.plusSeconds(31)),
                  MarketDataKind.REAL_TIME),
              List.of("ic-1")),
          0);
      StrategySnapshot last = mine.extractOutputValues().get(after);
      assertThat(last.legs())
          .filteredOn(l -> l.conId() == shortPut.conId())
          .singleElement()
          .satisfies(l -> assertThat(l.mark()).isCloseTo(0.82, within(1e-12)));
    }
  }

  /** Marks the four legs so that the condor is worth {@code value} per unit (bid/ask ±0.01). */
  private void markCondorAt(
      KeyedBroadcastOperatorTestHarness<String, StrategyInput, StrategyBroadcast, StrategySnapshot>
          h,
      double longPutMid,
      double shortPutMid,
      double shortCallMid,
      double longCallMid,
      Instant at)
      throws Exception {
    h.processElement(mark(longPut, longPutMid - 0.01, longPutMid + 0.01, at), 0);
    h.processElement(mark(shortPut, shortPutMid - 0.01, shortPutMid + 0.01, at), 0);
    h.processElement(mark(shortCall, shortCallMid - 0.01, shortCallMid + 0.01, at), 0);
    h.processElement(mark(longCall, longCallMid - 0.01, longCallMid + 0.01, at), 0);
  }

  private static final RuleBookFactory TAKE_PROFIT_AND_STOP =
      () ->
          RuleBook.same(
              List.of(
                  new TakeProfitRule(new TakeProfitRule.Thresholds(0.5, 1.0)),
                  new StopLossRule(new StopLossRule.Thresholds(2.0, 0.5, VolatilityScaling.NONE))));

  @Test
  void theRulesJudgeEachMarkNearTriggersAlertOnceAndFiredDecisionsRepeatOnlyAfterAWhile()
      throws Exception {
    try (var h = harness(null, TAKE_PROFIT_AND_STOP)) {
      openAndFill(h); // a 1.25 credit: take profit at 62.50, commissions 2.60 paid
      // worth 0.67: P&L (1.25 - 0.67) * 100 - 2.60 = 55.40, 89% of the way
      markCondorAt(h, 0.10, 0.45, 0.42, 0.10, T.plusSeconds(10));
      assertThat(decisions(h)).isEmpty();
      assertThat(h.getSideOutput(StrategyOperator.ALERTS))
          .extracting(r -> r.getValue().code())
          .containsExactly("NEAR_TAKE_PROFIT");
      markCondorAt(h, 0.10, 0.45, 0.42, 0.10, T.plusSeconds(11));
      assertThat(h.getSideOutput(StrategyOperator.ALERTS)).as("once per episode").hasSize(1);
      // worth 0.55: P&L 67.40 >= 62.50
      markCondorAt(h, 0.10, 0.40, 0.35, 0.10, T.plusSeconds(20));
      assertThat(decisions(h)).hasSize(1);
      Decision d = decisions(h).get(0);
      assertThat(d.rule()).isEqualTo(RuleId.TAKE_PROFIT);
      assertThat(d.priority()).isEqualTo(1);
      assertThat(d.action()).isEqualTo(DecisionAction.CLOSE);
      assertThat(d.measurements()).isNotEmpty();
      markCondorAt(h, 0.10, 0.40, 0.35, 0.10, T.plusSeconds(22));
      assertThat(decisions(h)).as("still firing: not sent again within 5 s").hasSize(1);
      markCondorAt(h, 0.10, 0.40, 0.35, 0.10, T.plusSeconds(26));
      assertThat(decisions(h)).as("sent again after 5 s while it fires").hasSize(2);
      assertThat(h.getSideOutput(StrategyOperator.SIGNALS)).isNull();

      // worth 3.90: a loss of 265 + 2.60 > 2 x 125: the stop loss breaches, for the CEP stage
      markCondorAt(h, 0.05, 2.00, 2.00, 0.05, T.plusSeconds(40));
      List<RuleSignal> signals =
          h.getSideOutput(StrategyOperator.SIGNALS).stream().map(StreamRecord::getValue).toList();
      assertThat(signals).isNotEmpty().allSatisfy(x -> assertThat(x.breached()).isTrue());
      assertThat(signals.get(0).decision().rule()).isEqualTo(RuleId.STOP_LOSS);
      int breached = signals.size();
      // back to 1.25: the first mark that does not breach ends the episode, then silence
      markCondorAt(h, 0.40, 1.10, 1.00, 0.45, T.plusSeconds(50));
      signals =
          h.getSideOutput(StrategyOperator.SIGNALS).stream().map(StreamRecord::getValue).toList();
      assertThat(signals).hasSize(breached + 1);
      assertThat(signals.get(breached).breached()).isFalse();
    }
  }

  @Test
  void anExitTheBrokerCancelledLeavesTheRuleFreeToDecideAgainOnTheNextBreach() throws Exception {
    try (var h = harness(null, TAKE_PROFIT_AND_STOP)) {
      openAndFill(h);
      markCondorAt(h, 0.10, 0.45, 0.42, 0.10, T.plusSeconds(10)); // worth 0.67: below
      // the short put drops (worth 0.55, P&L 67.40 >= 62.50): two marks in a row decide
      h.processElement(mark(shortPut, 0.32, 0.34, T.plusSeconds(11)), 0);
      h.processElement(mark(shortPut, 0.32, 0.34, T.plusMillis(11_001)), 0);
      assertThat(decisions(h)).hasSize(1);
      h.processElement(
          new StrategyInput.OrderChanged(
              "ic-1", OrderRef.parse("ic-1:EXIT:1"), "SUBMITTED", 0, T.plusMillis(11_010)),
          0);
      h.processElement(
          new StrategyInput.OrderChanged(
              "ic-1", OrderRef.parse("ic-1:EXIT:1"), "CANCELLED", 0, T.plusMillis(11_020)),
          0);
      assertThat(lastState(h, "ic-1")).isEqualTo(StrategyState.OPEN);
      // back below the take profit, then through it again a second later: decided again at once,
      // not held back by the last decision's repeat interval
      h.processElement(mark(shortPut, 0.44, 0.46, T.plusMillis(11_030)), 0);
      h.processElement(mark(shortPut, 0.32, 0.34, T.plusSeconds(12)), 0);
      h.processElement(mark(shortPut, 0.32, 0.34, T.plusMillis(12_001)), 0);
      assertThat(decisions(h)).hasSize(2);
    }
  }

  @Test
  void aLegWhoseLatestQuoteWasRejectedMakesTheRulesWaitUntilItIsSaneAgain() throws Exception {
    try (var h = harness(null, TAKE_PROFIT_AND_STOP)) {
      openAndFill(h);
      markCondorAt(h, 0.10, 0.45, 0.42, 0.10, T.plusSeconds(10));
      // the short put's market blows out (0.01 / 2.00): its last sane mark is no longer the market
      h.processElement(mark(shortPut, 0.01, 2.00, T.plusSeconds(11)), 0);
      h.processElement(mark(shortCall, 0.29, 0.31, T.plusSeconds(12)), 0);
      h.processElement(mark(longPut, 0.09, 0.11, T.plusSeconds(12)), 0);
      assertThat(decisions(h)).as("would be take profit on the stale short put").isEmpty();
      h.processElement(mark(shortPut, 0.39, 0.41, T.plusSeconds(13)), 0);
      assertThat(decisions(h)).as("one evaluation is not yet a decision").isEmpty();
      h.processElement(mark(longCall, 0.09, 0.11, T.plusSeconds(13)), 0);
      assertThat(decisions(h)).extracting(Decision::rule).containsExactly(RuleId.TAKE_PROFIT);
    }
  }

  @Test
  void aSnapshotTornBetweenTwoLegsUpdatesNeitherFiresNorSetsTheBestProfit() throws Exception {
    try (var h = harness(null, TAKE_PROFIT_AND_STOP)) {
      openAndFill(h);
      markCondorAt(h, 0.40, 1.10, 1.00, 0.45, T.plusSeconds(10));
      // the short put drops first, its long wing follows on the next quote: in between the
      // condor reads worth 0.55 (P&L 67.40, past take profit), a price nobody quoted; after both
      // it is worth 0.90 (P&L 32.40)
      h.processElement(mark(shortPut, 0.39, 0.41, T.plusSeconds(11)), 0);
      h.processElement(mark(longPut, 0.04, 0.06, T.plusSeconds(11)), 0);
      h.processElement(mark(shortCall, 0.99, 1.01, T.plusSeconds(11)), 0);
      h.processElement(mark(longCall, 0.44, 0.46, T.plusSeconds(11)), 0);
      assertThat(decisions(h)).isEmpty();
    }
  }

  @Test
  void aVixSpikeIsJudgedByEveryOpenStrategyWithoutAQuoteOfItsOwn() throws Exception {
    RuleBookFactory vixExit =
        () ->
            RuleBook.same(
                List.of(
                    new dev.thetaflow.core.rules.VixExitRule(
                        new dev.thetaflow.core.rules.VixExitRule.Thresholds(35, 0.25))));
    try (var h = harness(null, vixExit)) {
      openAndFill(h);
      markCondorAt(h, 0.10, 0.45, 0.42, 0.10, T.plusSeconds(10));
      h.processBroadcastElement(
          new StrategyBroadcast.Controlled(Control.vix(18, T.plusSeconds(11))), 0);
      assertThat(decisions(h)).isEmpty();
      h.processBroadcastElement(
          new StrategyBroadcast.Controlled(Control.vix(23.5, T.plusSeconds(12))), 0);
      h.processBroadcastElement(
          new StrategyBroadcast.Controlled(Control.vix(23.6, T.plusSeconds(13))), 0);
      Decision d = decisions(h).get(0);
      assertThat(d.rule()).isEqualTo(RuleId.VIX_EXIT);
      assertThat(d.reason()).contains("23.6").contains("18");
    }
  }

  /** Catastrophe on a 3% gap alone (its loss and VIX limits out of reach). */
  private static final RuleBookFactory GAP_ONLY =
      () ->
          RuleBook.same(
              List.of(
                  new dev.thetaflow.core.rules.CatastropheRule(
                      new dev.thetaflow.core.rules.CatastropheRule.Thresholds(0.03, 100, 1, 10))));

  @Test
  void anOvernightGapIsMeasuredFromTheLastPriceBeforeTheOpenNotFromTheOpen() throws Exception {
    try (var h = harness(null, GAP_ONLY)) {
      openAndFill(h);
      h.processElement(underlying(599.95, 600.05, T.plusSeconds(10)), 0);
      markCondorAt(h, 0.10, 0.45, 0.42, 0.10, T.plusSeconds(10));
      h.processElement(underlying(600.95, 601.05, Instant.parse("2026-12-01T20:59:00Z")), 0);
      markCondorAt(h, 0.10, 0.45, 0.42, 0.10, Instant.parse("2026-12-01T20:59:00Z"));
      assertThat(decisions(h)).isEmpty();

      // the next morning it opens 3.5% lower, and trades there: a gap from 601, the last price
      Instant open = Instant.parse("2026-12-02T14:30:05Z");
      h.processElement(underlying(579.95, 580.05, open), 0);
      markCondorAt(h, 0.10, 0.80, 0.20, 0.05, open.plusSeconds(1));
      assertThat(decisions(h)).extracting(Decision::rule).containsExactly(RuleId.CATASTROPHE);
      assertThat(decisions(h).get(0).reason()).contains("from 601").contains("to 580");
    }
  }

  @Test
  void aStrategyOpenedAfterTheGapMeasuresFromTheFirstPriceItSaw() throws Exception {
    try (var h = harness(null, GAP_ONLY)) {
      openAndFill(h);
      h.processElement(underlying(579.95, 580.05, T.plusSeconds(10)), 0);
      markCondorAt(h, 0.10, 0.45, 0.42, 0.10, T.plusSeconds(10));
      h.processElement(underlying(575.95, 576.05, T.plusSeconds(20)), 0); // -0.7%
      markCondorAt(h, 0.10, 0.45, 0.42, 0.10, T.plusSeconds(20));
      assertThat(decisions(h)).isEmpty();
      // 3.1% below the first price it saw today: that is its reference, so this is a gap
      h.processElement(underlying(561.95, 562.05, T.plusSeconds(30)), 0);
      markCondorAt(h, 0.10, 0.80, 0.20, 0.05, T.plusSeconds(31));
      assertThat(decisions(h)).extracting(Decision::rule).containsExactly(RuleId.CATASTROPHE);
      assertThat(decisions(h).get(0).reason()).contains("from 580").contains("to 562");
    }
  }

  @Test
  void theStateIsAFlinkPojoAllTheWayDownSoItCanEvolve() {
    var info = org.apache.flink.api.common.typeinfo.TypeInformation.of(StrategyRecord.class);
    assertThat(info).isInstanceOf(org.apache.flink.api.java.typeutils.PojoTypeInfo.class);
    var pojo = (org.apache.flink.api.java.typeutils.PojoTypeInfo<StrategyRecord>) info;
    var legs = pojo.getTypeAt(pojo.getFieldIndex("legs"));
    assertThat(legs).isInstanceOf(org.apache.flink.api.java.typeutils.ObjectArrayTypeInfo.class);
    assertThat(
            ((org.apache.flink.api.java.typeutils.ObjectArrayTypeInfo<?, ?>) legs)
                .getComponentInfo())
        .isInstanceOf(org.apache.flink.api.java.typeutils.PojoTypeInfo.class);
  }

  @Test
  void fillsThatArriveBeforeTheStrategyIsOpenedAreKeptAndApplied() throws Exception {
    try (var h = harness(null)) {
      // after a restore, the broker's executions come before the open command is resolved again
      h.processElement(fill(longPut, Side.BUY, "0.40", "ic-1:ENTRY:1"), 0);
      h.processElement(fill(shortPut, Side.SELL, "1.10", "ic-1:ENTRY:1"), 0);
      h.processElement(fill(shortCall, Side.SELL, "1.00", "ic-1:ENTRY:1"), 0);
      h.processElement(fill(longCall, Side.BUY, "0.45", "ic-1:ENTRY:1"), 0);
      assertThat(h.extractOutputValues()).isEmpty();
      h.processElement(new StrategyInput.Open(condor, UNDERLYING, "DU1", 1.25), 0);
      StrategySnapshot last = h.extractOutputValues().get(h.extractOutputValues().size() - 1);
      assertThat(last.state()).isEqualTo(StrategyState.OPEN);
      assertThat(last.strategy().openingNetPrice().value()).isEqualByComparingTo("1.25");
    }
  }

  private static StrategyInput underlying(double bid, double ask, Instant at) {
    return new StrategyInput.Mark(
        "ic-1",
        new QuoteEvent(
            new Quote(UNDERLYING, bid, ask, Double.NaN, 1, 1, 0, at), MarketDataKind.REAL_TIME));
  }

  @Test
  void solvedLegsAreKeptSummedInPositionUnitsAndShownWithTheNextMarkNotBefore() throws Exception {
    MarketAssumptions market = new MarketAssumptions(0.04, Map.of("SPY", 0.013));
    try (var h = harness(null)) {
      openAndFill(h);
      Instant t = T.plusSeconds(10);
      h.processElement(underlying(599.95, 600.05, t), 0);
      double[][] quotes = {{0.20, 0.24}, {0.55, 0.61}, {0.48, 0.52}, {0.18, 0.22}};
      Contract[] legs = {longPut, shortPut, shortCall, longCall};
      long[] held = {1, -1, -1, 1};
      for (int i = 0; i < 4; i++) {
        h.processElement(mark(legs[i], quotes[i][0], quotes[i][1], t), 0);
      }
      StrategySnapshot unsolved = h.extractOutputValues().get(h.extractOutputValues().size() - 1);
      assertThat(unsolved.greeks()).as("no solve has arrived").isNull();
      // the first mark-driven snapshot 6 s after the last fill is recorded, the next ones are not
      assertThat(h.extractOutputValues().stream().filter(x -> x.time().equals(t)))
          .extracting(StrategySnapshot::recorded)
          .containsExactly(true, false, false, false); // the spot alone made none

      List<LegGreeks> solves = new ArrayList<>();
      double delta = 0;
      double vega = 0;
      for (int i = 0; i < 4; i++) {
        LegGreeks g = LegAnalytics.of(legs[i], (quotes[i][0] + quotes[i][1]) / 2, 600, t, market);
        assertThat(g.ivStatus()).isEqualTo(IvStatus.OK);
        solves.add(g);
        delta += g.delta() * 100 * held[i];
        vega += g.vega() * 100 * held[i];
      }
      int before = h.extractOutputValues().size();
      h.processElement(new StrategyInput.Solved("ic-1", solves), 0);
      assertThat(h.extractOutputValues())
          .as("a solve brings no price: it is shown and judged with the next mark")
          .hasSize(before);
      h.processElement(mark(shortPut, 0.55, 0.61, t.plusMillis(200)), 0);
      StrategySnapshot s = h.extractOutputValues().get(h.extractOutputValues().size() - 1);
      assertThat(s.spot()).isEqualTo(600.0);
      assertThat(s.legGreeks()).hasSize(4);
      assertThat(s.greeks()).isNotNull();
      assertThat(s.greeks().delta()).isCloseTo(delta, within(1e-9));
      assertThat(s.greeks().vega()).isCloseTo(vega, within(1e-9));
      assertThat(s.greeks().vega()).as("a short condor is short vega").isNegative();

      // a solve older than the one held (they travel apart from the marks) changes nothing
      LegGreeks stale =
          LegAnalytics.of(shortPut, 0.9, 600, t.minusSeconds(1), market); // a different IV
      h.processElement(new StrategyInput.Solved("ic-1", List.of(stale)), 0);
      h.processElement(mark(shortPut, 0.55, 0.61, t.plusMillis(300)), 0);
      StrategySnapshot after = h.extractOutputValues().get(h.extractOutputValues().size() - 1);
      assertThat(after.greeks().delta()).isEqualTo(s.greeks().delta());

      // the spot alone: judged (a snapshot) only once it moved 0.25% since the rules last judged
      before = h.extractOutputValues().size();
      h.processElement(underlying(601.05, 601.15, t.plusMillis(400)), 0); // +0.18%
      assertThat(h.extractOutputValues()).hasSize(before);
      h.processElement(underlying(601.55, 601.65, t.plusMillis(500)), 0); // +0.27%
      assertThat(h.extractOutputValues()).hasSize(before + 1);
      assertThat(h.extractOutputValues().get(before).spot()).isCloseTo(601.6, within(1e-9));
      h.processElement(underlying(601.75, 601.85, t.plusMillis(600)), 0); // +0.03% since
      assertThat(h.extractOutputValues()).hasSize(before + 1);
    }
  }

  private void openAndFill(
      KeyedBroadcastOperatorTestHarness<String, StrategyInput, StrategyBroadcast, StrategySnapshot>
          h)
      throws Exception {
    h.processElement(new StrategyInput.Open(condor, UNDERLYING, "DU1", 1.25), 0);
    h.processElement(fill(longPut, Side.BUY, "0.40", "ic-1:ENTRY:1"), 0);
    h.processElement(fill(shortPut, Side.SELL, "1.10", "ic-1:ENTRY:1"), 0);
    h.processElement(fill(shortCall, Side.SELL, "1.00", "ic-1:ENTRY:1"), 0);
    h.processElement(fill(longCall, Side.BUY, "0.45", "ic-1:ENTRY:1"), 0);
  }

  private static StrategyState lastState(
      KeyedBroadcastOperatorTestHarness<String, StrategyInput, StrategyBroadcast, StrategySnapshot>
          h,
      String id) {
    List<StrategySnapshot> all = h.extractOutputValues();
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).strategyId().equals(id)) {
        return all.get(i).state();
      }
    }
    return null;
  }

  private static Control control(Control.Kind kind) {
    return new Control(kind, "test", T.plusSeconds(30));
  }

  @Test
  void theKillSwitchStopsEntriesAndTheBrokersReportsOfExitsMoveTheState() throws Exception {
    try (var h = harness(null)) {
      openAndFill(h);
      h.processBroadcastElement(new StrategyBroadcast.Controlled(control(Control.Kind.KILL)), 0);
      Strategy other = Strategies.ironCondor("ic-2", longPut, shortPut, shortCall, longCall, 1, T);
      h.processElement(new StrategyInput.Open(other, UNDERLYING, "DU1", 1.25), 0);
      assertThat(lastState(h, "ic-2")).as("refused at once").isEqualTo(StrategyState.CLOSED);
      assertThat(orders(h)).hasSize(1);

      h.processBroadcastElement(new StrategyBroadcast.Controlled(control(Control.Kind.RELEASE)), 0);
      h.processBroadcastElement(
          new StrategyBroadcast.Controlled(control(Control.Kind.CLOSE_ALL)), 0);
      assertThat(decisions(h))
          .as("close all asks the executor to close each strategy that holds something")
          .extracting(Decision::strategyId)
          .containsExactly("ic-1");
      h.processElement(
          new StrategyInput.OrderChanged(
              "ic-1", OrderRef.parse("ic-1:EXIT:1"), "PRE_SUBMITTED", 0, T.plusSeconds(45)),
          0);
      assertThat(lastState(h, "ic-1")).isEqualTo(StrategyState.CLOSING);

      // the broker cancels the exit (a kill switch, a trader in TWS): OPEN, and closable again
      h.processElement(
          new StrategyInput.OrderChanged(
              "ic-1", OrderRef.parse("ic-1:EXIT:1"), "CANCELLED", 0, T.plusSeconds(50)),
          0);
      assertThat(lastState(h, "ic-1")).isEqualTo(StrategyState.OPEN);
      h.processElement(
          new StrategyInput.OrderChanged(
              "ic-1", OrderRef.parse("ic-1:EXIT:2"), "SUBMITTED", 0, T.plusSeconds(60)),
          0);
      assertThat(lastState(h, "ic-1")).isEqualTo(StrategyState.CLOSING);
      // a stale cancel of the first exit does not reopen the second
      h.processElement(
          new StrategyInput.OrderChanged(
              "ic-1", OrderRef.parse("ic-1:EXIT:1"), "CANCELLED", 0, T.plusSeconds(61)),
          0);
      assertThat(lastState(h, "ic-1")).isEqualTo(StrategyState.CLOSING);
      assertThat(lastStatus(h).exitSeq()).isEqualTo(2);
      // an adjustment of the tested side that fills leaves the rest OPEN
      h.processElement(
          new StrategyInput.OrderChanged(
              "ic-1", OrderRef.parse("ic-1:EXIT:2"), "CANCELLED", 0, T.plusSeconds(62)),
          0);
      h.processElement(
          new StrategyInput.OrderChanged(
              "ic-1", OrderRef.parse("ic-1:ADJUST:1"), "SUBMITTED", 0, T.plusSeconds(63)),
          0);
      assertThat(lastState(h, "ic-1")).isEqualTo(StrategyState.ADJUSTING);
      h.processElement(fill(shortPut, Side.BUY, "0.58", "ic-1:ADJUST:1"), 0);
      h.processElement(fill(longPut, Side.SELL, "0.22", "ic-1:ADJUST:1"), 0);
      h.processElement(
          new StrategyInput.OrderChanged(
              "ic-1", OrderRef.parse("ic-1:ADJUST:1"), "FILLED", 2, T.plusSeconds(64)),
          0);
      assertThat(lastState(h, "ic-1")).isEqualTo(StrategyState.OPEN);
      assertThat(lastStatus(h).held()).extracting(Leg::ratio).containsExactly(-1, 1);
    }
  }

  @Test
  void anExitsFilledStatusThatOvertakesItsFillsKeepsItClosingSoNoSecondExitCanBeSent()
      throws Exception {
    try (var h = harness(null)) {
      openAndFill(h);
      h.processElement(
          new StrategyInput.OrderChanged(
              "ic-1", OrderRef.parse("ic-1:EXIT:1"), "SUBMITTED", 0, T.plusSeconds(20)),
          0);
      h.processElement(fill(longPut, Side.SELL, "0.22", "ic-1:EXIT:1"), 0);
      // FILLED, all 4 contracts by the broker's count; only 1 execution has arrived
      h.processElement(
          new StrategyInput.OrderChanged(
              "ic-1", OrderRef.parse("ic-1:EXIT:1"), "FILLED", 4, T.plusSeconds(21)),
          0);
      assertThat(lastState(h, "ic-1"))
          .as("not OPEN: an OPEN strategy holding legs would be closed a second time")
          .isEqualTo(StrategyState.CLOSING);
      h.processElement(fill(shortPut, Side.BUY, "0.58", "ic-1:EXIT:1"), 0);
      h.processElement(fill(shortCall, Side.BUY, "0.50", "ic-1:EXIT:1"), 0);
      assertThat(lastState(h, "ic-1")).isEqualTo(StrategyState.CLOSING);
      h.processElement(fill(longCall, Side.SELL, "0.20", "ic-1:EXIT:1"), 0);
      assertThat(lastState(h, "ic-1")).isEqualTo(StrategyState.CLOSED);
      assertThat(h.extractOutputValues())
          .extracting(StrategySnapshot::state)
          .as("never OPEN again on the way")
          .containsSubsequence(StrategyState.CLOSING, StrategyState.CLOSED)
          .doesNotContainSequence(StrategyState.CLOSING, StrategyState.OPEN);
    }
  }

  @Test
  void anAdjustmentFilledBeforeItsFillsIsOpenAgainOnlyOnceTheyAreIn() throws Exception {
    try (var h = harness(null)) {
      openAndFill(h);
      h.processElement(
          new StrategyInput.OrderChanged(
              "ic-1", OrderRef.parse("ic-1:ADJUST:1"), "SUBMITTED", 0, T.plusSeconds(20)),
          0);
      h.processElement(
          new StrategyInput.OrderChanged(
              "ic-1", OrderRef.parse("ic-1:ADJUST:1"), "FILLED", 2, T.plusSeconds(21)),
          0);
      assertThat(lastState(h, "ic-1")).isEqualTo(StrategyState.ADJUSTING);
      h.processElement(fill(shortPut, Side.BUY, "0.58", "ic-1:ADJUST:1"), 0);
      assertThat(lastState(h, "ic-1")).isEqualTo(StrategyState.ADJUSTING);
      h.processElement(fill(longPut, Side.SELL, "0.22", "ic-1:ADJUST:1"), 0);
      assertThat(lastState(h, "ic-1")).isEqualTo(StrategyState.OPEN);
      assertThat(lastStatus(h).held()).extracting(Leg::ratio).containsExactly(-1, 1);
    }
  }

  @Test
  void anEntryTheBrokerCancelsUnfilledClosesTheStrategyAndPausedEntriesRefuseNewOnes()
      throws Exception {
    try (var h = harness(null)) {
      h.processElement(new StrategyInput.Open(condor, UNDERLYING, "DU1", 9.0), 0);
      h.processElement(
          new StrategyInput.OrderChanged(
              "ic-1", OrderRef.parse("ic-1:ENTRY:1"), "SUBMITTED", 0, T.plusSeconds(1)),
          0);
      assertThat(lastState(h, "ic-1")).isEqualTo(StrategyState.PENDING_ENTRY);
      h.processElement(
          new StrategyInput.OrderChanged(
              "ic-1", OrderRef.parse("ic-1:ENTRY:1"), "CANCELLED", 0, T.plusSeconds(2)),
          0);
      assertThat(lastState(h, "ic-1")).isEqualTo(StrategyState.CLOSED);

      h.processBroadcastElement(
          new StrategyBroadcast.Controlled(control(Control.Kind.PAUSE_ENTRIES)), 0);
      Strategy other = Strategies.ironCondor("ic-2", longPut, shortPut, shortCall, longCall, 1, T);
      h.processElement(new StrategyInput.Open(other, UNDERLYING, "DU1", 1.25), 0);
      assertThat(lastState(h, "ic-2")).isEqualTo(StrategyState.CLOSED);
      assertThat(orders(h))
          .extracting(o -> o.orderRef().toString())
          .containsExactly("ic-1:ENTRY:1");
    }
  }

  private static final RuleBookFactory ASSIGNMENT_ONLY =
      () ->
          RuleBook.same(
              List.of(new AssignmentRiskRule(new AssignmentRiskRule.Thresholds(0.01, 2, 5))));

  /** SPY's next dividend: 1.82 per share, ex tomorrow (T is 2026-12-01 in New York). */
  private static StrategyInput spyDividend() {
    return new StrategyInput.Dividend(
        "ic-1", new DividendEvent(UNDERLYING, 1.82, LocalDate.of(2026, 12, 2), T));
  }

  /** SPY at 640: the 630 short call is 10 in the money with 0.10 of extrinsic value. */
  private void rallyThroughTheShortCall(
      KeyedBroadcastOperatorTestHarness<String, StrategyInput, StrategyBroadcast, StrategySnapshot>
          h,
      Instant at)
      throws Exception {
    h.processElement(underlying(639.95, 640.05, at), 0);
    markCondorAt(h, 0.05, 0.10, 10.10, 3.00, at);
  }

  @Test
  void aShortCallWithLessExtrinsicValueThanTheNextDividendIsClosedOnceTheDividendIsKnown()
      throws Exception {
    try (var h = harness(null, ASSIGNMENT_ONLY)) {
      openAndFill(h);
      rallyThroughTheShortCall(h, T.plusSeconds(10));
      assertThat(decisions(h)).as("no dividend known: 17 days out, nothing to fear").isEmpty();

      h.processElement(spyDividend(), 0);
      assertThat(decisions(h)).as("judged with the next mark, as a solve is").isEmpty();
      rallyThroughTheShortCall(h, T.plusSeconds(20));
      assertThat(decisions(h)).extracting(Decision::rule).containsExactly(RuleId.ASSIGNMENT_RISK);
      Decision d = decisions(h).get(0);
      assertThat(d.action()).isEqualTo(DecisionAction.CLOSE);
      assertThat(d.reason()).contains("0.10 of extrinsic value").contains("1.82 dividend");
      assertThat(d.legConIds())
          .as("the short call and its wing")
          .containsExactlyInAnyOrder(shortCall.conId(), longCall.conId());
    }
  }

  @Test
  void aDividendThatOvertakesTheOpenIsKeptAcrossARestoreAndNoneForgetsIt() throws Exception {
    OperatorSubtaskState checkpoint;
    try (var h = harness(null, ASSIGNMENT_ONLY)) {
      h.processElement(spyDividend(), 0); // the router answers the registration before the Open
      openAndFill(h);
      checkpoint = h.snapshot(1, 1);
    }
    try (var h = harness(checkpoint, ASSIGNMENT_ONLY)) {
      rallyThroughTheShortCall(h, T.plusSeconds(10));
      rallyThroughTheShortCall(h, T.plusSeconds(20)); // a rule fires at two evaluations in a row
      assertThat(decisions(h)).extracting(Decision::rule).containsExactly(RuleId.ASSIGNMENT_RISK);
    }
    try (var h = harness(checkpoint, ASSIGNMENT_ONLY)) {
      h.processElement(
          new StrategyInput.Dividend("ic-1", DividendEvent.none(UNDERLYING, T.plusSeconds(5))), 0);
      rallyThroughTheShortCall(h, T.plusSeconds(10));
      rallyThroughTheShortCall(h, T.plusSeconds(20));
      assertThat(decisions(h)).as("the broker expects no dividend any more").isEmpty();
    }
  }
}
