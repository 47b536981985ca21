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
import java.util.Map;
import org.junit.jupiter.api.Test;

class IvCrushRuleTest {

  // 5 points of crush with a third of the $150 max profit ($50) in; 8 points of expansion
  private final IvCrushRule rule = new IvCrushRule(new IvCrushRule.Thresholds(5, 1.0 / 3, 8));

  private Evaluation crush(double ivNow, double pnl) {
    return rule.evaluate(condorInput().iv(ivNow, 0.30).pnl(pnl, pnl).build());
  }

  @Test
  void crushAtJustBelowAndJustAboveThePoints() {
    Evaluation at = crush(0.25, 60);
    assertThat(at.fired()).isTrue();
    assertThat(at.progress()).isCloseTo(1.0, within(1e-9));
    assertThat(crush(0.2501, 60).fired()).isFalse();
    assertThat(crush(0.2501, 60).progress()).isCloseTo(4.99 / 5, within(1e-9));
    Evaluation above = crush(0.2499, 60);
    assertThat(above.fired()).isTrue();
    var d = above.decision();
    assertThat(d.action()).isEqualTo(DecisionAction.CLOSE);
    assertThat(d.urgency()).isEqualTo(Urgency.NORMAL);
    assertThat(d.rule()).isEqualTo(RuleId.IV_CRUSH);
    assertThat(d.reason())
        .contains("fell 5.0 points", "30% to 24.99%", "$60", "33.33%", "$150 max profit");
    assertThat(d.measurements())
        .extracting(m -> m.name())
        .containsExactly("IV fall since entry", "P&L");
    assertThat(d.measurements().get(1).threshold()).isCloseTo(50, within(1e-9));
  }

  @Test
  void crushNeedsTheProfitAtJustBelowAndJustAbove() {
    assertThat(crush(0.20, 50).fired()).isTrue();
    Evaluation below = crush(0.20, 49.99);
    assertThat(below.fired()).isFalse();
    // both must hold: progress is the smaller ratio
    assertThat(below.progress()).isCloseTo(49.99 / 50, within(1e-9));
    assertThat(crush(0.20, 50.01).fired()).isTrue();
  }

  @Test
  void unboundedMaxProfitNeverTakesTheCrush() {
    var input =
        condorInput().money(-500, Double.POSITIVE_INFINITY, 500).iv(0.10, 0.30).pnl(900, 900);
    Evaluation e = rule.evaluate(input.greeks(greeks(10, 50, 1)).build());
    assertThat(e.fired()).isFalse();
    assertThat(e.progress()).isZero();
  }

  @Test
  void expansionAgainstShortVolatilityReducesAtJustBelowAndJustAbove() {
    Evaluation at = rule.evaluate(condorInput().iv(0.38, 0.30).pnl(-80, 0).build());
    assertThat(at.fired()).isTrue();
    assertThat(at.decision().action()).isEqualTo(DecisionAction.REDUCE);
    assertThat(at.decision().urgency()).isEqualTo(Urgency.NORMAL);
    assertThat(at.decision().reason())
        .contains("rose 8.0 points", "30% to 38%", "short-volatility", "vega -$0.2 per point");
    assertThat(rule.evaluate(condorInput().iv(0.3799, 0.30).build()).fired()).isFalse();
    assertThat(rule.evaluate(condorInput().iv(0.3801, 0.30).build()).fired()).isTrue();
  }

  @Test
  void expansionLeavesLongVolatilityAlone() {
    Evaluation e = rule.evaluate(condorInput().iv(0.50, 0.30).greeks(greeks(0, 25, 1)).build());
    assertThat(e.fired()).isFalse();
    assertThat(e.waiting()).isNull();
  }

  @Test
  void waitsWithoutMarksIvPnlOrGreeks() {
    assertThat(rule.evaluate(condorInput().marksUsable(false).build()).waiting()).isNotNull();
    assertThat(rule.evaluate(condorInput().iv(Double.NaN, 0.3).build()).waiting())
        .contains("implied volatility");
    assertThat(rule.evaluate(condorInput().iv(0.3, Double.NaN).build()).waiting())
        .contains("implied volatility");
    assertThat(rule.evaluate(condorInput().pnl(Double.NaN, 0).build()).waiting()).contains("P&L");
    assertThat(rule.evaluate(condorInput().iv(0.40, 0.30).greeks(null).build()).waiting())
        .contains("Greeks");
    // the crush does not need Greeks
    assertThat(rule.evaluate(condorInput().iv(0.20, 0.30).pnl(60, 60).greeks(null).build()).fired())
        .isTrue();
  }

  @Test
  void judgesOnlyOpenStrategies() {
    var input = condorInput().iv(0.10, 0.30).pnl(100, 100).state(StrategyState.CLOSED).build();
    assertThat(rule.evaluate(input).progress()).isNaN();
    assertThat(rule.evaluate(input).fired()).isFalse();
  }

  @Test
  void thresholdsNameWhatIsWrong() {
    assertThatThrownBy(() -> new IvCrushRule.Thresholds(0, 0.5, 8))
        .hasMessageContaining("crushPoints");
    assertThatThrownBy(() -> new IvCrushRule.Thresholds(5, 1.5, 8))
        .hasMessageContaining("minProfitShare")
        .hasMessageContaining("1.5")
        .hasMessageContaining("[0, 1]");
    assertThatThrownBy(() -> new IvCrushRule.Thresholds(5, 0.5, -2))
        .hasMessageContaining("expansionPoints");
  }

  @Test
  void readsItsKeysAndRejectsUnknownOnes() {
    assertThat(
            IvCrushRule.from(
                    params(
                        Map.of(
                            "crushPoints", "5", "minProfitShare", "0.5", "expansionPoints", "8")))
                .thresholds())
        .isEqualTo(new IvCrushRule.Thresholds(5, 0.5, 8));
    assertThatThrownBy(
            () ->
                IvCrushRule.from(
                    params(
                        Map.of(
                            "crushPoints", "5",
                            "minProfitShare", "0.5",
                            "expansionPoints", "8",
                            "crush", "5"))))
        .hasMessageContaining("unknown key crush");
  }
}
