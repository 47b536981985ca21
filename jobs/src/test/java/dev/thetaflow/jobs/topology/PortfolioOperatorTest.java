package dev.thetaflow.jobs.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.broker.BrokerEvent;
import dev.thetaflow.core.broker.BrokerEvent.AccountValueEvent;
import dev.thetaflow.core.decision.Decision;
import dev.thetaflow.core.decision.DecisionAction;
import dev.thetaflow.core.decision.RuleId;
import dev.thetaflow.core.instrument.Contract;
import dev.thetaflow.core.risk.PositionGreeks;
import dev.thetaflow.core.rules.PortfolioLimits;
import dev.thetaflow.core.strategy.Strategies;
import dev.thetaflow.core.strategy.Strategy;
import dev.thetaflow.core.strategy.StrategyBook.LegSnapshot;
import dev.thetaflow.core.strategy.StrategyState;
import dev.thetaflow.core.value.Price;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The book across strategies: sums, limits, repeats, closes, a restore and the day's P&L. */
class PortfolioOperatorTest {
  private static final Instant T = Instant.parse("2026-12-01T15:00:00Z");
  private static final LocalDate EXPIRY = LocalDate.of(2026, 12, 18);
  private static final BigDecimal TICK = new BigDecimal("0.01");

  /**
   * Net dollar delta up to 30 % of net liquidation; vega, loss and concentration out of the way.
   */
  private static final PortfolioLimits LIMITS =
      new PortfolioLimits(new PortfolioLimits.Thresholds(0.30, 1e9, 1e9, 1));

  private static final Duration INTERVAL = Duration.ofSeconds(1);
  private static final Duration REPEAT = Duration.ofSeconds(30);

  private static KeyedTwoInputStreamOperatorTestHarness<
          String, StrategySnapshot, BrokerEvent, PortfolioRisk>
      harness(PortfolioLimits limits, OperatorSubtaskState restore) throws Exception {
    var h =
        new KeyedTwoInputStreamOperatorTestHarness<>(
            new KeyedCoProcessOperator<>(new PortfolioOperator(limits, INTERVAL, REPEAT)),
            (StrategySnapshot s) -> PortfolioOperator.KEY,
            (BrokerEvent b) -> PortfolioOperator.KEY,
            Types.STRING);
    if (restore != null) {
      h.initializeState(restore);
    }
    h.open();
    return h;
  }

  private static Strategy strategy(String id, String underlying, StrategyState state) {
    Contract shortPut =
        Contract.equityOption(
            id.hashCode() * 10L + 1, underlying, EXPIRY, 100, OptionType.PUT, TICK);
    Contract longPut =
        Contract.equityOption(
            id.hashCode() * 10L + 2, underlying, EXPIRY, 95, OptionType.PUT, TICK);
    Strategy s =
        Strategies.vertical(id, shortPut, longPut, 1, T)
            .withOpeningNetPrice(Price.parse("1.50", TICK));
    if (state == StrategyState.PENDING_ENTRY) {
      return s;
    }
    s = s.withState(StrategyState.OPEN, T);
    return state == StrategyState.OPEN ? s : s.withState(state, T);
  }

  /** A held strategy worth {@code dollarDelta} at spot 100 with {@code pnl} after commissions. */
  static StrategySnapshot held(
      String id, String underlying, double dollarDelta, double pnl, Instant at) {
    return snapshot(strategy(id, underlying, StrategyState.OPEN), 1, dollarDelta, pnl, at);
  }

  private static StrategySnapshot snapshot(
      Strategy s, long position, double dollarDelta, double pnl, Instant at) {
    double spot = 100;
    PositionGreeks g =
        Double.isNaN(dollarDelta)
            ? null
            : new PositionGreeks(
                s.underlying(), spot, dollarDelta / spot, -2, 300, -3650, 0, dollarDelta, -5);
    List<LegSnapshot> legs =
        s.legs().stream()
            .map(l -> new LegSnapshot(l.contract().conId(), position * l.ratio(), 1, 0, 1, at))
            .toList();
    return new StrategySnapshot(s, legs, 0, pnl + 1, 1, spot, List.of(), g, false, at);
  }

