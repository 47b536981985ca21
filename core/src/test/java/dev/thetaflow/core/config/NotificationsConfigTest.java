package dev.thetaflow.core.config;

import static dev.thetaflow.core.config.ConfigFixtures.PAPER;
import static dev.thetaflow.core.config.ConfigFixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thetaflow.core.alert.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The optional notifications section: defaults, channels, and a message per mistake. */
class NotificationsConfigTest {

  private static final String EMAIL =
      """
      notifications:
        email:
          host: smtp.example.com
          from: thetaflow@example.com
          to: [ops@example.com, desk@example.com]
      """;

  private static ThetaflowConfig parse(String yaml, Map<String, String> env) {
    return ConfigLoader.parse(yaml, "test.yaml", env, false);
  }

  private static ConfigProblem only(String yaml) {
    List<ConfigProblem> ps = problems(yaml);
    assertThat(ps).hasSize(1);
    return ps.get(0);
  }

  @Test
  void absentSectionMeansNoNotifications() {
    assertThat(parse(PAPER, Map.of()).notifications()).isEmpty();
  }

  @Test
  void emptySectionTakesDefaultsAndNoChannel() {
    NotificationsConfig n =
        parse(PAPER + "notifications:\n  maxPerMinute: 20\n", Map.of())
            .notifications()
            .orElseThrow();
    assertThat(n.minSeverity()).isEqualTo(Severity.WARNING);
    assertThat(n.dedupWindow()).isEqualTo(Duration.ofMinutes(10));
    assertThat(n.maxPerMinute()).isEqualTo(20);
    assertThat(n.webhook()).isEmpty();
    assertThat(n.email()).isEmpty();
  }

  @Test
  void readsEveryKey() {
    String yaml =
        PAPER
            + """
            notifications:
              minSeverity: critical
              dedupWindow: 0s
              maxPerMinute: 5
              webhook:
                url: https://hooks.example.com/services/T0/B0/x
              email:
                host: smtp.example.com
                port: 2525
                from: thetaflow@example.com
                to: [ops@example.com]
                startTls: false
                usernameEnv: SMTP_USER
                passwordEnv: SMTP_PASS
            """;
    NotificationsConfig n = parse(yaml, Map.of()).notifications().orElseThrow();
    assertThat(n.minSeverity()).isEqualTo(Severity.CRITICAL);
    assertThat(n.dedupWindow()).isEqualTo(Duration.ZERO);
    assertThat(n.maxPerMinute()).isEqualTo(5);
    assertThat(n.webhook().orElseThrow().url())
        .isEqualTo("https://hooks.example.com/services/T0/B0/x");
    NotificationsConfig.Email e = n.email().orElseThrow();
    assertThat(e)
        .isEqualTo(
            new NotificationsConfig.Email(
                "smtp.example.com",
                2525,
                "thetaflow@example.com",
                List.of("ops@example.com"),
                false,
                Optional.of("SMTP_USER"),
                Optional.of("SMTP_PASS")));
    assertThat(e.login(Map.of("SMTP_USER", "bot", "SMTP_PASS", "s3cret")).orElseThrow())
        .isEqualTo(new NotificationsConfig.Login("bot", "s3cret"))
        .hasToString("Login[username=bot, password=***]");
    assertThatThrownBy(() -> e.login(Map.of("SMTP_USER", "bot")))
        .hasMessage("notifications.email: environment variable SMTP_PASS is not set");
  }

  @Test
  void emailDefaultsToSubmissionPortWithStartTlsAndNoLogin() {
    NotificationsConfig.Email e =
        parse(PAPER + EMAIL, Map.of()).notifications().orElseThrow().email().orElseThrow();
    assertThat(e.port()).isEqualTo(587);
    assertThat(e.startTls()).isTrue();
    assertThat(e.to()).containsExactly("ops@example.com", "desk@example.com");
    assertThat(e.login(Map.of())).isEmpty();
  }

  @Test
  void environmentSetsTheWebhookUrlAndASingleRecipient() {
    NotificationsConfig n =
        parse(
                PAPER + EMAIL.replace("to: [ops@example.com, desk@example.com]", "to: x@y.z"),
                Map.of(
                    "THETAFLOW__NOTIFICATIONS__WEBHOOK__URL", "http://127.0.0.1:9/hook",
                    "THETAFLOW__NOTIFICATIONS__EMAIL__TO", "oncall@example.com"))
            .notifications()
            .orElseThrow();
    assertThat(n.webhook().orElseThrow().uri().getPort()).isEqualTo(9);
    assertThat(n.email().orElseThrow().to()).containsExactly("oncall@example.com");
  }

