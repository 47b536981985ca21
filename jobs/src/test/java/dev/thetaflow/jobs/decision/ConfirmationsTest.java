package dev.thetaflow.jobs.decision;

import static dev.thetaflow.core.decision.RuleId.STOP_LOSS;
import static dev.thetaflow.core.decision.RuleId.TRAILING_STOP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thetaflow.core.decision.Decision;
import dev.thetaflow.core.decision.DecisionAction;
import dev.thetaflow.core.decision.RuleId;
import dev.thetaflow.core.decision.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Breach confirmation on a MiniCluster, with the default confirmations (trailing stop 3 marks over
 * 10 s, stop loss 2 marks over 3 s). Everything is stated in the signals' event times, which is all
 * the confirmation measures, so the outcomes do not depend on how fast the cluster runs.
 */
class ConfirmationsTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");

  @Test
  void aSpikeThroughTheTrailThatRevertsDoesNotExit() throws Exception {
    assertThat(
            run(
                breach("ic-1", TRAILING_STOP, 0),
                breach("ic-1", TRAILING_STOP, 5),
                clear("ic-1", TRAILING_STOP, 8),
                // a new episode: one mark is not enough
                breach("ic-1", TRAILING_STOP, 12)))
        .isEmpty();
  }

  @Test
  void aRealReversalExitsOnceWithHowLongItHeld() throws Exception {
    List<Decision> out =
        run(
            breach("ic-1", TRAILING_STOP, 0),
            breach("ic-1", TRAILING_STOP, 5),
            breach("ic-1", TRAILING_STOP, 12.4),
            // the same episode goes on: no second decision
            breach("ic-1", TRAILING_STOP, 15),
            breach("ic-1", TRAILING_STOP, 20),
            breach("ic-1", TRAILING_STOP, 25));
    assertThat(out).hasSize(1);
    Decision d = out.get(0);
    assertThat(d.time()).isEqualTo(at(12.4));
    assertThat(d.rule()).isEqualTo(TRAILING_STOP);
    assertThat(d.action()).isEqualTo(DecisionAction.CLOSE);
    assertThat(d.reason()).isEqualTo("profit fell through the trail; held 3 marks over 12.4 s");
    assertThat(d.measurements())
        .extracting(m -> m.name() + "=" + m.value() + "/" + m.threshold())
        .containsExactly("breach held, marks=3.0/3.0", "breach held, seconds=12.4/10.0");
  }

  @Test
  void enoughMarksTooSoonWaitForTheHold() throws Exception {
    List<Decision> out =
        run(
            breach("ic-1", TRAILING_STOP, 0),
            breach("ic-1", TRAILING_STOP, 2),
            breach("ic-1", TRAILING_STOP, 4),
            breach("ic-1", TRAILING_STOP, 11));
    // not at 4 s (3 marks, 4 s), but at the 4th mark, 11 s after the first
    assertThat(out).extracting(Decision::time).containsExactly(at(11));
    assertThat(out.get(0).reason()).endsWith("held 4 marks over 11.0 s");
  }

  @Test
  void rulesAndStrategiesInterleavedDoNotConfuseEachOther() throws Exception {
    List<Decision> out =
        run(
            breach("ic-1", TRAILING_STOP, 0),
            breach("ic-2", TRAILING_STOP, 0.5),
            breach("ic-1", STOP_LOSS, 1),
            breach("ic-2", STOP_LOSS, 2),
            clear("ic-1", STOP_LOSS, 2.5),
            breach("ic-1", STOP_LOSS, 3),
            breach("ic-2", STOP_LOSS, 4), // 2 marks but 2 s: not yet
            breach("ic-1", TRAILING_STOP, 5),
            breach("ic-2", STOP_LOSS, 5), // 3 marks over 3 s: confirmed
            breach("ic-2", TRAILING_STOP, 5.5),
            breach("ic-1", STOP_LOSS, 6.5), // 2 marks over 3.5 s since the 3 s restart
            clear("ic-2", TRAILING_STOP, 9),
            breach("ic-1", TRAILING_STOP, 10), // 3 marks over 10 s
            breach("ic-2", TRAILING_STOP, 10.5)); // a fresh episode after ic-2's whipsaw
    assertThat(out)
        .extracting(d -> d.strategyId() + " " + d.rule() + " " + d.time())
        .containsExactlyInAnyOrder(
            "ic-2 STOP_LOSS " + at(5), "ic-1 STOP_LOSS " + at(6.5), "ic-1 TRAILING_STOP " + at(10));
  }

  @Test
  void aSecondEpisodeAfterARecoveryConfirmsAgain() throws Exception {
    List<Decision> out =
        run(
            breach("ic-1", TRAILING_STOP, 0),
            breach("ic-1", TRAILING_STOP, 5),
            breach("ic-1", TRAILING_STOP, 10),
            breach("ic-1", TRAILING_STOP, 15),
            clear("ic-1", TRAILING_STOP, 16),
            breach("ic-1", TRAILING_STOP, 20),
            breach("ic-1", TRAILING_STOP, 25),
            breach("ic-1", TRAILING_STOP, 30),
            breach("ic-1", TRAILING_STOP, 35));
    assertThat(out).extracting(Decision::time).containsExactlyInAnyOrder(at(10), at(30));
  }

  @Test
  void oneMarkWithoutHoldConfirmsAtOnceButOncePerEpisode() throws Exception {
    Map<RuleId, Confirmation> immediateStop =
        Map.of(
            TRAILING_STOP,
            Confirmation.TRAILING_STOP_DEFAULT,
            STOP_LOSS,
            new Confirmation(1, Duration.ZERO));
    List<Decision> out =
        run(
            immediateStop,
            breach("ic-1", STOP_LOSS, 0),
            breach("ic-1", STOP_LOSS, 1),
            clear("ic-1", STOP_LOSS, 2),
            breach("ic-1", STOP_LOSS, 3));
    assertThat(out).extracting(Decision::time).containsExactlyInAnyOrder(at(0), at(3));
    assertThat(out.get(0).reason()).endsWith("held 1 marks over 0.0 s");
  }

  @Test
  void signalsAndConfirmationsAreValidated() {
    Decision close = decision("ic-1", STOP_LOSS, 0);
    assertThatThrownBy(() -> new RuleSignal("ic-1", STOP_LOSS, true, null, at(0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RuleSignal("ic-1", STOP_LOSS, false, close, at(0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RuleSignal("ic-2", STOP_LOSS, true, close, at(0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RuleSignal.clear("ic-1", RuleId.TAKE_PROFIT, at(0)))
        .hasMessageContaining("TAKE_PROFIT");
    assertThatThrownBy(() -> new Confirmation(0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Confirmation(2, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                Confirmations.confirm(
                    null, Map.of(TRAILING_STOP, Confirmation.TRAILING_STOP_DEFAULT)))
        .hasMessageContaining("confirmations needed");
    assertThat(Confirmation.TRAILING_STOP_DEFAULT)
        .isEqualTo(new Confirmation(3, Duration.ofSeconds(10)));
    assertThat(Confirmation.STOP_LOSS_DEFAULT)
        .isEqualTo(new Confirmation(2, Duration.ofSeconds(3)));
  }

  private static List<Decision> run(RuleSignal... signals) throws Exception {
    return run(Confirmations.DEFAULTS, signals);
  }

  /** One bounded job; two subtasks, so keys are spread and each key stays on one. */
  private static List<Decision> run(Map<RuleId, Confirmation> byRule, RuleSignal... signals)
      throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    List<Decision> out = new ArrayList<>();
    try (CloseableIterator<Decision> it =
        Confirmations.confirm(env.fromData(signals).setParallelism(1), byRule)
            .executeAndCollect()) {
      it.forEachRemaining(out::add);
    }
    return out;
  }

  private static RuleSignal breach(String strategyId, RuleId rule, double seconds) {
    return RuleSignal.breach(decision(strategyId, rule, seconds));
  }

  private static RuleSignal clear(String strategyId, RuleId rule, double seconds) {
    return RuleSignal.clear(strategyId, rule, at(seconds));
  }

  private static Decision decision(String strategyId, RuleId rule, double seconds) {
    String reason =
        rule == TRAILING_STOP ? "profit fell through the trail" : "loss passed 2x the credit";
    return Decision.of(
        strategyId, DecisionAction.CLOSE, Urgency.HIGH, rule, reason, List.of(), at(seconds));
  }

  private static Instant at(double seconds) {
    return T0.plusMillis(Math.round(seconds * 1000));
  }
}
