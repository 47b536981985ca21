package dev.thetaflow.core.rules;

import static dev.thetaflow.core.rules.RuleInputs.ironCondor;
import static dev.thetaflow.core.rules.RuleInputs.longCall;
import static dev.thetaflow.core.rules.RuleInputs.putDebitVertical;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.thetaflow.core.decision.DecisionAction;
import dev.thetaflow.core.decision.Measurement;
import dev.thetaflow.core.decision.RuleId;
import dev.thetaflow.core.decision.Urgency;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrailingStopRuleTest {
  // active from 50% of max profit, trail 20% of it
  private final TrailingStopRule rule =
      new TrailingStopRule(new TrailingStopRule.Thresholds(0.5, 0.2, VolatilityScaling.NONE));

  @Test
  void inactiveUntilTheBestProfitReachesTheActivationLevel() {
    // iron condor: max profit 1,000, activation at 500
    Evaluation below = rule.evaluate(ironCondor().pnl(0, 499).build());
    assertThat(below.fired()).isFalse();
    assertThat(below.progress()).isNaN();
    assertThat(rule.evaluate(ironCondor().pnl(0, Double.NaN).build()).progress()).isNaN();
    Evaluation at = rule.evaluate(ironCondor().pnl(300, 500).build()); // 200 below 500
    assertThat(at.fired()).isTrue();
  }

  @Test
  void firesWhenTheProfitFallsByTheDistanceFromTheBest() {
    // best 620, allowed drop 200: trail at 420
    Evaluation above = rule.evaluate(ironCondor().pnl(421, 620).build());
    assertThat(above.fired()).isFalse();
    assertThat(above.progress()).isCloseTo(199 / 200.0, within(1e-12));
    Evaluation at = rule.evaluate(ironCondor().pnl(420, 620).build());
    assertThat(at.fired()).isTrue();
    assertThat(at.progress()).isCloseTo(1, within(1e-12));
    assertThat(rule.evaluate(ironCondor().pnl(419, 620).build()).fired()).isTrue();

    var d = at.decision();
    assertThat(d.action()).isEqualTo(DecisionAction.CLOSE);
    assertThat(d.urgency()).isEqualTo(Urgency.HIGH);
    assertThat(d.rule()).isEqualTo(RuleId.TRAILING_STOP);
    assertThat(d.reason())
        .isEqualTo(
            "trailing stop breached: profit fell from 620 to 420, a drop of 200 with 200 allowed"
                + " (trail 20% of the 1,000 max profit; active since the profit reached 50%, 500)");
    assertThat(d.measurements())
        .containsExactly(
            new Measurement("drop from the best profit", 200, 200, "$"),
            new Measurement("best profit as a share of the max profit", 62, 50, "%"));
  }

  @Test
  void theDistanceFollowsImpliedVolatility() {
    var scaled =
        new TrailingStopRule(
            new TrailingStopRule.Thresholds(0.5, 0.2, new VolatilityScaling(0.30, 0.5, 2)));
    // IV 45% over 30%: 1.5x, allowed drop 300
    assertThat(scaled.evaluate(ironCondor().iv(0.45, 0.30).pnl(321, 620).build()).fired())
        .isFalse();
    Evaluation at = scaled.evaluate(ironCondor().iv(0.45, 0.30).pnl(320, 620).build());
    assertThat(at.fired()).isTrue();
    assertThat(at.decision().reason())
        .contains(
            "300 allowed (trail 20% of the 1,000 max profit, widened 1.50x for IV 45% vs 30%");
    assertThat(at.decision().measurements())
        .contains(new Measurement("implied volatility against the baseline", 45, 30, "%"));
    // IV 15%: 0.5x, allowed drop 100
    assertThat(scaled.evaluate(ironCondor().iv(0.15, 0.30).pnl(521, 620).build()).fired())
        .isFalse();
    assertThat(scaled.evaluate(ironCondor().iv(0.15, 0.30).pnl(520, 620).build()).fired()).isTrue();
  }

  @Test
  void withUnboundedMaxProfitTheBaseIsTheDebit() {
    // long call: debit 1,000; activation 500, drop 200
    assertThat(rule.evaluate(longCall().pnl(801, 1_000).build()).fired()).isFalse();
    Evaluation at = rule.evaluate(longCall().pnl(800, 1_000).build());
    assertThat(at.fired()).isTrue();
    assertThat(at.decision().reason()).contains("of the 1,000 debit");
    // a debit vertical's max profit is bounded: 1,500, activation 750, drop 300
    assertThat(rule.evaluate(putDebitVertical().pnl(451, 750).build()).fired()).isFalse();
    assertThat(rule.evaluate(putDebitVertical().pnl(450, 750).build()).fired()).isTrue();
  }

  @Test
  void waitsOnStaleMarksAndWithoutPnl() {
    Evaluation stale = rule.evaluate(ironCondor().pnl(0, 800).marksUsable(false).build());
    assertThat(stale.fired()).isFalse();
    assertThat(stale.waiting()).contains("stale");
    assertThat(rule.evaluate(ironCondor().pnl(Double.NaN, 800).build()).waiting())
        .contains("no P&L");
  }

  @Test
  void onlyOpenStrategiesWithAKnownBaseAreJudged() {
    Evaluation closing = rule.evaluate(RuleInputs.closing(ironCondor().pnl(0, 800)));
    assertThat(closing.fired()).isFalse();
    assertThat(closing.waiting()).isNull();
    assertThat(closing.progress()).isNaN();
    Evaluation noMoney =
        rule.evaluate(ironCondor().money(Double.NaN, Double.NaN, Double.NaN).pnl(0, 800).build());
    assertThat(noMoney.fired()).isFalse();
    assertThat(noMoney.progress()).isNaN();
  }

  @Test
  void thresholdsAreValidatedByName() {
    assertThatThrownBy(() -> new TrailingStopRule.Thresholds(0, 0.2, VolatilityScaling.NONE))
        .hasMessage("trailing stop threshold activation must be above 0 and at most 10, was 0.0");
    assertThatThrownBy(() -> new TrailingStopRule.Thresholds(0.5, -0.2, VolatilityScaling.NONE))
        .hasMessage("trailing stop threshold distance must be above 0 and at most 10, was -0.2");
    assertThatThrownBy(() -> new TrailingStopRule.Thresholds(0.5, 0.2, null))
        .hasMessageContaining("scaling is required");
  }

  @Test
  void readsItsThresholdsFromConfiguration() {
    var scaling = new VolatilityScaling(0.3, 0.8, 1.5);
    var p =
        new RuleParams(
            "rules.defaults.trailingStop", Map.of("activation", "0.5", "distance", "0.2"));
    assertThat(TrailingStopRule.from(p, scaling).thresholds())
        .isEqualTo(new TrailingStopRule.Thresholds(0.5, 0.2, scaling));
    assertThat(
            TrailingStopRule.from(
                    new RuleParams(
                        "rules.defaults.trailingStop",
                        Map.of("activation", "0.5", "distance", "0.2")))
                .thresholds()
                .scaling())
        .isEqualTo(VolatilityScaling.NONE);
    var unknown =
        new RuleParams(
            "rules.defaults.trailingStop",
            Map.of("activation", "0.5", "distance", "0.2", "confirmations", "3"));
    assertThatThrownBy(() -> TrailingStopRule.from(unknown))
        .hasMessage(
            "rules.defaults.trailingStop: unknown key confirmations (known: activation, distance)");
    var zero =
        new RuleParams("rules.defaults.trailingStop", Map.of("activation", "0.5", "distance", "0"));
    assertThatThrownBy(() -> TrailingStopRule.from(zero))
        .hasMessageStartingWith("rules.defaults.trailingStop: trailing stop threshold distance");
  }
}