  private static AccountValueEvent account(String key, String value, Instant at) {
    return new AccountValueEvent("DU1", key, value, "USD", at);
  }

  private static List<Decision> decisions(
      KeyedTwoInputStreamOperatorTestHarness<String, StrategySnapshot, BrokerEvent, PortfolioRisk>
          h) {
    var out = h.getSideOutput(PortfolioOperator.DECISIONS);
    return out == null ? List.of() : out.stream().map(StreamRecord::getValue).toList();
  }

  private static List<PortfolioRisk> risks(
      KeyedTwoInputStreamOperatorTestHarness<String, StrategySnapshot, BrokerEvent, PortfolioRisk>
          h) {
    return h.extractOutputValues();
  }

  private static PortfolioRisk last(
      KeyedTwoInputStreamOperatorTestHarness<String, StrategySnapshot, BrokerEvent, PortfolioRisk>
          h) {
    List<PortfolioRisk> all = risks(h);
    return all.get(all.size() - 1);
  }

  private static List<String> ids(List<Decision> ds) {
    return ds.stream().map(Decision::strategyId).toList();
  }

  /**
   * Three strategies long 78,000 of dollar delta, then net liquidation 100,000 (limit 30,000): the
   * limits first judge the whole book when the net liquidation value arrives.
   */
  private static void breach(
      KeyedTwoInputStreamOperatorTestHarness<String, StrategySnapshot, BrokerEvent, PortfolioRisk>
          h)
      throws Exception {
    h.processElement1(held("a", "SPY", 30_000, -100, T), 0);
    h.processElement1(held("b", "QQQ", 28_000, -100, T.plusMillis(1)), 0);
    h.processElement1(held("c", "IWM", 20_000, -100, T.plusMillis(2)), 0);
    h.processElement2(account("NetLiquidation", "100000.00", T.plusMillis(3)), 0);
  }

  @Test
  void aBreachReducesTheLargestContributorsUntilTheRestIsWithinTheLimit() throws Exception {
    try (var h = harness(LIMITS, null)) {
      breach(h);
      // the excess is 48,000: a (30,000) and b (28,000) cover it, c is left alone
      assertThat(ids(decisions(h))).containsExactly("a", "b");
      assertThat(decisions(h))
          .allSatisfy(
              d -> {
                assertThat(d.action()).isEqualTo(DecisionAction.REDUCE);
                assertThat(d.rule()).isEqualTo(RuleId.PORTFOLIO_LIMITS);
                assertThat(d.time()).isEqualTo(T.plusMillis(3));
              });
      PortfolioRisk r = last(h);
      assertThat(r.openStrategies()).isEqualTo(3);
      assertThat(r.dollarDelta()).isCloseTo(78_000, within(1e-9));
      assertThat(r.delta()).isCloseTo(780, within(1e-9));
      assertThat(r.gamma()).isCloseTo(-6, within(1e-9));
      assertThat(r.vega()).isCloseTo(9, within(1e-9)); // 300 per 1.00 vol = 3 per point, × 3
      assertThat(r.theta()).isCloseTo(-30, within(1e-9)); // −3,650 a year = −10 a day, × 3
      assertThat(r.dollarGamma()).isCloseTo(-15, within(1e-9));
      assertThat(r.netLiquidation()).isEqualTo(100_000);
      assertThat(r.margin()).isNaN();
    }
  }

  @Test
  void aLastingBreachDecidesTheSameStrategyAgainOnlyAfterTheRepeat() throws Exception {
    try (var h = harness(LIMITS, null)) {
      breach(h);
      assertThat(decisions(h)).hasSize(2);
      h.processElement1(held("a", "SPY", 30_001, -100, T.plusSeconds(5)), 0);
      h.processElement1(held("a", "SPY", 30_002, -100, T.plusSeconds(29)), 0);
      assertThat(risks(h)).hasSizeGreaterThan(3); // evaluated again, decided nothing new
      assertThat(decisions(h)).hasSize(2);
      h.processElement1(held("a", "SPY", 30_003, -100, T.plusSeconds(31)), 0);
      assertThat(ids(decisions(h))).containsExactly("a", "b", "a", "b");
    }
  }

