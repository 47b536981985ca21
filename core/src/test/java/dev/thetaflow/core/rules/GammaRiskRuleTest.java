package dev.thetaflow.core.rules;

import static dev.thetaflow.core.rules.RiskRuleInputs.condorInput;
import static dev.thetaflow.core.rules.RiskRuleInputs.greeks;
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

class GammaRiskRuleTest {

  private final GammaRiskRule rule = new GammaRiskRule(new GammaRiskRule.Thresholds(3, 200));

  private Evaluation at(int dte, double dollarGamma) {
    return rule.evaluate(condorInput().dte(dte).greeks(greeks(1, -20, dollarGamma)).build());
  }

  @Test
  void dollarGammaAtJustBelowAndJustAboveTheLimit() {
    assertThat(at(2, 200).fired()).isFalse();
    assertThat(at(2, 200).progress()).isCloseTo(1.0, within(1e-12));
    assertThat(at(2, 199.99).fired()).isFalse();
    Evaluation e = at(2, 200.01);
    assertThat(e.fired()).isTrue();
    assertThat(e.progress()).isCloseTo(200.01 / 200, within(1e-12));
    var d = e.decision();
    assertThat(d.action()).isEqualTo(DecisionAction.CLOSE);
    assertThat(d.urgency()).isEqualTo(Urgency.HIGH);
    assertThat(d.rule()).isEqualTo(RuleId.GAMMA_RISK);
    assertThat(d.legConIds()).isEmpty();
    assertThat(d.reason()).contains("2 days before expiry", "1% move of SPY", "$200", "limit");
    assertThat(d.measurements())
        .extracting(m -> m.name())
        .containsExactly("dollar gamma per 1% move", "days to expiry");
  }

  @Test
  void shortGammaCountsByItsSize() {
    Evaluation e = at(0, -250);
    assertThat(e.fired()).isTrue();
    assertThat(e.decision().reason()).contains("on expiration day", "$250");
  }

  @Test
  void appliesOnlyWithinTheDaysToExpiry() {
    assertThat(at(3, 1000).fired()).isTrue();
    Evaluation far = at(4, 1000);
    assertThat(far.fired()).isFalse();
    assertThat(far.progress()).isNaN();
    assertThat(far.waiting()).isNull();
    assertThat(at(-1, 1000).progress()).isNaN();
  }

  @Test
  void waitsWithoutMarksOrGreeks() {
    assertThat(rule.evaluate(condorInput().dte(1).marksUsable(false).build()).waiting())
        .isNotNull();
    assertThat(rule.evaluate(condorInput().dte(1).greeks(null).build()).waiting())
        .contains("Greeks");
  }

  @Test
  void judgesOnlyOpenStrategies() {
    var input =
        condorInput().dte(1).greeks(greeks(1, -20, 900)).state(StrategyState.ADJUSTING).build();
    assertThat(rule.evaluate(input).progress()).isNaN();
    assertThat(rule.evaluate(condorInput().dte(1).legs(List.of()).build()).progress()).isNaN();
  }

  @Test
  void thresholdsNameWhatIsWrong() {
    assertThatThrownBy(() -> new GammaRiskRule.Thresholds(-1, 200))
        .hasMessageContaining("withinDays")
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> new GammaRiskRule.Thresholds(3, 0))
        .hasMessageContaining("maxDollarGammaPerPercent")
        .hasMessageContaining("> 0");
    assertThatThrownBy(() -> new GammaRiskRule.Thresholds(3, Double.POSITIVE_INFINITY))
        .hasMessageContaining("Infinity");
  }

  @Test
  void readsItsKeysAndRejectsUnknownOnes() {
    assertThat(
            GammaRiskRule.from(params(Map.of("withinDays", "3", "maxDollarGammaPerPercent", "200")))
                .thresholds())
        .isEqualTo(new GammaRiskRule.Thresholds(3, 200));
    assertThatThrownBy(
            () ->
                GammaRiskRule.from(
                    params(
                        Map.of(
                            "withinDays",
                            "3",
                            "maxDollarGammaPerPercent",
                            "200",
                            "maxGamma",
                            "1"))))
        .hasMessageContaining("unknown key maxGamma");
    assertThatThrownBy(
            () ->
                GammaRiskRule.from(
                    params(Map.of("withinDays", "2.5", "maxDollarGammaPerPercent", "200"))))
        .hasMessageContaining("withinDays must be a whole number");
  }
}
