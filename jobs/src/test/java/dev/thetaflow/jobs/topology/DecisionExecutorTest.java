package dev.thetaflow.jobs.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.core.alert.Alert;
import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.command.Command;
import dev.thetaflow.core.command.CommandAction;
import dev.thetaflow.core.command.LegSpec;
import dev.thetaflow.core.command.StrategySpec;
import dev.thetaflow.core.decision.Decision;
import dev.thetaflow.core.decision.DecisionAction;
import dev.thetaflow.core.decision.Measurement;
import dev.thetaflow.core.decision.RuleId;
import dev.thetaflow.core.decision.Urgency;
import dev.thetaflow.core.instrument.Contract;
import dev.thetaflow.core.instrument.Leg;
import dev.thetaflow.core.order.OrderAction;
import dev.thetaflow.core.order.OrderRequest;
import dev.thetaflow.core.order.OrderType;
import dev.thetaflow.core.strategy.Strategy;
import dev.thetaflow.core.strategy.StrategyState;
import dev.thetaflow.core.strategy.StrategyType;
import dev.thetaflow.core.value.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** Decisions meeting one strategy's holdings: what is sent, once, and what waits or is refused. */
class DecisionExecutorTest {
  private static final Instant T = Instant.parse("2026-12-01T15:00:00Z");
  private static final LocalDate EXPIRY = LocalDate.of(2026, 12, 18);
  private static final BigDecimal TICK = new BigDecimal("0.01");

  private static Contract option(long conId, double strike, OptionType right) {
    return Contract.equityOption(conId, "SPY", EXPIRY, strike, right, TICK);
  }

  private final Contract longPut = option(1, 560, OptionType.PUT);
  private final Contract shortPut = option(2, 570, OptionType.PUT);
  private final Contract shortCall = option(3, 630, OptionType.CALL);
  private final Contract longCall = option(4, 640, OptionType.CALL);

  /** Two condors held: +2 / −2 / −2 / +2. */
  private final List<Leg> held =
      List.of(
          new Leg(longPut, 2), new Leg(shortPut, -2), new Leg(shortCall, -2), new Leg(longCall, 2));

  private static KeyedBroadcastOperatorTestHarness<String, ExecutorInput, Control, DecisionEvent>
      harness(OperatorSubtaskState restore) throws Exception {
    var h =
        new KeyedBroadcastOperatorTestHarness<>(
            new CoBroadcastWithKeyedOperator<>(
                new DecisionExecutor(10, Duration.ofSeconds(30)),
                List.of(StrategyOperator.SWITCHES)),
            ExecutorInput::strategyId,
            Types.STRING,
            1,
            1,
            0);
    if (restore != null) {
      h.initializeState(restore);
    }
    h.open();
    return h;
  }

  private ExecutorInput status(StrategyState state, List<Leg> legs, int exitSeq, int at) {
    return new ExecutorInput.Status("ic-1", "DU1", state, legs, exitSeq, 0, T.plusSeconds(at));
  }

  private static ExecutorInput decided(
      RuleId rule, DecisionAction action, Urgency urgency, int at) {
    return new ExecutorInput.Decided(
        Decision.of("ic-1", action, urgency, rule, rule + " fired", List.of(), T.plusSeconds(at)));
  }

  private static List<OrderAction> actions(
      KeyedBroadcastOperatorTestHarness<String, ExecutorInput, Control, DecisionEvent> h) {
    var out = h.getSideOutput(StrategyOperator.ORDERS);
    return out == null ? List.of() : out.stream().map(StreamRecord::getValue).toList();
  }

  private static List<OrderRequest> placed(
      KeyedBroadcastOperatorTestHarness<String, ExecutorInput, Control, DecisionEvent> h) {
    return actions(h).stream()
        .filter(OrderAction.Place.class::isInstance)
        .map(a -> ((OrderAction.Place) a).request())
        .toList();
  }