  @Test
  void aBreachThatEndsAndReturnsIsDecidedAtOnce() throws Exception {
    try (var h = harness(LIMITS, null)) {
      breach(h);
      h.processElement1(held("a", "SPY", -30_000, -100, T.plusSeconds(2)), 0); // 18,000: within
      assertThat(decisions(h)).hasSize(2);
      h.processElement1(held("a", "SPY", 30_000, -100, T.plusSeconds(4)), 0);
      assertThat(ids(decisions(h))).containsExactly("a", "b", "a", "b");
    }
  }

  @Test
  void withinTheLimitsNothingIsDecided() throws Exception {
    try (var h = harness(LIMITS, null)) {
      h.processElement2(account("NetLiquidation", "100000.00", T), 0);
      h.processElement1(held("a", "SPY", 20_000, -100, T.plusMillis(1)), 0);
      h.processElement1(held("b", "QQQ", 9_000, -100, T.plusMillis(2)), 0);
      assertThat(decisions(h)).isEmpty();
      assertThat(last(h).dollarDelta()).isCloseTo(29_000, within(1e-9));
    }
  }

  @Test
  void withoutANetLiquidationValueTheLimitsWait() throws Exception {
    try (var h = harness(LIMITS, null)) {
      h.processElement1(held("a", "SPY", 90_000, -100, T), 0);
      assertThat(decisions(h)).isEmpty();
      assertThat(last(h).netLiquidation()).isNaN();
      assertThat(last(h).dailyPnl()).isNaN();
      h.processElement2(account("NetLiquidation", "100000.00", T.plusMillis(1)), 0);
      assertThat(ids(decisions(h))).containsExactly("a"); // at once, inside the interval
    }
  }

  @Test
  void aStrategyWithUnknownNumbersCountsButIsNeitherSummedNorJudged() throws Exception {
    try (var h = harness(LIMITS, null)) {
      h.processElement2(account("NetLiquidation", "100000.00", T), 0);
      h.processElement1(held("a", "SPY", Double.NaN, -100, T.plusMillis(1)), 0); // no Greeks
      h.processElement1(held("b", "QQQ", 90_000, Double.NaN, T.plusMillis(2)), 0); // stale mark
      assertThat(decisions(h)).isEmpty();
      assertThat(last(h).openStrategies()).isEqualTo(2);
      assertThat(last(h).dollarDelta()).isCloseTo(90_000, within(1e-9));
    }
  }

  @Test
  void aClosedStrategyLeavesTheBookAtOnce() throws Exception {
    try (var h = harness(LIMITS, null)) {
      h.processElement2(account("NetLiquidation", "100000.00", T), 0);
      h.processElement1(held("a", "SPY", 20_000, -100, T.plusMillis(1)), 0);
      h.processElement1(held("b", "QQQ", 9_000, -100, T.plusMillis(2)), 0);
      int before = risks(h).size();
      Strategy closed =
          strategy("a", "SPY", StrategyState.CLOSING).withState(StrategyState.CLOSED, T);
      h.processElement1(snapshot(closed, 0, Double.NaN, 50, T.plusMillis(3)), 0);
      assertThat(risks(h)).hasSize(before + 1); // inside the interval, yet summed at once
      assertThat(last(h).openStrategies()).isEqualTo(1);
      assertThat(last(h).dollarDelta()).isCloseTo(9_000, within(1e-9));
      // an entry that has not filled holds nothing either
      Strategy pending = strategy("p", "SPY", StrategyState.PENDING_ENTRY);
      h.processElement1(snapshot(pending, 0, Double.NaN, 0, T.plusMillis(4)), 0);
      assertThat(risks(h)).hasSize(before + 1);
    }
  }

