package dev.thetaflow.core.rules;

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

class VixExitRuleTest {

  private final VixExitRule rule = new VixExitRule(new VixExitRule.Thresholds(30, 0.25));

  private Evaluation vix(double now, double reference) {
    return rule.evaluate(condorInput().vix(now, reference).build());
  }

  @Test
  void levelAtJustBelowAndJustAbove() {
    assertThat(vix(29.99, 29).fired()).isFalse();
    Evaluation at = vix(30, 29);
    assertThat(at.fired()).isTrue();
    assertThat(at.progress()).isCloseTo(1.0, within(1e-12));
    var d = at.decision();
    assertThat(d.action()).isEqualTo(DecisionAction.CLOSE);
    assertThat(d.urgency()).isEqualTo(Urgency.HIGH);
    assertThat(d.rule()).isEqualTo(RuleId.VIX_EXIT);
    assertThat(d.reason())
        .contains("VIX is 30.00", "30.00 limit", "up 3.45% from 29.00", "new entries pause");
    assertThat(d.measurements()).contains(new Measurement("VIX", 30, 30, ""));
    assertThat(vix(30.01, 29).fired()).isTrue();
  }

  @Test
  void jumpFromTheDaysStartAtJustBelowAndJustAbove() {
    Evaluation at = vix(20, 16);
    assertThat(at.fired()).isTrue();
    assertThat(at.progress()).isCloseTo(1.0, within(1e-9));
    assertThat(at.decision().reason()).contains("up 25% from 16.00", "(limit +25%)");
    assertThat(at.decision().reason()).doesNotContain("30.00 limit");
    Evaluation below = vix(19.99, 16);
    assertThat(below.fired()).isFalse();
    assertThat(below.progress()).isCloseTo((19.99 / 16 - 1) / 0.25, within(1e-9));
    assertThat(vix(20.01, 16).fired()).isTrue();
  }

  @Test
  void withoutADayReferenceOnlyTheLevelCounts() {
    assertThat(vix(25, Double.NaN).fired()).isFalse();
    assertThat(vix(25, Double.NaN).progress()).isCloseTo(25.0 / 30, within(1e-12));
    Evaluation e = vix(31, Double.NaN);
    assertThat(e.fired()).isTrue();
    assertThat(e.decision().measurements()).hasSize(1);
  }

  @Test
  void waitsForVixButNotForOptionQuotes() {
    assertThat(vix(Double.NaN, 15).waiting()).contains("VIX");
    assertThat(rule.evaluate(condorInput().vix(35, 15).marksUsable(false).build()).fired())
        .isTrue();
  }

  @Test
  void judgesOnlyOpenCreditStrategies() {
    var debit = condorInput().money(-300, 700, 300).vix(40, 15).build();
    assertThat(rule.evaluate(debit).progress()).isNaN();
    assertThat(rule.evaluate(debit).fired()).isFalse();
    var unknownCredit = condorInput().money(Double.NaN, 100, 100).vix(40, 15).build();
    assertThat(rule.evaluate(unknownCredit).fired()).isFalse();
    var closing = condorInput().vix(40, 15).state(StrategyState.CLOSING).build();
    assertThat(rule.evaluate(closing).fired()).isFalse();
  }

  @Test
  void thresholdsNameWhatIsWrong() {
    assertThatThrownBy(() -> new VixExitRule.Thresholds(0, 0.25))
        .hasMessageContaining("level")
        .hasMessageContaining("0.0");
    assertThatThrownBy(() -> new VixExitRule.Thresholds(30, Double.NaN))
        .hasMessageContaining("jump")
        .hasMessageContaining("NaN");
  }

  @Test
  void readsItsKeysAndRejectsUnknownOnes() {
    assertThat(VixExitRule.from(params(Map.of("level", "30", "jump", "0.25"))).thresholds())
        .isEqualTo(new VixExitRule.Thresholds(30, 0.25));
    assertThatThrownBy(
            () -> VixExitRule.from(params(Map.of("level", "30", "jump", "0.25", "lvl", "2"))))
        .hasMessageContaining("unknown key lvl");
    assertThatThrownBy(() -> VixExitRule.from(params(Map.of("level", "30", "jump", "25%"))))
        .hasMessageContaining("jump must be a number");
  }
}
