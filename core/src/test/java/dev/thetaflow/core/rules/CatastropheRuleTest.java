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

class CatastropheRuleTest {
  // gap 5%, loss 3x the credit, 80% of max loss, VIX up 30%
  private final CatastropheRule rule =
      new CatastropheRule(new CatastropheRule.Thresholds(0.05, 3, 0.8, 0.30));

  @Test
  void aGapOfTheUnderlyingFiresAtJustAboveNotJustBelowEitherWay() {
    assertThat(rule.evaluate(ironCondor().spot(475.5, 500).build()).fired()).isFalse();
    Evaluation at = rule.evaluate(ironCondor().spot(475, 500).build());
    assertThat(at.fired()).isTrue();
    assertThat(at.progress()).isCloseTo(1, within(1e-9));
    assertThat(rule.evaluate(ironCondor().spot(474.5, 500).build()).fired()).isTrue();
    assertThat(rule.evaluate(ironCondor().spot(525, 500).build()).fired()).isTrue();
    assertThat(rule.evaluate(ironCondor().spot(524.5, 500).build()).progress())
        .isCloseTo(0.98, within(1e-9));

    var d = at.decision();
    assertThat(d.action()).isEqualTo(DecisionAction.CLOSE);
    assertThat(d.urgency()).isEqualTo(Urgency.IMMEDIATE);
    assertThat(d.rule()).isEqualTo(RuleId.CATASTROPHE);
    assertThat(d.priority()).isEqualTo(RuleId.CATASTROPHE.defaultPriority());
    assertThat(d.reason())
        .isEqualTo(
            "catastrophe, close now: the underlying moved -5.0% from 500.00 to 475.00 (limit 5%)");
    assertThat(d.measurements())
        .extracting(Measurement::name)
        .contains("underlying move from the day's reference");
  }

  @Test
  void aGapFiresOnStaleMarksBecauseItActsOnTheUnderlying() {
    Evaluation e = rule.evaluate(ironCondor().spot(470, 500).marksUsable(false).build());
    assertThat(e.fired()).isTrue();
    assertThat(e.waiting()).isNull();
  }

  @Test
  void aCreditStrategyLosingThreeTimesItsCreditFires() {
    // 3 x 1,000 credit = 3,000; 80% of the 4,000 max loss is 3,200 and stays quiet
    Evaluation below = rule.evaluate(ironCondor().pnl(-2_999, 200).build());
    assertThat(below.fired()).isFalse();
    assertThat(below.progress()).isCloseTo(2_999 / 3_000.0, within(1e-12));
    Evaluation at = rule.evaluate(ironCondor().pnl(-3_000, 200).build());
    assertThat(at.fired()).isTrue();
    assertThat(at.decision().reason())
        .isEqualTo("catastrophe, close now: loss 3,000 is 3.00x the 1,000 credit (limit 3.00x)");
    assertThat(at.decision().measurements())
        .contains(new Measurement("loss as a multiple of the credit", 3, 3, "x"));
    assertThat(rule.evaluate(ironCondor().pnl(-3_001, 200).build()).fired()).isTrue();
  }

  @Test
  void aLossOfTheShareOfMaxLossFiresForADebitStrategy() {
    // put vertical: max loss 1,000, 80% = 800; no credit branch for a debit
    assertThat(rule.evaluate(putDebitVertical().pnl(-799, 0).build()).fired()).isFalse();
    Evaluation at = rule.evaluate(putDebitVertical().pnl(-800, 0).build());
    assertThat(at.fired()).isTrue();
    assertThat(at.decision().reason())
        .isEqualTo("catastrophe, close now: loss 800 is 80% of the 1,000 max loss (limit 80%)");
    assertThat(rule.evaluate(putDebitVertical().pnl(-801, 0).build()).fired()).isTrue();
    // an unbounded max loss has no such branch
    assertThat(
            rule.evaluate(
                    putDebitVertical()
                        .money(-1_000, 1_500, Double.POSITIVE_INFINITY)
                        .pnl(-900, 0)
                        .build())
                .fired())
        .isFalse();
  }

  @Test
  void aVixJumpFiresButAFallDoesNot() {
    assertThat(rule.evaluate(ironCondor().vix(25.9, 20).build()).fired()).isFalse();
    Evaluation at = rule.evaluate(ironCondor().vix(26, 20).build());
    assertThat(at.fired()).isTrue();
    assertThat(at.decision().reason())
        .isEqualTo("catastrophe, close now: VIX up 30.0% from 20.00 to 26.00 (limit 30%)");
    assertThat(rule.evaluate(ironCondor().vix(26.1, 20).build()).fired()).isTrue();
    Evaluation fall = rule.evaluate(ironCondor().vix(10, 20).build());
    assertThat(fall.fired()).isFalse();
    assertThat(fall.progress()).isEqualTo(0);
  }

