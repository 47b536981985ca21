package dev.thetaflow.sinks.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.core.alert.Alert;
import dev.thetaflow.core.alert.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotificationPolicyTest {

  /** 14:30:00 UTC; minutes below are counted from here. */
  static final Instant T0 = Instant.parse("2026-01-05T14:30:00Z");

  private int ids;

  Alert alert(Severity severity, String code, String strategy) {
    return new Alert(
        "a" + ++ids, T0, severity, "risk-gate", code, code + " on " + strategy, strategy);
  }

  static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  static List<String> codes(List<Notification> ns) {
    return ns.stream().map(Notification::code).toList();
  }

  @Test
  void alertsBelowTheFloorAreNotSent() {
    NotificationPolicy p = new NotificationPolicy(Severity.WARNING, Duration.ofMinutes(10), 20);
    assertThat(p.offer(alert(Severity.INFO, "NEAR_TRIGGER", "ic-1"), at(1))).isEmpty();
    assertThat(codes(p.offer(alert(Severity.WARNING, "ORDER_DENIED", "ic-1"), at(2))))
        .containsExactly("ORDER_DENIED");
    assertThat(codes(p.offer(alert(Severity.CRITICAL, "CONNECTION_LOST", null), at(3))))
        .containsExactly("CONNECTION_LOST");

    NotificationPolicy info = new NotificationPolicy(Severity.INFO, Duration.ofMinutes(10), 20);
    assertThat(info.offer(alert(Severity.INFO, "NEAR_TRIGGER", "ic-1"), at(1))).hasSize(1);
  }

  @Test
  void sentAlertCarriesTheAlertsFields() {
    NotificationPolicy p = new NotificationPolicy(Severity.INFO, Duration.ZERO, 20);
    Notification n = p.offer(alert(Severity.WARNING, "ORDER_DENIED", "ic-1"), at(5)).get(0);
    assertThat(n)
        .isEqualTo(
            new Notification(
                T0, Severity.WARNING, "ORDER_DENIED", "ic-1", "risk-gate", "ORDER_DENIED on ic-1"));
    assertThat(n.headline()).isEqualTo("WARNING ORDER_DENIED ic-1");
  }

  @Test
  void sameCodeAndStrategyIsNotResentWithinTheWindow() {
    NotificationPolicy p = new NotificationPolicy(Severity.INFO, Duration.ofMinutes(10), 1_000);
    assertThat(p.offer(alert(Severity.WARNING, "STOP_LOSS", "ic-1"), at(0))).hasSize(1);
    // Same code, same strategy: dropped until 10 minutes after the one sent.
    assertThat(p.offer(alert(Severity.WARNING, "STOP_LOSS", "ic-1"), at(60))).isEmpty();
    assertThat(p.offer(alert(Severity.CRITICAL, "STOP_LOSS", "ic-1"), at(599))).isEmpty();
    // Another strategy, another code, or no strategy: each its own key.
    assertThat(p.offer(alert(Severity.WARNING, "STOP_LOSS", "ic-2"), at(61))).hasSize(1);
    assertThat(p.offer(alert(Severity.WARNING, "TAKE_PROFIT", "ic-1"), at(62))).hasSize(1);
    assertThat(p.offer(alert(Severity.WARNING, "STOP_LOSS", null), at(63))).hasSize(1);
    assertThat(p.offer(alert(Severity.WARNING, "STOP_LOSS", null), at(64))).isEmpty();
    // The window is counted from the last send, so exactly 10 minutes later it goes again.
    assertThat(p.offer(alert(Severity.WARNING, "STOP_LOSS", "ic-1"), at(600))).hasSize(1);
    assertThat(p.offer(alert(Severity.WARNING, "STOP_LOSS", "ic-1"), at(601))).isEmpty();
  }

  @Test
  void zeroWindowSendsEveryRepeat() {
    NotificationPolicy p = new NotificationPolicy(Severity.INFO, Duration.ZERO, 1_000);
    for (int i = 0; i < 5; i++) {
      assertThat(p.offer(alert(Severity.WARNING, "STOP_LOSS", "ic-1"), at(i))).hasSize(1);
    }
  }

  @Test
  void rateLimitHoldsBackTheRestOfTheMinuteAndSummarisesThemWhenItEnds() {
    NotificationPolicy p = new NotificationPolicy(Severity.INFO, Duration.ZERO, 3);
    int sent = 0;
    for (int i = 0; i < 10; i++) {
      String code = i % 2 == 0 ? "STOP_LOSS" : "NEAR_TRIGGER";
      Severity s = i == 7 ? Severity.CRITICAL : Severity.WARNING;
      sent += p.offer(alert(s, code, "ic-" + i), at(i)).size();
    }
    assertThat(sent).isEqualTo(3);
    // Nothing before the minute ends.
    assertThat(p.tick(at(59))).isEmpty();

    Notification summary = p.tick(at(60)).orElseThrow();
    assertThat(summary.code()).isEqualTo(NotificationPolicy.SUPPRESSED_CODE);
    assertThat(summary.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(summary.strategyId()).isNull();
    assertThat(summary.time()).isEqualTo(at(60));
    assertThat(summary.text())
        .isEqualTo(
            "7 alerts suppressed between 14:30 and 14:31 UTC (limit 3 per minute):"
                + " NEAR_TRIGGER 4, STOP_LOSS 3; see the alerts table");
    // Only once, and the new minute sends again.
    assertThat(p.tick(at(61))).isEmpty();
    assertThat(p.offer(alert(Severity.WARNING, "X", "ic-1"), at(62))).hasSize(1);
  }

  @Test
  void summaryComesWithTheFirstAlertOfALaterMinuteIfNoTickCameBetween() {
    NotificationPolicy p = new NotificationPolicy(Severity.INFO, Duration.ZERO, 1);
    p.offer(alert(Severity.WARNING, "A", "ic-1"), at(10));
    assertThat(p.offer(alert(Severity.WARNING, "A", "ic-1"), at(20))).isEmpty();
    List<Notification> out = p.offer(alert(Severity.INFO, "B", "ic-1"), at(185));
    assertThat(codes(out)).containsExactly(NotificationPolicy.SUPPRESSED_CODE, "B");
    assertThat(out.get(0).text()).startsWith("1 alert suppressed between 14:30 and 14:31 UTC");
  }

  @Test
  void aMinuteWithoutSuppressionHasNoSummary() {
    NotificationPolicy p = new NotificationPolicy(Severity.INFO, Duration.ZERO, 3);
    p.offer(alert(Severity.WARNING, "A", "ic-1"), at(1));
    p.offer(alert(Severity.WARNING, "A", "ic-1"), at(2));
    assertThat(p.tick(at(60))).isEmpty();
    assertThat(p.finish()).isEmpty();
  }

  @Test
  void dedupedAlertsDoNotCountAgainstTheRateLimit() {
    NotificationPolicy p = new NotificationPolicy(Severity.INFO, Duration.ofMinutes(10), 2);
    for (int i = 0; i < 50; i++) {
      p.offer(alert(Severity.WARNING, "A", "ic-1"), at(i));
    }
    assertThat(p.offer(alert(Severity.WARNING, "B", "ic-1"), at(51))).hasSize(1);
    assertThat(p.tick(at(60))).isEmpty();
  }

  @Test
  void finishReportsTheCurrentMinutesSuppressed() {
    NotificationPolicy p = new NotificationPolicy(Severity.INFO, Duration.ZERO, 1);
    p.offer(alert(Severity.WARNING, "A", "ic-1"), at(1));
    p.offer(alert(Severity.WARNING, "A", "ic-2"), at(2));
    Optional<Notification> summary = p.finish();
    assertThat(summary.orElseThrow().text()).startsWith("1 alert suppressed");
    assertThat(p.finish()).isEmpty();
  }
}