  @Test
  void marksAloneAreSummedAtMostOncePerInterval() throws Exception {
    try (var h = harness(LIMITS, null)) {
      h.processElement1(held("a", "SPY", 1_000, 0, T), 0);
      h.processElement1(held("a", "SPY", 1_100, 0, T.plusMillis(400)), 0);
      h.processElement1(held("a", "SPY", 1_200, 0, T.plusMillis(900)), 0);
      assertThat(risks(h)).hasSize(1);
      h.processElement1(held("a", "SPY", 1_300, 0, T.plusMillis(1000)), 0);
      assertThat(risks(h)).hasSize(2);
      assertThat(last(h).dollarDelta()).isCloseTo(1_300, within(1e-9));
    }
  }

  @Test
  void theDaysPnlIsNetLiquidationSinceTheDayBegan() throws Exception {
    try (var h = harness(LIMITS, null)) {
      h.processElement2(account("NetLiquidation", "100000.00", T), 0);
      h.processElement2(account("MaintMarginReq", "2500.00", T.plusSeconds(2)), 0);
      h.processElement2(account("NetLiquidation", "100400.00", T.plusSeconds(4)), 0);
      assertThat(last(h).dailyPnl()).isCloseTo(400, within(1e-9));
      assertThat(last(h).margin()).isEqualTo(2500);
      // the next New York day starts from yesterday's last value
      Instant nextDay = Instant.parse("2026-12-02T15:00:00Z");
      h.processElement2(account("NetLiquidation", "100100.00", nextDay), 0);
      assertThat(last(h).dailyPnl()).isCloseTo(-300, within(1e-9));
    }
  }

  @Test
  void theBookTheAccountAndTheRepeatsSurviveARestore() throws Exception {
    OperatorSubtaskState checkpoint;
    try (var h = harness(LIMITS, null)) {
      breach(h);
      h.processElement2(account("NetLiquidation", "100500.00", T.plusSeconds(2)), 0);
      assertThat(decisions(h)).hasSize(2);
      checkpoint = h.snapshot(1, 0);
    }
    try (var h = harness(LIMITS, checkpoint)) {
      // within the repeat: the breach is still known to be decided
      h.processElement1(held("c", "IWM", 20_001, -100, T.plusSeconds(10)), 0);
      assertThat(decisions(h)).isEmpty();
      PortfolioRisk r = last(h);
      assertThat(r.openStrategies()).isEqualTo(3);
      assertThat(r.dollarDelta()).isCloseTo(78_001, within(1e-9));
      assertThat(r.netLiquidation()).isEqualTo(100_500);
      assertThat(r.dailyPnl()).isCloseTo(500, within(1e-9));
      h.processElement1(held("c", "IWM", 20_002, -100, T.plusSeconds(40)), 0);
      assertThat(ids(decisions(h))).containsExactly("a", "b");
    }
  }

  @Test
  void otherAccountsAndOtherBrokerEventsAreIgnored() throws Exception {
    try (var h = harness(LIMITS, null)) {
      h.processElement2(account("NetLiquidation", "100000.00", T), 0);
      h.processElement2(
          new AccountValueEvent("DU2", "NetLiquidation", "5.00", "USD", T.plusSeconds(2)), 0);
      h.processElement2(account("BuyingPower", "1.00", T.plusSeconds(4)), 0);
      assertThat(risks(h)).hasSize(1);
      assertThat(last(h).netLiquidation()).isEqualTo(100_000);
    }
  }

  @Test
  void stateTypesArePojosSoTheyCanEvolve() {
    assertThat(TypeInformation.of(ExposureRecord.class)).isInstanceOf(PojoTypeInfo.class);
    assertThat(TypeInformation.of(PortfolioRecord.class)).isInstanceOf(PojoTypeInfo.class);
    assertThat(TypeInformation.of(PortfolioRisk.class)).isInstanceOf(PojoTypeInfo.class);
  }
}
