package dev.thetaflow.core.rules;

import static dev.thetaflow.core.rules.RuleInputs.ironCondor;
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

class StopLossRuleTest {
  private static final VolatilityScaling SCALING = new VolatilityScaling(0.30, 0.8, 1.5);
  // twice the credit, half the debit, scaled for IV around 30%
  private final StopLossRule rule = new StopLossRule(new StopLossRule.Thresholds(2, 0.5, SCALING));

  @Test
  void aCreditStrategyStopsAtItsMultipleOfTheCredit() {
    // IV at the baseline: stop at 2,000
    Evaluation below = rule.evaluate(ironCondor().pnl(-1_999, 0).build());
    assertThat(below.fired()).isFalse();
    assertThat(below.progress()).isCloseTo(0.9995, within(1e-12));
    Evaluation at = rule.evaluate(ironCondor().pnl(-2_000, 0).build());
    assertThat(at.fired()).isTrue();
    assertThat(at.progress()).isEqualTo(1);
    assertThat(rule.evaluate(ironCondor().pnl(-2_001, 0).build()).fired()).isTrue();

    var d = at.decision();
    assertThat(d.action()).isEqualTo(DecisionAction.CLOSE);
    assertThat(d.urgency()).isEqualTo(Urgency.HIGH);
    assertThat(d.rule()).isEqualTo(RuleId.STOP_LOSS);
    assertThat(d.reason())
        .isEqualTo("stop loss: loss 2,000 is 2.00x the 1,000 credit (stop at 2.00x)");
    assertThat(d.measurements())
        .containsExactly(new Measurement("loss as a multiple of the credit", 2, 2, "x"));
  }

  @Test
  void aWildMarketWidensTheStopAndACalmOneNarrowsIt() {
    // IV 33% over 30%: 1.10x, stop at 2,200
    assertThat(rule.evaluate(ironCondor().iv(0.33, 0.30).pnl(-2_199, 0).build()).fired()).isFalse();
    Evaluation at = rule.evaluate(ironCondor().iv(0.33, 0.30).pnl(-2_200, 0).build());
    assertThat(at.fired()).isTrue();
    assertThat(at.decision().reason())
        .isEqualTo(
            "stop loss: loss 2,200 is 2.20x the 1,000 credit (stop at 2.20x: 2.00x, widened 1.10x"
                + " for IV 33% vs 30% baseline)");
    assertThat(at.decision().measurements())
        .extracting(Measurement::name)
        .containsExactly(
            "loss as a multiple of the credit", "implied volatility against the baseline");
    assertThat(rule.evaluate(ironCondor().iv(0.33, 0.30).pnl(-2_201, 0).build()).fired()).isTrue();
    // IV 15%: held to the 0.8x bound, stop at 1,600
    assertThat(rule.evaluate(ironCondor().iv(0.15, 0.30).pnl(-1_599, 0).build()).fired()).isFalse();
    assertThat(rule.evaluate(ironCondor().iv(0.15, 0.30).pnl(-1_600, 0).build()).fired()).isTrue();
    // unknown IV: as configured
    assertThat(rule.evaluate(ironCondor().iv(Double.NaN, 0.30).pnl(-2_000, 0).build()).fired())
        .isTrue();
  }

  @Test
  void aDebitStrategyStopsAtItsShareOfTheDebit() {
    // put vertical: debit 1,000, stop at 500
    assertThat(rule.evaluate(putDebitVertical().pnl(-499, 0).build()).fired()).isFalse();
    Evaluation at = rule.evaluate(putDebitVertical().pnl(-500, 0).build());
    assertThat(at.fired()).isTrue();
    assertThat(at.decision().reason())
        .isEqualTo("stop loss: loss 500 is 50% of the 1,000 debit (stop at 50%)");
    assertThat(at.decision().measurements())
        .containsExactly(new Measurement("loss as a share of the debit", 50, 50, "%"));
    assertThat(rule.evaluate(putDebitVertical().pnl(-501, 0).build()).fired()).isTrue();
    // IV 36%: 1.2x, stop at 600
    assertThat(rule.evaluate(putDebitVertical().iv(0.36, 0.3).pnl(-599, 0).build()).fired())
        .isFalse();
    assertThat(rule.evaluate(putDebitVertical().iv(0.36, 0.3).pnl(-600, 0).build()).fired())
        .isTrue();
  }

  @Test
  void aProfitIsFarFromTheStop() {
    assertThat(rule.evaluate(ironCondor().pnl(300, 300).build()).progress()).isEqualTo(0);
  }

  @Test
  void waitsOnStaleMarksAndWithoutPnl() {
    Evaluation stale = rule.evaluate(ironCondor().pnl(-5_000, 0).marksUsable(false).build());
    assertThat(stale.fired()).isFalse();
    assertThat(stale.waiting()).contains("stale");
    assertThat(rule.evaluate(ironCondor().pnl(Double.NaN, 0).build()).waiting()).contains("no P&L");
  }

  @Test
  void onlyOpenStrategiesWithKnownMoneyAreJudged() {
    Evaluation closing = rule.evaluate(RuleInputs.closing(ironCondor().pnl(-5_000, 0)));
    assertThat(closing.fired()).isFalse();
    assertThat(closing.waiting()).isNull();
    assertThat(closing.progress()).isNaN();
    Evaluation unknown =
        rule.evaluate(ironCondor().money(Double.NaN, 1_000, 4_000).pnl(-5_000, 0).build());
    assertThat(unknown.fired()).isFalse();
    assertThat(unknown.progress()).isNaN();
  }

  @Test
  void thresholdsAreValidatedByName() {
    assertThatThrownBy(() -> new StopLossRule.Thresholds(0, 0.5, SCALING))
        .hasMessage(
            "stop loss threshold multipleOfCredit must be above 0 and at most 100, was 0.0");
    assertThatThrownBy(() -> new StopLossRule.Thresholds(2, 1.5, SCALING))
        .hasMessage("stop loss threshold shareOfDebit must be above 0 and at most 1, was 1.5");
    assertThatThrownBy(() -> new StopLossRule.Thresholds(2, 0.5, null))
        .hasMessageContaining("scaling is required");
  }

  @Test
  void readsItsThresholdsFromConfiguration() {
    var p =
        new RuleParams(
            "rules.defaults.stopLoss", Map.of("multipleOfCredit", "2", "shareOfDebit", "0.5"));
    assertThat(StopLossRule.from(p, SCALING).thresholds())
        .isEqualTo(new StopLossRule.Thresholds(2, 0.5, SCALING));
    var unknown =
        new RuleParams(
            "rules.defaults.stopLoss",
            Map.of("multipleOfCredit", "2", "shareOfDebit", "0.5", "multipleOfCreditt", "3"));
    assertThatThrownBy(() -> StopLossRule.from(unknown))
        .hasMessageStartingWith("rules.defaults.stopLoss: unknown key multipleOfCreditt");
    var notANumber =
        new RuleParams(
            "rules.defaults.stopLoss", Map.of("multipleOfCredit", "two", "shareOfDebit", "0.5"));
    assertThatThrownBy(() -> StopLossRule.from(notANumber))
        .hasMessage(
            "rules.defaults.stopLoss.multipleOfCredit must be a number from 0.0 to 100.0, was"
                + " 'two'");
  }
}
