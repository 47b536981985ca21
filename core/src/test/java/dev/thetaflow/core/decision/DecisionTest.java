package dev.thetaflow.core.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionTest {

  static final Instant T = Instant.parse("2026-11-23T15:00:00Z");

  private static Decision d(RuleId rule, Urgency urgency, Instant time) {
    return Decision.of("s1", DecisionAction.CLOSE, urgency, rule, rule + " fired", List.of(), time);
  }

  @Test
  void rulesComeInTheDefaultOrderAfterAPerson() {
    assertThat(RuleId.values())
        .containsExactly(
            RuleId.MANUAL,
            RuleId.CATASTROPHE,
            RuleId.TRAILING_STOP,
            RuleId.TIME_EXIT,
            RuleId.TAKE_PROFIT,
            RuleId.STOP_LOSS,
            RuleId.DELTA_RISK,
            RuleId.GAMMA_RISK,
            RuleId.IV_CRUSH,
            RuleId.DTE_ROLL,
            RuleId.VIX_EXIT,
            RuleId.PORTFOLIO_LIMITS,
            RuleId.ASSIGNMENT_RISK);
    for (RuleId r : RuleId.values()) {
      assertThat(r.defaultPriority()).as(r.name()).isEqualTo(r.ordinal());
    }
  }

  @Test
  void comparatorPutsTheWinnerFirst() {
    Decision hold = Decision.hold("s1", "nothing fired", T);
    Decision takeProfit = d(RuleId.TAKE_PROFIT, Urgency.NORMAL, T);
    Decision stopLate = d(RuleId.STOP_LOSS, Urgency.HIGH, T.plusSeconds(1));
    Decision stopImmediate = d(RuleId.STOP_LOSS, Urgency.IMMEDIATE, T.plusSeconds(2));
    Decision stopEarly = d(RuleId.STOP_LOSS, Urgency.HIGH, T);
    List<Decision> all =
        new ArrayList<>(List.of(hold, takeProfit, stopLate, stopImmediate, stopEarly));
    all.sort(Decision.BY_PRIORITY);
    // by default take profit (4) outranks stop loss (5): the order of the rules, not the urgency
    assertThat(all).containsExactly(takeProfit, stopImmediate, stopEarly, stopLate, hold);
  }

  @Test
  void aConfiguredPriorityDecides() {
    Decision takeProfit = d(RuleId.TAKE_PROFIT, Urgency.NORMAL, T).withPriority(6);
    Decision stop = d(RuleId.STOP_LOSS, Urgency.HIGH, T).withPriority(2);
    List<Decision> all = new ArrayList<>(List.of(takeProfit, stop));
    all.sort(Decision.BY_PRIORITY);
    assertThat(all).containsExactly(stop, takeProfit);
  }

  @Test
  void measurementsReadAsTheTraderSeesThem() {
    Measurement m = new Measurement("loss as a multiple of the credit", 2.1, 2.0, "x");
    assertThat(m.toString())
        .isEqualTo("loss as a multiple of the credit 2.100x (threshold 2.000x)");
    assertThatThrownBy(() -> new Measurement("x", 1, Double.NaN, ""))
        .hasMessageContaining("must be finite");
  }

  @Test
  void validation() {
    assertThatThrownBy(
            () ->
                new Decision(
                    "s1", DecisionAction.CLOSE, Urgency.HIGH, null, 1, "x", List.of(), null, T))
        .hasMessageContaining("action CLOSE needs the rule");
    assertThatThrownBy(
            () ->
                Decision.of(
                    "s1", DecisionAction.CLOSE, Urgency.HIGH, RuleId.STOP_LOSS, " ", null, T))
        .hasMessageContaining("reason");
    assertThatThrownBy(() -> Decision.hold("s:1", "x", T)).hasMessageContaining("strategyId");
    assertThatThrownBy(
            () ->
                new Decision("s1", null, Urgency.LOW, null, Integer.MAX_VALUE, "x", null, null, T))
        .hasMessageContaining("action, urgency and time");
    assertThatThrownBy(
            () ->
                new Decision(
                    "s1",
                    DecisionAction.CLOSE,
                    Urgency.HIGH,
                    RuleId.STOP_LOSS,
                    -1,
                    "x",
                    null,
                    null,
                    T))
        .hasMessageContaining("priority -1");
  }
}