  @Test
  void severalBranchesFireTogetherAndProgressIsTheLargest() {
    Evaluation e = rule.evaluate(ironCondor().spot(450, 500).pnl(-3_300, 0).build());
    assertThat(e.decision().reason())
        .contains("moved -10.0%")
        .contains("3.30x the 1,000 credit")
        .contains("; ");
    assertThat(e.progress()).isCloseTo(2.0, within(1e-9)); // the 10% gap over 5%
    // quiet: 4% of 5% gap = 0.8 beats a loss of 1,500 of 3,000 = 0.5
    Evaluation quiet = rule.evaluate(ironCondor().spot(480, 500).pnl(-1_500, 0).build());
    assertThat(quiet.fired()).isFalse();
    assertThat(quiet.progress()).isCloseTo(0.8, within(1e-9));
  }

  @Test
  void theLossBranchesWaitOnStaleMarksButKeepTheUnderlyingsProgress() {
    Evaluation e =
        rule.evaluate(ironCondor().spot(490, 500).pnl(-5_000, 0).marksUsable(false).build());
    assertThat(e.fired()).isFalse();
    assertThat(e.waiting()).contains("stale");
    assertThat(e.progress()).isCloseTo(0.4, within(1e-9));
    Evaluation noPnl = rule.evaluate(ironCondor().pnl(Double.NaN, 0).build());
    assertThat(noPnl.waiting()).contains("no P&L");
  }

  @Test
  void unknownInputsSkipTheirBranch() {
    Evaluation e =
        rule.evaluate(
            ironCondor().spot(Double.NaN, 500).vix(30, Double.NaN).pnl(-1_500, 0).build());
    assertThat(e.fired()).isFalse();
    assertThat(e.waiting()).isNull();
    assertThat(e.progress()).isCloseTo(0.5, within(1e-9));
    Evaluation nothing =
        rule.evaluate(
            putDebitVertical()
                .money(Double.NaN, Double.NaN, Double.NaN)
                .spot(Double.NaN, Double.NaN)
                .vix(Double.NaN, Double.NaN)
                .marksUsable(false)
                .build());
    assertThat(nothing.fired()).isFalse();
    assertThat(nothing.waiting()).isNull();
    assertThat(nothing.progress()).isNaN();
  }

  @Test
  void onlyOpenStrategiesAreJudged() {
    Evaluation e = rule.evaluate(RuleInputs.closing(ironCondor().spot(400, 500)));
    assertThat(e.fired()).isFalse();
    assertThat(e.progress()).isNaN();
    assertThat(e.waiting()).isNull();
  }

  @Test
  void thresholdsAreValidatedByName() {
    assertThatThrownBy(() -> new CatastropheRule.Thresholds(0, 3, 0.8, 0.3))
        .hasMessage("catastrophe threshold gap must be above 0 and at most 1, was 0.0");
    assertThatThrownBy(() -> new CatastropheRule.Thresholds(0.05, 3, 1.5, 0.3))
        .hasMessage(
            "catastrophe threshold lossShareOfMaxLoss must be above 0 and at most 1, was 1.5");
    assertThatThrownBy(() -> new CatastropheRule.Thresholds(0.05, Double.NaN, 0.8, 0.3))
        .hasMessageContaining("lossMultipleOfCredit")
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> new CatastropheRule.Thresholds(0.05, 3, 0.8, -0.1))
        .hasMessageContaining("vixJump");
  }

  @Test
  void readsItsThresholdsFromConfiguration() {
    var p =
        new RuleParams(
            "rules.defaults.catastrophe",
            Map.of(
                "gap",
                "0.05",
                "lossMultipleOfCredit",
                "3",
                "lossShareOfMaxLoss",
                "0.8",
                "vixJump",
                "0.3"));
    assertThat(CatastropheRule.from(p).thresholds())
        .isEqualTo(new CatastropheRule.Thresholds(0.05, 3, 0.8, 0.3));

    var misspelt =
        new RuleParams(
            "rules.defaults.catastrophe",
            Map.of(
                "gap",
                "0.05",
                "lossMultipleOfCredit",
                "3",
                "lossShareOfMaxLoss",
                "0.8",
                "vixJump",
                "0.3",
                "vixJmp",
                "0.2"));
    assertThatThrownBy(() -> CatastropheRule.from(misspelt))
        .hasMessageStartingWith("rules.defaults.catastrophe: unknown key vixJmp");

    var zero =
        new RuleParams(
            "rules.defaults.catastrophe",
            Map.of(
                "gap",
                "0",
                "lossMultipleOfCredit",
                "3",
                "lossShareOfMaxLoss",
                "0.8",
                "vixJump",
                "0.3"));
    assertThatThrownBy(() -> CatastropheRule.from(zero))
        .hasMessage(
            "rules.defaults.catastrophe: catastrophe threshold gap must be above 0 and at most 1,"
                + " was 0.0");
    assertThatThrownBy(
            () ->
                CatastropheRule.from(
                    new RuleParams("rules.defaults.catastrophe", Map.of("gap", "0.05"))))
        .hasMessageContaining("lossMultipleOfCredit is required");
  }
}
