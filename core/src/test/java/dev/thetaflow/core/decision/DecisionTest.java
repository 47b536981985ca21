package dev.thetaflow.core.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionTest {

  static final Instant T = Instant.parse("2026-11-23T15:00:00Z");

  @Test
  void rulesAreNumberedOneToTwelveInTheSpecifiedOrder() {
    assertThat(RuleId.values())
        .containsExactly(
            RuleId.CATASTROPHE,
            RuleId.STOP_LOSS,
            RuleId.TRAILING_STOP,
            RuleId.TAKE_PROFIT,
            RuleId.TIME_EXIT,
            RuleId.DTE_ROLL,
            RuleId.DELTA_RISK,
            RuleId.GAMMA_RISK,
            RuleId.IV_CRUSH,
            RuleId.VIX_EXIT,
            RuleId.PORTFOLIO_LIMITS,
            RuleId.ASSIGNMENT_RISK);
    for (RuleId r : RuleId.values()) {
      assertThat(r.priority()).as(r.name()).isEqualTo(r.ordinal() + 1);
    }
  }

  @Test
  void comparatorPutsTheWinnerFirst() {
    Decision hold = new Decision("s1", DecisionAction.HOLD, Urgency.LOW, null, "nothing fired", T);
    Decision takeProfit =
        new Decision(
            "s1", DecisionAction.CLOSE, Urgency.NORMAL, RuleId.TAKE_PROFIT, "50% of credit", T);
    Decision stopLate =
        new Decision(
            "s1",
            DecisionAction.CLOSE,
            Urgency.HIGH,
            RuleId.STOP_LOSS,
            "2x credit",
            T.plusSeconds(1));
    Decision stopImmediate =
        new Decision(
            "s1",
            DecisionAction.CLOSE,
            Urgency.IMMEDIATE,
            RuleId.STOP_LOSS,
            "2x credit",
            T.plusSeconds(2));
    Decision stopEarly =
        new Decision("s1", DecisionAction.CLOSE, Urgency.HIGH, RuleId.STOP_LOSS, "2x credit", T);
    List<Decision> all =
        new ArrayList<>(List.of(hold, takeProfit, stopLate, stopImmediate, stopEarly));
    all.sort(Decision.BY_PRIORITY);
    assertThat(all).containsExactly(stopImmediate, stopEarly, stopLate, takeProfit, hold);
  }

  @Test
  void validation() {
    assertThatThrownBy(() -> new Decision("s1", DecisionAction.CLOSE, Urgency.HIGH, null, "x", T))
        .hasMessageContaining("action CLOSE needs the rule");
    assertThatThrownBy(
            () -> new Decision("s1", DecisionAction.CLOSE, Urgency.HIGH, RuleId.STOP_LOSS, " ", T))
        .hasMessageContaining("reason");
    assertThatThrownBy(() -> new Decision("s:1", DecisionAction.HOLD, Urgency.LOW, null, "x", T))
        .hasMessageContaining("strategyId");
    assertThatThrownBy(() -> new Decision("s1", null, Urgency.LOW, null, "x", T))
        .hasMessageContaining("action, urgency and time");
  }
}
