package dev.thetaflow.sinks.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.thetaflow.core.alert.Severity;
import dev.thetaflow.core.config.NotificationsConfig;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Against GreenMail, a real SMTP server started in the test (on a free port). */
@Timeout(30)
class EmailNotifierTest {

  @RegisterExtension
  static final GreenMailExtension SMTP =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withUser("bot", "s3cret"))
          .withPerMethodLifecycle(true);

  static final Notification N =
      new Notification(
          Instant.parse("2026-01-05T14:30:00Z"),
          Severity.CRITICAL,
          "STOP_LOSS",
          "ic-1",
          "decisions",
          "Loss 2.1× the credit (limit 2.0×): close now");

  static EmailNotifier notifier(boolean startTls, Optional<NotificationsConfig.Login> login) {
    return new EmailNotifier(
        "127.0.0.1",
        SMTP.getSmtp().getPort(),
        startTls,
        "thetaflow@example.com",
        List.of("ops@example.com", "desk@example.com"),
        login,
        Duration.ofSeconds(5));
  }

  @Test
  void deliversSubjectAndBodyToEveryRecipient() throws Exception {
    notifier(false, Optional.empty()).send(N);

    MimeMessage[] received = SMTP.getReceivedMessages();
    assertThat(received).hasSize(2); // one copy per recipient mailbox
    MimeMessage m = received[0];
    assertThat(m.getSubject()).isEqualTo("[thetaflow] CRITICAL STOP_LOSS ic-1");
    assertThat(m.getFrom()[0].toString()).isEqualTo("thetaflow@example.com");
    assertThat(m.getRecipients(Message.RecipientType.TO))
        .extracting(Object::toString)
        .containsExactly("ops@example.com", "desk@example.com");
    assertThat(m.getContentType()).contains("text/plain").contains("UTF-8");
    assertThat(m.getContent().toString().replace("\r\n", "\n").strip())
        .isEqualTo(EmailNotifier.body(N).strip())
        .startsWith("Loss 2.1× the credit (limit 2.0×): close now\n\nseverity: CRITICAL\n")
        .contains("strategy: ic-1")
        .contains("time: 2026-01-05T14:30:00Z");
  }

  @Test
  void subjectWithoutStrategyEndsWithTheCode() {
    Notification n =
        new Notification(N.time(), Severity.WARNING, "CONNECTION_LOST", null, "ib", "gone");
    assertThat(EmailNotifier.subject(n)).isEqualTo("[thetaflow] WARNING CONNECTION_LOST");
  }

  @Test
  void logsInWithTheGivenCredentials() throws Exception {
    notifier(false, Optional.of(new NotificationsConfig.Login("bot", "s3cret"))).send(N);
    assertThat(SMTP.getReceivedMessages()).hasSize(2);
  }

  @Test
  void wrongPasswordFailsAndDeliversNothing() {
    EmailNotifier n = notifier(false, Optional.of(new NotificationsConfig.Login("bot", "wrong")));
    assertThatThrownBy(() -> n.send(N))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("e-mail 127.0.0.1:" + SMTP.getSmtp().getPort() + ": sending");
    assertThat(SMTP.getReceivedMessages()).isEmpty();
  }

  @Test
  void startTlsThatCannotBeEstablishedSendsNothingInClear() {
    // GreenMail's plain SMTP port does not offer STARTTLS.
    assertThatThrownBy(() -> notifier(true, Optional.empty()).send(N))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(
            "sending STOP_LOSS failed: STARTTLS is required but host does not support STARTTLS");
    assertThat(SMTP.getReceivedMessages()).isEmpty();
  }

  @Test
  void unreachableRelayFails() throws Exception {
    int port = SMTP.getSmtp().getPort();
    EmailNotifier n = notifier(false, Optional.empty());
    SMTP.stop();
    assertThatThrownBy(() -> n.send(N))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("e-mail 127.0.0.1:" + port + ": sending STOP_LOSS failed");
  }
}
