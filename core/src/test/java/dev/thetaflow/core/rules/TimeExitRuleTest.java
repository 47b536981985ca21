package dev.thetaflow.core.rules;

import static dev.thetaflow.core.rules.RuleInputs.ironCondor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.thetaflow.core.decision.DecisionAction;
import dev.thetaflow.core.decision.Measurement;
import dev.thetaflow.core.decision.RuleId;
import dev.thetaflow.core.decision.Urgency;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeExitRuleTest {
  private final TimeExitRule rule =
      new TimeExitRule(new TimeExitRule.Thresholds(21, LocalTime.of(15, 30)));

  /** On expiration day (2026-12-18, EST: New York = UTC-5) at {@code nyTime}. */
  private static RuleInput expirationDayAt(String nyTime) {
    int h = Integer.parseInt(nyTime.substring(0, 2)) + 5;
    Instant now = Instant.parse("2026-12-18T" + h + nyTime.substring(2) + ":00Z");
    return ironCondor(now).dte(0).build();
  }

  @Test
  void closesAfterTheMaximumDaysHeld() {
    Evaluation below = rule.evaluate(ironCondor().daysHeld(20.9).build());
    assertThat(below.fired()).isFalse();
    assertThat(below.progress()).isCloseTo(20.9 / 21, within(1e-12));
    Evaluation at = rule.evaluate(ironCondor().daysHeld(21).build());
    assertThat(at.fired()).isTrue();
    assertThat(at.progress()).isEqualTo(1);
    assertThat(rule.evaluate(ironCondor().daysHeld(21.1).build()).fired()).isTrue();

    var d = at.decision();
    assertThat(d.action()).isEqualTo(DecisionAction.CLOSE);
    assertThat(d.urgency()).isEqualTo(Urgency.HIGH);
    assertThat(d.rule()).isEqualTo(RuleId.TIME_EXIT);
    assertThat(d.reason()).isEqualTo("time exit: held 21.0 days, the maximum is 21.0 days");
    assertThat(d.measurements()).containsExactly(new Measurement("days held", 21, 21, "days"));
  }

  @Test
  void closesOnExpirationDayFromTheExitTime() {
    Evaluation before = rule.evaluate(expirationDayAt("15:29"));
    assertThat(before.fired()).isFalse();
    assertThat(before.progress()).isCloseTo(5 / 21.0, within(1e-12));
    Evaluation at = rule.evaluate(expirationDayAt("15:30"));
    assertThat(at.fired()).isTrue();
    assertThat(at.progress()).isEqualTo(1);
    assertThat(at.decision().reason())
        .isEqualTo(
            "time exit: expiration day and it is 15:30 New York time, at or after the 15:30 exit");
    assertThat(at.decision().measurements())
        .contains(
            new Measurement(
                "minutes since midnight on expiration day (New York)", 930, 930, "min"));
    assertThat(rule.evaluate(expirationDayAt("15:31")).fired()).isTrue();
    // the day before expiration the time of day does not matter
    Instant dayBefore = Instant.parse("2026-12-17T20:45:00Z");
    assertThat(rule.evaluate(ironCondor(dayBefore).dte(1).build()).fired()).isFalse();
    // nothing held expires
    assertThat(rule.evaluate(ironCondor(dayBefore).dte(-1).build()).fired()).isFalse();
  }

  @Test
  void doesNotWaitOnQuotes() {
    Evaluation e =
        rule.evaluate(ironCondor().daysHeld(30).marksUsable(false).pnl(Double.NaN, 0).build());
    assertThat(e.fired()).isTrue();
    assertThat(e.waiting()).isNull();
  }

  @Test
  void onlyOpenStrategiesAreJudged() {
    Evaluation e = rule.evaluate(RuleInputs.closing(ironCondor().daysHeld(30)));
    assertThat(e.fired()).isFalse();
    assertThat(e.progress()).isNaN();
  }

  @Test
  void thresholdsAreValidatedByName() {
    assertThatThrownBy(() -> new TimeExitRule.Thresholds(0, LocalTime.NOON))
        .hasMessage("time exit threshold maxDaysHeld must be above 0 and at most 3650, was 0.0");
    assertThatThrownBy(() -> new TimeExitRule.Thresholds(21, null))
        .hasMessage(
            "time exit threshold expirationDayExit is required: a time of day HH:mm, was null");
  }

  @Test
  void readsItsThresholdsFromConfiguration() {
    var p =
        new RuleParams(
            "rules.defaults.timeExit", Map.of("maxDaysHeld", "21", "expirationDayExit", "15:30"));
    assertThat(TimeExitRule.from(p).thresholds())
        .isEqualTo(new TimeExitRule.Thresholds(21, LocalTime.of(15, 30)));
    var unknown =
        new RuleParams(
            "rules.defaults.timeExit",
            Map.of("maxDaysHeld", "21", "expirationDayExit", "15:30", "maxDays", "3"));
    assertThatThrownBy(() -> TimeExitRule.from(unknown))
        .hasMessageStartingWith("rules.defaults.timeExit: unknown key maxDays");
    var badTime =
        new RuleParams(
            "rules.defaults.timeExit", Map.of("maxDaysHeld", "21", "expirationDayExit", "3pm"));
    assertThatThrownBy(() -> TimeExitRule.from(badTime))
        .hasMessage(
            "rules.defaults.timeExit.expirationDayExit must be a time of day HH:mm (exchange"
                + " time), was '3pm'");
    var zero =
        new RuleParams(
            "rules.defaults.timeExit", Map.of("maxDaysHeld", "0", "expirationDayExit", "15:30"));
    assertThatThrownBy(() -> TimeExitRule.from(zero))
        .hasMessageStartingWith("rules.defaults.timeExit: time exit threshold maxDaysHeld");
  }
}