  @Test
  void aDecisionClosesWhatIsHeldOnceUntilTheBrokerEndsTheOrderAcrossARestore() throws Exception {
    OperatorSubtaskState checkpoint;
    try (var h = harness(null)) {
      h.processElement(status(StrategyState.OPEN, held, 0, 0), 0);
      h.processElement(decided(RuleId.TAKE_PROFIT, DecisionAction.CLOSE, Urgency.NORMAL, 1), 0);
      h.processElement(decided(RuleId.TAKE_PROFIT, DecisionAction.CLOSE, Urgency.NORMAL, 2), 0);
      assertThat(placed(h)).hasSize(1);
      OrderRequest exit = placed(h).get(0);
      assertThat(exit.orderRef().toString()).isEqualTo("ic-1:EXIT:1");
      assertThat(exit.side()).isEqualTo(Side.BUY);
      assertThat(exit.orderType()).isEqualTo(OrderType.MKT);
      assertThat(exit.quantity()).as("two combo units").isEqualTo(2);
      assertThat(exit.legs()).extracting(Leg::ratio).containsExactly(-1, 1, 1, -1);
      assertThat(h.extractOutputValues())
          .extracting(DecisionEvent::verdict, DecisionEvent::orderRef)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("SENT", "ic-1:EXIT:1"));
      assertThat(h.getSideOutput(DecisionExecutor.ALERTS)).hasSize(1);
      checkpoint = h.snapshot(1, 1);
    }
    try (var h = harness(checkpoint)) {
      h.processElement(decided(RuleId.TAKE_PROFIT, DecisionAction.CLOSE, Urgency.NORMAL, 3), 0);
      assertThat(placed(h)).as("still worked after the restore").isEmpty();
      // the broker works it, then cancels it with everything still held: the next one is EXIT:2
      h.processElement(status(StrategyState.CLOSING, held, 1, 4), 0);
      h.processElement(status(StrategyState.OPEN, held, 1, 5), 0);
      h.processElement(decided(RuleId.TAKE_PROFIT, DecisionAction.CLOSE, Urgency.NORMAL, 6), 0);
      assertThat(placed(h)).extracting(o -> o.orderRef().toString()).containsExactly("ic-1:EXIT:2");
    }
  }

  @Test
  void theKillSwitchRefusesAndALaterDecisionSendsAfterTheRelease() throws Exception {
    try (var h = harness(null)) {
      h.processElement(status(StrategyState.OPEN, held, 0, 0), 0);
      h.processBroadcastElement(new Control(Control.Kind.KILL, "test", T), 0);
      h.processElement(decided(RuleId.STOP_LOSS, DecisionAction.CLOSE, Urgency.HIGH, 1), 0);
      assertThat(placed(h)).isEmpty();
      assertThat(h.extractOutputValues())
          .extracting(DecisionEvent::verdict)
          .containsExactly("REFUSED");
      assertThat(h.getSideOutput(StrategyOperator.REFUSALS)).hasSize(1);
      h.processBroadcastElement(new Control(Control.Kind.RELEASE, "test", T), 0);
      h.processElement(decided(RuleId.STOP_LOSS, DecisionAction.CLOSE, Urgency.HIGH, 6), 0);
      assertThat(placed(h)).extracting(o -> o.orderRef().toString()).containsExactly("ic-1:EXIT:1");
    }
  }

  @Test
  void aHigherPriorityCancelsTheWorkingOrderFirstAndIsSentOnceItEnded() throws Exception {
    try (var h = harness(null)) {
      h.processElement(status(StrategyState.OPEN, held, 0, 0), 0);
      h.processElement(decided(RuleId.IV_CRUSH, DecisionAction.REDUCE, Urgency.NORMAL, 1), 0);
      assertThat(placed(h).get(0).quantity()).as("reduce: half the units").isEqualTo(1);
      h.processElement(status(StrategyState.CLOSING, held, 1, 2), 0);
      h.processElement(decided(RuleId.CATASTROPHE, DecisionAction.CLOSE, Urgency.IMMEDIATE, 3), 0);
      assertThat(actions(h)).hasSize(2);
      assertThat(actions(h).get(1)).isInstanceOf(OrderAction.Cancel.class);
      assertThat(((OrderAction.Cancel) actions(h).get(1)).orderRef().toString())
          .isEqualTo("ic-1:EXIT:1");
      // the reduce had filled one unit before the cancel took: the close takes what is left
      List<Leg> left =
          List.of(
              new Leg(longPut, 1),
              new Leg(shortPut, -1),
              new Leg(shortCall, -1),
              new Leg(longCall, 1));
      h.processElement(status(StrategyState.OPEN, left, 1, 4), 0);
      OrderRequest close = placed(h).get(1);
      assertThat(close.orderRef().toString()).isEqualTo("ic-1:EXIT:2");
      assertThat(close.quantity()).isEqualTo(1);
      assertThat(h.extractOutputValues())
          .extracting(DecisionEvent::verdict)
          .containsExactly("SENT", "SUPERSEDING", "SENT");
    }
  }

  @Test
  void anAdjustmentExitsTheTestedSideAndAnUnreportedOrderIsSentAgainUnderItsReference()
      throws Exception {
    try (var h = harness(null)) {
      h.processElement(status(StrategyState.OPEN, held, 0, 0), 0);
      Decision adjust =
          Decision.of(
                  "ic-1",
                  DecisionAction.ADJUST,
                  Urgency.NORMAL,
                  RuleId.DELTA_RISK,
                  "short put delta -0.35",
                  List.of(),
                  T.plusSeconds(1))
              .forLegs(List.of(shortPut.conId(), longPut.conId()));
      h.processElement(new ExecutorInput.Decided(adjust), 0);
      OrderRequest tested = placed(h).get(0);
      assertThat(tested.orderRef().toString()).isEqualTo("ic-1:ADJUST:1");
      assertThat(tested.legs())
          .extracting(l -> l.contract().conId(), Leg::ratio)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(1L, -1),
              org.assertj.core.groups.Tuple.tuple(2L, 1));
      assertThat(tested.quantity()).isEqualTo(2);
      // no report from the broker for 30 s: the same order again (the sink places a ref once)
      h.processElement(new ExecutorInput.Decided(adjust), 0);
      assertThat(placed(h)).hasSize(1);
      Decision later =
          Decision.of(
                  "ic-1",
                  DecisionAction.ADJUST,
                  Urgency.NORMAL,
                  RuleId.DELTA_RISK,
                  "short put delta -0.36",
                  List.of(),
                  T.plusSeconds(40))
              .forLegs(List.of(shortPut.conId(), longPut.conId()));
      h.processElement(new ExecutorInput.Decided(later), 0);
      assertThat(placed(h))
          .extracting(o -> o.orderRef().toString())
          .containsExactly("ic-1:ADJUST:1", "ic-1:ADJUST:1");
      assertThat(h.extractOutputValues())
          .extracting(DecisionEvent::verdict)
          .containsExactly("SENT", "RESENT");
    }
  }

  @Test
  void nothingIsSentForAStrategyThatHoldsNothingOrIsAlreadyClosing() throws Exception {
    try (var h = harness(null)) {
      h.processElement(decided(RuleId.MANUAL, DecisionAction.CLOSE, Urgency.HIGH, 0), 0);
      h.processElement(status(StrategyState.PENDING_ENTRY, List.of(), 0, 1), 0);
      h.processElement(decided(RuleId.MANUAL, DecisionAction.CLOSE, Urgency.HIGH, 2), 0);
      h.processElement(status(StrategyState.CLOSING, held, 3, 3), 0);
      h.processElement(decided(RuleId.MANUAL, DecisionAction.CLOSE, Urgency.HIGH, 4), 0);
      assertThat(actions(h)).isEmpty();
      h.processElement(status(StrategyState.OPEN, held, 3, 5), 0);
      h.processElement(decided(RuleId.MANUAL, DecisionAction.CLOSE, Urgency.HIGH, 6), 0);
      assertThat(placed(h))
          .as("after the exits the strategy saw before this executor")
          .extracting(o -> o.orderRef().toString())
          .containsExactly("ic-1:EXIT:4");
    }
  }

  /** The condor as resolved for its entry: two units of +1 / −1 / −1 / +1. */
  private ExecutorInput opened() {
    return new ExecutorInput.Opened(
        new Strategy(
            "ic-1",
            StrategyType.IRON_CONDOR,
            "SPY",
            List.of(
                new Leg(longPut, 1),
                new Leg(shortPut, -1),
                new Leg(shortCall, -1),
                new Leg(longCall, 1)),
            2,
            null,
            StrategyState.PENDING_ENTRY,
            T.minusSeconds(3600),
            null));
  }

  private static ExecutorInput roll(int at) {
    return new ExecutorInput.Decided(
        Decision.of(
            "ic-1",
            DecisionAction.ROLL,
            Urgency.NORMAL,
            RuleId.DTE_ROLL,
            "17 days to expiry, at or below the 21-day threshold. Rolling to about 45 days",
            List.of(
                new Measurement("days to expiry", 17, 21, "days"),
                new Measurement("target days to expiry", 45, 45, "days")),
            T.plusSeconds(at)));
  }

  private static List<Command> rolls(
      KeyedBroadcastOperatorTestHarness<String, ExecutorInput, Control, DecisionEvent> h) {
    var out = h.getSideOutput(DecisionExecutor.ROLLS);
    return out == null ? List.of() : out.stream().map(StreamRecord::getValue).toList();
  }

  private static List<String> alertTexts(
      KeyedBroadcastOperatorTestHarness<String, ExecutorInput, Control, DecisionEvent> h) {
    var out = h.getSideOutput(DecisionExecutor.ALERTS);
    return out == null
        ? List.of()
        : out.stream().map(r -> ((Alert) r.getValue()).message()).toList();
  }

  @Test
  void aRollReopensTheSameStructureAtTheTargetOnceItsExitClosedTheStrategyAcrossARestore()
      throws Exception {
    OperatorSubtaskState checkpoint;
    try (var h = harness(null)) {
      h.processElement(opened(), 0);
      h.processElement(status(StrategyState.OPEN, held, 0, 0), 0);
      h.processElement(roll(1), 0);
      assertThat(placed(h)).extracting(o -> o.orderRef().toString()).containsExactly("ic-1:EXIT:1");
      assertThat(placed(h).get(0).quantity()).isEqualTo(2);
      assertThat(alertTexts(h))
          .singleElement()
          .asString()
          .contains("rolled: closing ic-1, reopening as ic-1-r1 (2 units)")
          .contains("nearest 45 days out (about 2027-01-15) when closed")
          .doesNotContain("not automated");
      assertThat(rolls(h)).as("nothing before the exit closed the strategy").isEmpty();
      checkpoint = h.snapshot(1, 1);
    }
    try (var h = harness(checkpoint)) {
      h.processElement(status(StrategyState.CLOSING, held, 1, 2), 0);
      assertThat(rolls(h)).isEmpty();
      h.processElement(status(StrategyState.CLOSED, List.of(), 1, 3), 0);
      h.processElement(status(StrategyState.CLOSED, List.of(), 1, 4), 0);
      h.processElement(roll(5), 0);
      assertThat(rolls(h)).as("once").hasSize(1);
      Command reopen = rolls(h).get(0);
      assertThat(reopen.commandId()).isEqualTo("ic-1:ROLL:1");
      assertThat(reopen.issuedAt()).isEqualTo(T.plusSeconds(3));
      StrategySpec spec = ((CommandAction.OpenStrategy) reopen.action()).spec();
      assertThat(spec.strategyId()).isEqualTo("ic-1-r1");
      assertThat(spec.underlying()).isEqualTo("SPY");
      assertThat(spec.type()).isEqualTo(StrategyType.IRON_CONDOR);
      assertThat(spec.quantity()).isEqualTo(2);
      assertThat(spec.limitPrice()).isEmpty();
      assertThat(spec.legs())
          .containsExactly(
              leg(OptionType.PUT, 1, 560),
              leg(OptionType.PUT, -1, 570),
              leg(OptionType.CALL, -1, 630),
              leg(OptionType.CALL, 1, 640));
      assertThat(h.extractOutputValues())
          .extracting(DecisionEvent::verdict)
          .containsExactly("REOPENING");
      assertThat(h.extractOutputValues().get(0).note())
          .isEqualTo("closed; opening ic-1-r1 by command ic-1:ROLL:1");
      assertThat(placed(h)).as("a closed strategy sends nothing more").isEmpty();
    }
  }

  private static LegSpec leg(OptionType right, int ratio, double strike) {
    return new LegSpec(
        right, ratio, null, OptionalInt.of(45), OptionalDouble.of(strike), OptionalDouble.empty());
  }

  @Test
  void aRollWhoseExitDiesWithLegsHeldReopensNothingWhenTheNextOrderClosesTheStrategy()
      throws Exception {
    try (var h = harness(null)) {
      h.processElement(opened(), 0);
      h.processElement(status(StrategyState.OPEN, held, 0, 0), 0);
      h.processElement(roll(1), 0);
      h.processElement(status(StrategyState.CLOSING, held, 1, 2), 0);
      // the broker cancelled the exit after one unit filled
      List<Leg> left =
          List.of(
              new Leg(longPut, 1),
              new Leg(shortPut, -1),
              new Leg(shortCall, -1),
              new Leg(longCall, 1));
      h.processElement(status(StrategyState.OPEN, left, 1, 3), 0);
      h.processElement(decided(RuleId.TAKE_PROFIT, DecisionAction.CLOSE, Urgency.NORMAL, 4), 0);
      h.processElement(status(StrategyState.CLOSING, left, 2, 5), 0);
      h.processElement(status(StrategyState.CLOSED, List.of(), 2, 6), 0);
      assertThat(placed(h))
          .extracting(o -> o.orderRef().toString())
          .containsExactly("ic-1:EXIT:1", "ic-1:EXIT:2");
      assertThat(rolls(h)).isEmpty();
      assertThat(h.extractOutputValues())
          .extracting(DecisionEvent::verdict)
          .containsExactly("SENT", "NOT_REOPENED", "SENT");
      assertThat(h.extractOutputValues().get(1).note())
          .isEqualTo(
              "ic-1:EXIT:1 ended with legs held, nothing reopened; superseded by ic-1:EXIT:2");
    }
  }

  @Test
  void aFilledStatusAheadOfTheExecutionsStillReopensOnce() throws Exception {
    try (var h = harness(null)) {
      h.processElement(opened(), 0);
      h.processElement(status(StrategyState.OPEN, held, 0, 0), 0);
      h.processElement(roll(1), 0);
      h.processElement(status(StrategyState.CLOSING, held, 1, 2), 0);
      // FILLED overtook the executions: OPEN for a moment, then the fills close it
      h.processElement(status(StrategyState.OPEN, held, 1, 3), 0);
      h.processElement(status(StrategyState.CLOSING, held, 1, 4), 0);
      h.processElement(status(StrategyState.CLOSED, List.of(), 1, 5), 0);
      assertThat(rolls(h)).extracting(Command::commandId).containsExactly("ic-1:ROLL:1");
      assertThat(h.extractOutputValues())
          .extracting(DecisionEvent::verdict)
          .containsExactly("SENT", "REOPENING");
    }
  }

  @Test
  void aRollSupersededByAHigherPriorityCloseReopensNothingEvenIfItsExitFilled() throws Exception {
    try (var h = harness(null)) {
      h.processElement(opened(), 0);
      h.processElement(status(StrategyState.OPEN, held, 0, 0), 0);
      h.processElement(roll(1), 0);
      h.processElement(status(StrategyState.CLOSING, held, 1, 2), 0);
      h.processElement(decided(RuleId.CATASTROPHE, DecisionAction.CLOSE, Urgency.IMMEDIATE, 3), 0);
      // the roll's exit filled before the cancel took
      h.processElement(status(StrategyState.CLOSED, List.of(), 1, 4), 0);
      assertThat(rolls(h)).isEmpty();
      assertThat(h.extractOutputValues())
          .extracting(DecisionEvent::verdict)
          .containsExactly("SENT", "SUPERSEDING");
    }
  }

  @Test
  void aRollWithoutTheStrategysStructureOnlyClosesAndSaysSo() throws Exception {
    try (var h = harness(null)) {
      h.processElement(status(StrategyState.OPEN, held, 0, 0), 0);
      h.processElement(roll(1), 0);
      h.processElement(status(StrategyState.CLOSED, List.of(), 1, 2), 0);
      assertThat(placed(h)).hasSize(1);
      assertThat(rolls(h)).isEmpty();
      assertThat(alertTexts(h))
          .singleElement()
          .asString()
          .contains("not reopened automatically (the strategy's structure is not known");
    }
  }
}
