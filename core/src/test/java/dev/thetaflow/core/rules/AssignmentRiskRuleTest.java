package dev.thetaflow.core.rules;

import static dev.thetaflow.core.rules.RiskRuleInputs.TODAY;
import static dev.thetaflow.core.rules.RiskRuleInputs.call;
import static dev.thetaflow.core.rules.RiskRuleInputs.condorInput;
import static dev.thetaflow.core.rules.RiskRuleInputs.leg;
import static dev.thetaflow.core.rules.RiskRuleInputs.params;
import static dev.thetaflow.core.rules.RiskRuleInputs.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.thetaflow.core.analytics.ExerciseStyle;
import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.decision.DecisionAction;
import dev.thetaflow.core.decision.RuleId;
import dev.thetaflow.core.decision.Urgency;
import dev.thetaflow.core.instrument.Contract;
import dev.thetaflow.core.instrument.SettlementStyle;
import dev.thetaflow.core.strategy.StrategyState;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssignmentRiskRuleTest {

  private final AssignmentRiskRule rule =
      new AssignmentRiskRule(new AssignmentRiskRule.Thresholds(0.01, 2, 3));

  /** Short call 594 / long call 604 and short put 560 / long put 550, all expiring on {@code e}. */
  private static List<LegView> legs(LocalDate e, double shortCallMark) {
    return List.of(
        leg(put(550, e), 1, 0.10, -0.02),
        leg(put(560, e), -1, 0.20, -0.04),
        leg(call(594, e), -1, shortCallMark, 0.6),
        leg(call(604, e), 1, 2.00, 0.3));
  }

  private Evaluation itm(double spot, LocalDate expiry) {
    return rule.evaluate(condorInput().spot(spot, 600).legs(legs(expiry, 8.0)).build());
  }

  @Test
  void shortCallInTheMoneyAtJustBelowAndJustAboveTheShare() {
    LocalDate e = TODAY.plusDays(2);
    Evaluation at = itm(600, e);
    assertThat(at.fired()).isTrue();
    assertThat(at.progress()).isCloseTo(1.0, within(1e-9));
    var d = at.decision();
    assertThat(d.action()).isEqualTo(DecisionAction.CLOSE);
    assertThat(d.urgency()).isEqualTo(Urgency.NORMAL);
    assertThat(d.rule()).isEqualTo(RuleId.ASSIGNMENT_RISK);
    assertThat(d.legConIds()).containsExactly(5941L, 6041L);
    assertThat(d.reason())
        .contains("short call 594", "1% in the money", "underlying at 600", "expires in 2 days");
    Evaluation below = itm(599.9, e);
    assertThat(below.fired()).isFalse();
    assertThat(below.progress()).isCloseTo((5.9 / 599.9) / 0.01, within(1e-9));
    assertThat(itm(600.1, e).fired()).isTrue();
  }

  @Test
  void shortPutInTheMoneyClosesThePutSide() {
    // 560 put, spot 554.4: (560 - 554.4) / 554.4 = 1.01%
    var d = itm(554.4, TODAY.plusDays(1)).decision();
    assertThat(d.legConIds()).containsExactly(5600L, 5500L);
    assertThat(d.reason()).contains("short put 560", "expires tomorrow");
  }

  @Test
  void onlyWithinTheDaysAndHighOnExpirationDay() {
    assertThat(itm(610, TODAY.plusDays(3)).fired()).isFalse();
    assertThat(itm(610, TODAY.plusDays(3)).progress()).isZero();
    Evaluation today = itm(610, TODAY);
    assertThat(today.decision().urgency()).isEqualTo(Urgency.HIGH);
    assertThat(today.decision().reason()).contains("expires today");
    // an expired leg is settled, not assigned
    assertThat(itm(610, TODAY.minusDays(1)).fired()).isFalse();
  }

  /** A short call 594 far from expiry with spot 600: intrinsic 6, extrinsic = mark - 6. */
  private Evaluation dividend(double mark, LocalDate exDate) {
    return rule.evaluate(
        condorInput()
            .spot(600, 600)
            .legs(legs(TODAY.plusDays(30), mark))
            .nextDividend(new RuleInput.Dividend(0.40, exDate))
            .build());
  }

  @Test
  void shortCallCheaperThanTheDividendAtJustBelowAndJustAbove() {
    LocalDate ex = TODAY.plusDays(3);
    Evaluation equal = dividend(6.40, ex);
    assertThat(equal.fired()).isFalse();
    assertThat(equal.progress()).isCloseTo(1.0, within(1e-9));
    assertThat(dividend(6.41, ex).fired()).isFalse();
    Evaluation below = dividend(6.39, ex);
    assertThat(below.fired()).isTrue();
    var d = below.decision();
    assertThat(d.action()).isEqualTo(DecisionAction.CLOSE);
    assertThat(d.urgency()).isEqualTo(Urgency.NORMAL);
    assertThat(d.legConIds()).containsExactly(5941L, 6041L);
    assertThat(d.reason())
        .contains("short call 594", "0.39 of extrinsic value", "0.40 dividend", "in 3 days");
    assertThat(d.measurements().get(0).value()).isCloseTo(0.39, within(1e-9));
  }

  @Test
  void anOutOfTheMoneyCallIsNotExercisedForADividendHoweverCheapItIs() {
    // spot 590, short call 594: 0.10 of value, all extrinsic, below the 0.40 dividend
    Evaluation e =
        rule.evaluate(
            condorInput()
                .spot(590, 590)
                .legs(legs(TODAY.plusDays(30), 0.10))
                .nextDividend(new RuleInput.Dividend(0.40, TODAY.plusDays(1)))
                .build());
    assertThat(e.fired() && e.decision().reason().contains("dividend")).isFalse();
  }

  @Test
  void dividendOnlyWithinItsDaysAndBeforeTheExDate() {
    assertThat(dividend(6.10, TODAY).fired()).isTrue();
    assertThat(dividend(6.10, TODAY.plusDays(4)).fired()).isFalse();
    assertThat(dividend(6.10, TODAY.minusDays(1)).fired()).isFalse();
    // spot 596: intrinsic 2, extrinsic 0.10, only 0.33% in the money (no moneyness trigger).
    // A call that expires two days before the ex-date cannot be exercised for it; one that is
    // alive the day before can.
    var dividendIn3Days = new RuleInput.Dividend(0.40, TODAY.plusDays(3));
    var expiresFirst =
        condorInput()
            .spot(596, 600)
            .legs(legs(TODAY.plusDays(1), 2.10))
            .nextDividend(dividendIn3Days);
    assertThat(rule.evaluate(expiresFirst.build()).fired()).isFalse();
    var aliveTheDayBefore =
        condorInput()
            .spot(596, 600)
            .legs(legs(TODAY.plusDays(2), 2.10))
            .nextDividend(dividendIn3Days);
    assertThat(rule.evaluate(aliveTheDayBefore.build()).fired()).isTrue();
  }

  @Test
  void europeanCallsAreNotExercisedEarly() {
    Contract spx =
        Contract.option(
            77,
            "SPY",
            TODAY.plusDays(30),
            594,
            OptionType.CALL,
            100,
            "CBOE",
            "USD",
            "SPY",
            new BigDecimal("0.05"),
            SettlementStyle.AM,
            ExerciseStyle.EUROPEAN);
    var input =
        condorInput()
            .legs(List.of(leg(spx, -1, 6.0, 0.6)))
            .nextDividend(new RuleInput.Dividend(0.40, TODAY.plusDays(1)))
            .build();
    assertThat(rule.evaluate(input).fired()).isFalse();
  }

  @Test
  void waitsForSpotAlwaysAndForMarksBeforeADividend() {
    assertThat(rule.evaluate(condorInput().spot(Double.NaN, 600).build()).waiting())
        .contains("price");
    var stale =
        condorInput()
            .spot(600, 600)
            .legs(legs(TODAY.plusDays(30), 6.10))
            .marksUsable(false)
            .nextDividend(new RuleInput.Dividend(0.40, TODAY.plusDays(2)));
    assertThat(rule.evaluate(stale.build()).waiting()).contains("quote");
    // moneyness needs no marks: a deep call near expiry still fires with stale quotes
    assertThat(
            rule.evaluate(
                    condorInput()
                        .spot(610, 600)
                        .legs(legs(TODAY.plusDays(1), 16))
                        .marksUsable(false)
                        .build())
                .fired())
        .isTrue();
  }

  @Test
  void notApplicableWithoutShortLegsOrWhenNotOpen() {
    var longOnly = condorInput().legs(List.of(leg(call(594, TODAY), 1, 8, 0.6))).spot(650, 600);
    assertThat(rule.evaluate(longOnly.build()).progress()).isNaN();
    var closed = condorInput().spot(650, 600).legs(legs(TODAY, 56)).state(StrategyState.CLOSED);
    assertThat(rule.evaluate(closed.build()).fired()).isFalse();
    assertThat(rule.evaluate(closed.build()).progress()).isNaN();
  }

  @Test
  void thresholdsNameWhatIsWrong() {
    assertThatThrownBy(() -> new AssignmentRiskRule.Thresholds(0, 2, 3))
        .hasMessageContaining("itmShare")
        .hasMessageContaining("(0, 1)");
    assertThatThrownBy(() -> new AssignmentRiskRule.Thresholds(0.01, -2, 3))
        .hasMessageContaining("withinDays")
        .hasMessageContaining("-2");
    assertThatThrownBy(() -> new AssignmentRiskRule.Thresholds(0.01, 2, -1))
        .hasMessageContaining("dividendWithinDays");
  }

  @Test
  void readsItsKeysAndRejectsUnknownOnes() {
    assertThat(
            AssignmentRiskRule.from(
                    params(
                        Map.of("itmShare", "0.01", "withinDays", "2", "dividendWithinDays", "3")))
                .thresholds())
        .isEqualTo(new AssignmentRiskRule.Thresholds(0.01, 2, 3));
    assertThatThrownBy(
            () ->
                AssignmentRiskRule.from(
                    params(
                        Map.of(
                            "itmShare", "0.01",
                            "withinDays", "2",
                            "dividendWithinDays", "3",
                            "dividendDays", "3"))))
        .hasMessageContaining("unknown key dividendDays");
  }
}
