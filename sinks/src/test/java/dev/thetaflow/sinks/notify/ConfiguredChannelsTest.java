package dev.thetaflow.sinks.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thetaflow.core.alert.Severity;
import dev.thetaflow.core.config.NotificationsConfig;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

/** From configuration to notifiers on a TaskManager. */
class ConfiguredChannelsTest {

  /** No test environment sets this. */
  static final String UNSET = "THETAFLOW_TEST_SMTP_PASSWORD_NEVER_SET";

  static NotificationsConfig config(Optional<String> usernameEnv, Optional<String> passwordEnv) {
    return new NotificationsConfig(
        Severity.WARNING,
        Duration.ofMinutes(10),
        20,
        Optional.of(new NotificationsConfig.Webhook("https://hooks.example.com/services/T/B/s")),
        Optional.of(
            new NotificationsConfig.Email(
                "smtp.example.com",
                587,
                "thetaflow@example.com",
                List.of("ops@example.com"),
                true,
                usernameEnv,
                passwordEnv)));
  }

  @Test
  void opensOneNotifierPerConfiguredChannelNamedWithoutSecrets() {
    List<Notifier> notifiers =
        ConfiguredChannels.of(config(Optional.empty(), Optional.empty()))
            .open(Duration.ofSeconds(1));
    assertThat(notifiers)
        .extracting(Notifier::name)
        .containsExactly("webhook hooks.example.com", "e-mail smtp.example.com:587");
  }

  @Test
  void noChannelsMeansNoNotifiers() {
    NotificationsConfig none =
        new NotificationsConfig(
            Severity.INFO, Duration.ZERO, 1, Optional.empty(), Optional.empty());
    assertThat(ConfiguredChannels.of(none).open(Duration.ofSeconds(1))).isEmpty();
  }

  @Test
  void missingCredentialVariableFailsEachSendNotTheJob() {
    List<Notifier> notifiers =
        ConfiguredChannels.of(config(Optional.of("PATH"), Optional.of(UNSET)))
            .open(Duration.ofSeconds(1));
    Notification n = new Notification(Instant.EPOCH, Severity.CRITICAL, "X", null, "test", "text");
    assertThatThrownBy(() -> notifiers.get(1).send(n))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "e-mail smtp.example.com:587: notifications.email: environment variable "
                + UNSET
                + " is not set");
  }

  @Test
  void sinkSurvivesJavaSerialization() throws Exception {
    // Flink ships the sink to TaskManagers; the config records hold Optionals, which cannot go.
    NotificationSink sink = NotificationSink.of(config(Optional.of("A"), Optional.of("B")));
    NotificationSink copy =
        InstantiationUtil.clone(sink, ConfiguredChannelsTest.class.getClassLoader());
    assertThat(copy).isNotNull();
    assertThat(ConfiguredChannels.of(config(Optional.empty(), Optional.empty())))
        .isEqualTo(
            InstantiationUtil.clone(
                ConfiguredChannels.of(config(Optional.empty(), Optional.empty()))));
  }
}
