package dev.thetaflow.core.rules;

import static dev.thetaflow.core.rules.RiskRuleInputs.condor;
import static dev.thetaflow.core.rules.RiskRuleInputs.condorInput;
import static dev.thetaflow.core.rules.RiskRuleInputs.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.thetaflow.core.decision.DecisionAction;
import dev.thetaflow.core.decision.Measurement;
import dev.thetaflow.core.decision.RuleId;
import dev.thetaflow.core.decision.Urgency;
import dev.thetaflow.core.strategy.StrategyState;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DteRollRuleTest {

  private final DteRollRule rule = new DteRollRule(new DteRollRule.Thresholds(7, 45, 0.30));

  @Test
  void rollsAnUntestedCreditStrategyAtTheThresholdNotAboveIt() {
    Evaluation above = rule.evaluate(condorInput().dte(8).build());
    assertThat(above.fired()).isFalse();
    assertThat(above.progress()).isCloseTo(8.0 / 9, within(1e-12));

    Evaluation at = rule.evaluate(condorInput().dte(7).build());
    assertThat(at.fired()).isTrue();
    assertThat(at.progress()).isCloseTo(1.0, within(1e-12));
    var d = at.decision();
    assertThat(d.action()).isEqualTo(DecisionAction.ROLL);
    assertThat(d.urgency()).isEqualTo(Urgency.NORMAL);
    assertThat(d.rule()).isEqualTo(RuleId.DTE_ROLL);
    assertThat(d.reason())
        .contains("7 days to expiry", "7-day threshold", "Rolling to about 45 days");
    assertThat(d.measurements())
        .contains(new Measurement("target days to expiry", 45, 45, "days"))
        .contains(new Measurement("days to expiry", 7, 7, "days"));

    Evaluation below = rule.evaluate(condorInput().dte(6).build());
    assertThat(below.decision().action()).isEqualTo(DecisionAction.ROLL);
    assertThat(below.progress()).isCloseTo(8.0 / 7, within(1e-12));
    assertThat(rule.evaluate(condorInput().dte(0).build()).decision().reason())
        .startsWith("Expiration day");
  }

  @Test
  void closesWhenAShortLegIsTestedByDeltaAtJustBelowAndJustAbove() {
    assertThat(
            rule.evaluate(condorInput().dte(5).legs(condor(-0.29, 0.16)).build())
                .decision()
                .action())
        .isEqualTo(DecisionAction.ROLL);
    var at = rule.evaluate(condorInput().dte(5).legs(condor(-0.30, 0.16)).build()).decision();
    assertThat(at.action()).isEqualTo(DecisionAction.CLOSE);
    assertThat(at.reason()).contains("short put 580 is tested", "delta -0.30");
    assertThat(at.measurements())
        .extracting(Measurement::name)
        .doesNotContain("target days to expiry");
    assertThat(
            rule.evaluate(condorInput().dte(5).legs(condor(-0.15, 0.31)).build())
                .decision()
                .action())
        .isEqualTo(DecisionAction.CLOSE);
  }

  @Test
  void closesWhenAShortStrikeIsNotOutOfTheMoney() {
    // low delta but spot at the short call strike (620)
    var atStrike = rule.evaluate(condorInput().dte(5).spot(620, 600).build()).decision();
    assertThat(atStrike.action()).isEqualTo(DecisionAction.CLOSE);
    assertThat(atStrike.reason()).contains("short call 620", "in the money", "620");
    assertThat(rule.evaluate(condorInput().dte(5).spot(619.99, 600).build()).decision().action())
        .isEqualTo(DecisionAction.ROLL);
    assertThat(rule.evaluate(condorInput().dte(5).spot(580, 600).build()).decision().action())
        .isEqualTo(DecisionAction.CLOSE);
    assertThat(rule.evaluate(condorInput().dte(5).spot(580.01, 600).build()).decision().action())
        .isEqualTo(DecisionAction.ROLL);
  }

  @Test
  void closesADebitStrategyWithoutNeedingMarks() {
    var d =
        rule.evaluate(condorInput().dte(3).money(-200, 800, 200).marksUsable(false).build())
            .decision();
    assertThat(d.action()).isEqualTo(DecisionAction.CLOSE);
    assertThat(d.reason()).contains("debit strategy is not rolled");
  }

  @Test
  void aCreditStrategyWaitsForWhatTheRollOrCloseChoiceNeeds() {
    assertThat(rule.evaluate(condorInput().dte(3).marksUsable(false).build()).waiting())
        .isNotNull();
    assertThat(rule.evaluate(condorInput().dte(3).spot(Double.NaN, 600).build()).waiting())
        .contains("price");
    assertThat(rule.evaluate(condorInput().dte(3).legs(condor(Double.NaN, 0.1)).build()).waiting())
        .contains("delta");
    // far from the threshold nothing is needed
    assertThat(rule.evaluate(condorInput().dte(30).marksUsable(false).build()).waiting()).isNull();
  }

  @Test
  void notApplicableWithoutExpiryOrWhenNotOpen() {
    assertThat(rule.evaluate(condorInput().dte(-1).build()).progress()).isNaN();
    var pending = condorInput().dte(1).state(StrategyState.PENDING_ENTRY).build();
    assertThat(rule.evaluate(pending).progress()).isNaN();
    assertThat(rule.evaluate(pending).fired()).isFalse();
  }

  @Test
  void rollAtZeroStillHasAFiniteProgress() {
    DteRollRule onTheDay = new DteRollRule(new DteRollRule.Thresholds(0, 30, 0.3));
    assertThat(onTheDay.evaluate(condorInput().dte(1).build()).progress()).isEqualTo(0.5);
    assertThat(onTheDay.evaluate(condorInput().dte(0).build()).progress()).isEqualTo(1.0);
  }

  @Test
  void thresholdsNameWhatIsWrong() {
    assertThatThrownBy(() -> new DteRollRule.Thresholds(-1, 45, 0.3))
        .hasMessageContaining("rollAtDte");
    assertThatThrownBy(() -> new DteRollRule.Thresholds(21, 21, 0.3))
        .hasMessageContaining("targetDte")
        .hasMessageContaining("21")
        .hasMessageContaining("more days than rollAtDte");
    assertThatThrownBy(() -> new DteRollRule.Thresholds(7, 45, 1))
        .hasMessageContaining("testedDelta")
        .hasMessageContaining("(0, 1)");
  }

  @Test
  void readsItsKeysAndRejectsUnknownOnes() {
    assertThat(
            DteRollRule.from(
                    params(Map.of("rollAtDte", "21", "targetDte", "45", "testedDelta", "0.3")))
                .thresholds())
        .isEqualTo(new DteRollRule.Thresholds(21, 45, 0.3));
    assertThatThrownBy(
            () ->
                DteRollRule.from(
                    params(
                        Map.of(
                            "rollAtDte", "21",
                            "targetDte", "45",
                            "testedDelta", "0.3",
                            "rollAtDTE", "14"))))
        .hasMessageContaining("unknown key rollAtDTE");
  }
}
