package dev.thetaflow.core.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.core.decision.DecisionArbiter.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DecisionArbiterTest {
  private static final Instant T = Instant.parse("2026-12-01T15:00:00Z");

  private static Decision d(RuleId rule, DecisionAction action, Urgency urgency) {
    return Decision.of("ic-1", action, urgency, rule, rule + " fired", List.of(), T);
  }

  private static final Decision HOLD = Decision.hold("ic-1", "nothing fired", T);

  @Test
  void theHighestPriorityWinsAndHoldsAloneDoNothing() {
    var outcome =
        DecisionArbiter.arbitrate(
            List.of(
                d(RuleId.TAKE_PROFIT, DecisionAction.CLOSE, Urgency.NORMAL),
                HOLD,
                d(RuleId.DTE_ROLL, DecisionAction.ROLL, Urgency.NORMAL),
                d(RuleId.CATASTROPHE, DecisionAction.CLOSE, Urgency.IMMEDIATE)),
            Optional.empty());
    assertThat(outcome.verdict()).isEqualTo(Verdict.SEND);
    assertThat(outcome.winner().orElseThrow().rule()).isEqualTo(RuleId.CATASTROPHE);
    assertThat(DecisionArbiter.arbitrate(List.of(HOLD), Optional.empty()).verdict())
        .isEqualTo(Verdict.NOTHING);
  }

  @Test
  void whatIsWorkedIsNotSentTwiceButEscalatesOrGivesWayToAHigherPriority() {
    Decision closing = d(RuleId.TAKE_PROFIT, DecisionAction.CLOSE, Urgency.NORMAL);
    assertThat(DecisionArbiter.arbitrate(List.of(closing), Optional.of(closing)).verdict())
        .isEqualTo(Verdict.ALREADY_WORKING);
    Decision catastrophe = d(RuleId.CATASTROPHE, DecisionAction.CLOSE, Urgency.IMMEDIATE);
    assertThat(DecisionArbiter.arbitrate(List.of(catastrophe), Optional.of(closing)).verdict())
        .isEqualTo(Verdict.ESCALATE);
    Decision rolling = d(RuleId.DTE_ROLL, DecisionAction.ROLL, Urgency.NORMAL);
    assertThat(DecisionArbiter.arbitrate(List.of(closing), Optional.of(rolling)).verdict())
        .as("a take-profit close outranks a roll being worked")
        .isEqualTo(Verdict.SUPERSEDE);
    assertThat(DecisionArbiter.arbitrate(List.of(rolling), Optional.of(closing)).verdict())
        .as("a roll waits for the close being worked")
        .isEqualTo(Verdict.ALREADY_WORKING);
  }
}
