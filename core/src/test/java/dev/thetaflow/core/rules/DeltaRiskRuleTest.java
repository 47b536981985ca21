package dev.thetaflow.core.rules;

import static dev.thetaflow.core.rules.RiskRuleInputs.EXPIRY;
import static dev.thetaflow.core.rules.RiskRuleInputs.call;
import static dev.thetaflow.core.rules.RiskRuleInputs.condor;
import static dev.thetaflow.core.rules.RiskRuleInputs.condorInput;
import static dev.thetaflow.core.rules.RiskRuleInputs.greeks;
import static dev.thetaflow.core.rules.RiskRuleInputs.leg;
import static dev.thetaflow.core.rules.RiskRuleInputs.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.thetaflow.core.decision.DecisionAction;
import dev.thetaflow.core.decision.RuleId;
import dev.thetaflow.core.decision.Urgency;
import dev.thetaflow.core.strategy.StrategyState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeltaRiskRuleTest {

  private final DeltaRiskRule adjusting =
      new DeltaRiskRule(new DeltaRiskRule.Thresholds(0.30, 40, true));
  private final DeltaRiskRule closing =
      new DeltaRiskRule(new DeltaRiskRule.Thresholds(0.30, 40, false));

  @Test
  void quietInsideTheBandWithProgressOfTheNearestLimit() {
    Evaluation e = adjusting.evaluate(condorInput().build());
    assertThat(e.fired()).isFalse();
    assertThat(e.waiting()).isNull();
    assertThat(e.progress()).isCloseTo(0.16 / 0.30, within(1e-12));
  }

  @Test
  void shortDeltaAtTheLimitHoldsJustBelowHoldsJustAboveAdjustsTheTestedSide() {
    assertThat(adjusting.evaluate(condorInput().legs(condor(-0.30, 0.16)).build()).fired())
        .isFalse();
    Evaluation at = adjusting.evaluate(condorInput().legs(condor(-0.30, 0.16)).build());
    assertThat(at.progress()).isCloseTo(1.0, within(1e-12));
    assertThat(adjusting.evaluate(condorInput().legs(condor(-0.29, 0.16)).build()).fired())
        .isFalse();

    Evaluation e = adjusting.evaluate(condorInput().legs(condor(-0.31, 0.16)).build());
    assertThat(e.fired()).isTrue();
    assertThat(e.progress()).isCloseTo(0.31 / 0.30, within(1e-12));
    var d = e.decision();
    assertThat(d.action()).isEqualTo(DecisionAction.ADJUST);
    assertThat(d.urgency()).isEqualTo(Urgency.NORMAL);
    assertThat(d.rule()).isEqualTo(RuleId.DELTA_RISK);
    assertThat(d.priority()).isEqualTo(RuleId.DELTA_RISK.defaultPriority());
    // the tested short put and its long put wing, not the call side
    assertThat(d.legConIds()).containsExactly(5800L, 5700L);
    assertThat(d.reason())
        .contains("short put 580", "-0.31", "0.30 limit", "Adjusting the tested side");
    assertThat(d.measurements()).hasSize(2);
    assertThat(d.measurements().get(0).value()).isCloseTo(0.31, within(1e-12));
    assertThat(d.measurements().get(0).threshold()).isEqualTo(0.30);
  }

  @Test
  void strategyDeltaAtJustBelowAndJustAboveEitherSign() {
    assertThat(adjusting.evaluate(condorInput().greeks(greeks(40, -20, 5)).build()).fired())
        .isFalse();
    assertThat(adjusting.evaluate(condorInput().greeks(greeks(39.9, -20, 5)).build()).fired())
        .isFalse();
    Evaluation up = adjusting.evaluate(condorInput().greeks(greeks(40.1, -20, 5)).build());
    assertThat(up.fired()).isTrue();
    assertThat(up.progress()).isCloseTo(40.1 / 40, within(1e-12));
    // the tested side is still the short leg with the largest |delta|: the call
    assertThat(up.decision().legConIds()).containsExactly(6201L, 6301L);
    assertThat(up.decision().reason()).contains("40.1 shares", "40-share limit");
    Evaluation down = adjusting.evaluate(condorInput().greeks(greeks(-40.1, -20, 5)).build());
    assertThat(down.fired()).isTrue();
    assertThat(down.decision().reason()).contains("-40.1 shares");
  }

  @Test
  void closesTheWholeStrategyWhenNotAdjusting() {
    var d = closing.evaluate(condorInput().legs(condor(-0.31, 0.16)).build()).decision();
    assertThat(d.action()).isEqualTo(DecisionAction.CLOSE);
    assertThat(d.legConIds()).isEmpty();
    assertThat(d.reason()).contains("Closing the strategy");
  }

  @Test
  void closesWhenThereIsNoShortLegToAdjust() {
    var longCall = List.of(leg(call(620, EXPIRY), 1, 1.10, 0.5));
    var d =
        adjusting
            .evaluate(condorInput().legs(longCall).greeks(greeks(50, 10, 1)).build())
            .decision();
    assertThat(d.action()).isEqualTo(DecisionAction.CLOSE);
    assertThat(d.measurements()).hasSize(1);
  }

  @Test
  void waitsWithoutUsableMarksOrGreeksOrAShortDelta() {
    assertThat(adjusting.evaluate(condorInput().marksUsable(false).build()).waiting())
        .contains("quotes");
    assertThat(adjusting.evaluate(condorInput().greeks(null).build()).waiting()).contains("Greeks");
    Evaluation nan = adjusting.evaluate(condorInput().legs(condor(Double.NaN, 0.40)).build());
    assertThat(nan.waiting()).contains("delta");
    assertThat(nan.fired()).isFalse();
    assertThat(nan.progress()).isNaN();
  }

  @Test
  void judgesOnlyOpenStrategiesThatHoldSomething() {
    Evaluation closingState =
        adjusting.evaluate(
            condorInput().state(StrategyState.CLOSING).legs(condor(-0.5, 0.5)).build());
    assertThat(closingState.progress()).isNaN();
    assertThat(closingState.fired()).isFalse();
    assertThat(closingState.waiting()).isNull();
    var flat = List.of(leg(call(620, EXPIRY), 0, 1.10, 0.9));
    assertThat(adjusting.evaluate(condorInput().legs(flat).build()).progress()).isNaN();
  }

  @Test
  void thresholdsNameWhatIsWrong() {
    assertThatThrownBy(() -> new DeltaRiskRule.Thresholds(0, 40, true))
        .hasMessageContaining("maxShortDelta")
        .hasMessageContaining("0.0")
        .hasMessageContaining("(0, 1]");
    assertThatThrownBy(() -> new DeltaRiskRule.Thresholds(1.2, 40, true))
        .hasMessageContaining("maxShortDelta");
    assertThatThrownBy(() -> new DeltaRiskRule.Thresholds(0.3, Double.NaN, true))
        .hasMessageContaining("maxStrategyDelta")
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> new DeltaRiskRule.Thresholds(0.3, -1, true))
        .hasMessageContaining("maxStrategyDelta")
        .hasMessageContaining("> 0");
  }

  @Test
  void readsItsKeysAndRejectsUnknownOnes() {
    DeltaRiskRule r =
        DeltaRiskRule.from(
            params(Map.of("maxShortDelta", "0.3", "maxStrategyDelta", "40", "adjust", "false")));
    assertThat(r.thresholds()).isEqualTo(new DeltaRiskRule.Thresholds(0.3, 40, false));
    assertThat(r.id()).isEqualTo(RuleId.DELTA_RISK);
    assertThatThrownBy(
            () ->
                DeltaRiskRule.from(
                    params(
                        Map.of(
                            "maxShortDelta", "0.3",
                            "maxStrategyDelta", "40",
                            "adjust", "true",
                            "maxShortDetla", "0.2"))))
        .hasMessageContaining("unknown key maxShortDetla");
    assertThatThrownBy(
            () -> DeltaRiskRule.from(params(Map.of("maxShortDelta", "0.3", "adjust", "true"))))
        .hasMessageContaining("maxStrategyDelta is required");
  }
}
