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

class TakeProfitRuleTest {
  // half the max profit; a debit with unbounded max profit: once the debit is made back
  private final TakeProfitRule rule = new TakeProfitRule(new TakeProfitRule.Thresholds(0.5, 1.0));

  @Test
  void aCreditStrategyTakesItsShareOfTheCredit() {
    Evaluation below = rule.evaluate(ironCondor().pnl(499, 499).build());
    assertThat(below.fired()).isFalse();
    assertThat(below.progress()).isCloseTo(0.998, within(1e-12));
    Evaluation at = rule.evaluate(ironCondor().pnl(500, 500).build());
    assertThat(at.fired()).isTrue();
    assertThat(at.progress()).isEqualTo(1);
    assertThat(rule.evaluate(ironCondor().pnl(501, 501).build()).fired()).isTrue();

    var d = at.decision();
    assertThat(d.action()).isEqualTo(DecisionAction.CLOSE);
    assertThat(d.urgency()).isEqualTo(Urgency.NORMAL);
    assertThat(d.rule()).isEqualTo(RuleId.TAKE_PROFIT);
    assertThat(d.priority()).isEqualTo(4);
    assertThat(d.reason())
        .isEqualTo("take profit: profit 500 is 50% of the 1,000 credit (target 50%, 500)");
    assertThat(d.measurements())
        .containsExactly(new Measurement("profit as a share of the credit", 50, 50, "%"));
  }

  @Test
  void aDebitStrategyWithBoundedMaxProfitTakesItsShareOfIt() {
    // put vertical: max profit 1,500, target 750
    assertThat(rule.evaluate(putDebitVertical().pnl(749, 749).build()).fired()).isFalse();
    Evaluation at = rule.evaluate(putDebitVertical().pnl(750, 750).build());
    assertThat(at.fired()).isTrue();
    assertThat(at.decision().reason())
        .isEqualTo("take profit: profit 750 is 50% of the 1,500 max profit (target 50%, 750)");
    assertThat(rule.evaluate(putDebitVertical().pnl(751, 751).build()).fired()).isTrue();
  }

  @Test
  void aDebitStrategyWithUnboundedMaxProfitTakesItsShareOfTheDebit() {
    // long call: debit 1,000, target 100% of it
    assertThat(rule.evaluate(longCall().pnl(999, 999).build()).fired()).isFalse();
    Evaluation at = rule.evaluate(longCall().pnl(1_000, 1_000).build());
    assertThat(at.fired()).isTrue();
    assertThat(at.decision().reason())
        .isEqualTo("take profit: profit 1,000 is 100% of the 1,000 debit (target 100%, 1,000)");
    assertThat(rule.evaluate(longCall().pnl(1_001, 1_001).build()).fired()).isTrue();
  }

  @Test
  void aLossIsFarFromTheTarget() {
    assertThat(rule.evaluate(ironCondor().pnl(-800, 0).build()).progress()).isEqualTo(0);
  }

  @Test
  void waitsOnStaleMarksAndWithoutPnl() {
    Evaluation stale = rule.evaluate(ironCondor().pnl(900, 900).marksUsable(false).build());
    assertThat(stale.fired()).isFalse();
    assertThat(stale.waiting()).contains("stale");
    assertThat(rule.evaluate(ironCondor().pnl(Double.NaN, 0).build()).waiting()).contains("no P&L");
  }

  @Test
  void onlyOpenStrategiesWithKnownMoneyAreJudged() {
    Evaluation closing = rule.evaluate(RuleInputs.closing(ironCondor().pnl(900, 900)));
    assertThat(closing.fired()).isFalse();
    assertThat(closing.waiting()).isNull();
    assertThat(closing.progress()).isNaN();
    Evaluation unknown =
        rule.evaluate(ironCondor().money(Double.NaN, Double.NaN, Double.NaN).pnl(900, 900).build());
    assertThat(unknown.fired()).isFalse();
    assertThat(unknown.progress()).isNaN();
  }

  @Test
  void thresholdsAreValidatedByName() {
    assertThatThrownBy(() -> new TakeProfitRule.Thresholds(1.2, 1))
        .hasMessage(
            "take profit threshold shareOfMaxProfit must be above 0 and at most 1, was 1.2");
    assertThatThrownBy(() -> new TakeProfitRule.Thresholds(0.5, 0))
        .hasMessage("take profit threshold shareOfDebit must be above 0 and at most 100, was 0.0");
  }

  @Test
  void readsItsThresholdsFromConfiguration() {
    var p =
        new RuleParams(
            "rules.byType.IRON_CONDOR.takeProfit",
            Map.of("shareOfMaxProfit", "0.5", "shareOfDebit", "1"));
    assertThat(TakeProfitRule.from(p).thresholds())
        .isEqualTo(new TakeProfitRule.Thresholds(0.5, 1));
    var unknown =
        new RuleParams(
            "rules.byType.IRON_CONDOR.takeProfit",
            Map.of("shareOfMaxProfit", "0.5", "shareOfDebit", "1", "share", "0.5"));
    assertThatThrownBy(() -> TakeProfitRule.from(unknown))
        .hasMessageStartingWith("rules.byType.IRON_CONDOR.takeProfit: unknown key share ");
    var missing =
        new RuleParams("rules.byType.IRON_CONDOR.takeProfit", Map.of("shareOfMaxProfit", "0.5"));
    assertThatThrownBy(() -> TakeProfitRule.from(missing))
        .hasMessageStartingWith("rules.byType.IRON_CONDOR.takeProfit.shareOfDebit is required");
  }
}