  @Test
  void wrongSeverityNamesKeyValueAndChoices() {
    ConfigProblem p = only(PAPER + "notifications:\n  minSeverity: WARNING\n");
    assertThat(p.key()).isEqualTo("notifications.minSeverity");
    assertThat(p.value()).isEqualTo("\"WARNING\"");
    assertThat(p.expected())
        .isEqualTo("expected one of info, warning, critical (did you mean warning?)");
  }

  @Test
  void rangesAreChecked() {
    ConfigProblem p = only(PAPER + "notifications:\n  maxPerMinute: 0\n");
    assertThat(p.message())
        .isEqualTo(
            "notifications.maxPerMinute = 0 (test.yaml line 12):"
                + " expected an integer from 1 to 10000");
    p = only(PAPER + "notifications:\n  dedupWindow: 2d\n");
    assertThat(p.key()).isEqualTo("notifications.dedupWindow");
    assertThat(p.value()).isEqualTo("\"2d\"");
  }

  @Test
  void webhookUrlMustBeHttpOrHttps() {
    ConfigProblem p = only(PAPER + "notifications:\n  webhook:\n    url: ftp://example.com/x\n");
    assertThat(p.key()).isEqualTo("notifications.webhook.url");
    assertThat(p.value()).isEqualTo("\"ftp://example.com/x\"");
    assertThat(p.expected()).startsWith("expected an absolute http or https URL");

    p = only(PAPER + "notifications:\n  webhook:\n    url: not a url\n");
    assertThat(p.key()).isEqualTo("notifications.webhook.url");
  }

  @Test
  void webhookSectionWithoutUrlSaysUrlIsMissing() {
    ConfigProblem p = only(PAPER + "notifications:\n  webhook: {}\n");
    assertThat(p.key()).isEqualTo("notifications.webhook.url");
    assertThat(p.value()).isEqualTo(ConfigProblem.NOT_SET);
    assertThat(p.expected()).contains("THETAFLOW__NOTIFICATIONS__WEBHOOK__URL");
  }

  @Test
  void recipientsMustBeAddresses() {
    ConfigProblem p = only(PAPER + EMAIL.replace("desk@example.com", "desk.example.com"));
    assertThat(p.key()).isEqualTo("notifications.email.to");
    assertThat(p.expected())
        .isEqualTo("expected an e-mail address such as ops@example.com (at \"desk.example.com\")");

    p = only(PAPER + EMAIL.replace("[ops@example.com, desk@example.com]", "[]"));
    assertThat(p.key()).isEqualTo("notifications.email.to");
    assertThat(p.expected()).contains("got an empty list");

    p = only(PAPER + EMAIL.replace("  to: [ops@example.com, desk@example.com]\n", ""));
    assertThat(p.key()).isEqualTo("notifications.email.to");
    assertThat(p.value()).isEqualTo(ConfigProblem.NOT_SET);
    assertThat(p.expected()).contains("THETAFLOW__NOTIFICATIONS__EMAIL__TO");
  }

  @Test
  void startTlsIsABoolean() {
    ConfigProblem p = only(PAPER + EMAIL + "    startTls: yes please\n");
    assertThat(p.key()).isEqualTo("notifications.email.startTls");
    assertThat(p.expected()).isEqualTo("expected true or false, got text");
  }

  @Test
  void credentialsAreNamedByVariableAndComeInPairs() {
    ConfigProblem p = only(PAPER + EMAIL + "    usernameEnv: SMTP_USER\n");
    assertThat(p.key()).isEqualTo("notifications.email.passwordEnv");
    assertThat(p.expected()).contains("usernameEnv and passwordEnv together");

    p = only(PAPER + EMAIL + "    usernameEnv: SMTP_USER\n    passwordEnv: hunter 2\n");
    assertThat(p.key()).isEqualTo("notifications.email.passwordEnv");
    assertThat(p.expected()).contains("the name of an environment variable");

    p = only(PAPER + EMAIL + "    password: hunter2\n");
    assertThat(p.key()).isEqualTo("notifications.email.password");
    assertThat(p.expected()).contains("credentials never belong in configuration");
  }

  @Test
  void constructorsKeepTheSameRules() {
    assertThatThrownBy(
            () ->
                new NotificationsConfig(
                    Severity.INFO, Duration.ofMinutes(1), 0, Optional.empty(), Optional.empty()))
        .hasMessage("maxPerMinute = 0: expected an integer from 1 to 10000");
    assertThatThrownBy(() -> new NotificationsConfig.Webhook("mailto:x@y.z"))
        .hasMessageStartingWith("url = \"mailto:x@y.z\": expected an absolute http or https URL");
    assertThatThrownBy(
            () ->
                new NotificationsConfig.Email(
                    "smtp", 25, "a@b", List.of(), false, Optional.empty(), Optional.empty()))
        .hasMessageContaining("to = []");
  }
}
