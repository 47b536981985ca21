package dev.thetaflow.sinks.notify;

import dev.thetaflow.core.config.NotificationsConfig;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The channels of a {@link NotificationsConfig}, as plain serializable values (the config records
 * hold {@link Optional}s, which are not serializable).
 */
record ConfiguredChannels(
    String webhookUrl,
    String smtpHost,
    int smtpPort,
    boolean startTls,
    String from,
    List<String> to,
    String usernameEnv,
    String passwordEnv)
    implements Channels {

  private static final long serialVersionUID = 1L;

  static ConfiguredChannels of(NotificationsConfig c) {
    String url = c.webhook().map(NotificationsConfig.Webhook::url).orElse(null);
    if (c.email().isEmpty()) {
      return new ConfiguredChannels(url, null, 0, false, null, List.of(), null, null);
    }
    NotificationsConfig.Email e = c.email().get();
    return new ConfiguredChannels(
        url,
        e.host(),
        e.port(),
        e.startTls(),
        e.from(),
        List.copyOf(e.to()),
        e.usernameEnv().orElse(null),
        e.passwordEnv().orElse(null));
  }

  @Override
  public List<Notifier> open(Duration timeout) {
    List<Notifier> notifiers = new ArrayList<>(2);
    if (webhookUrl != null) {
      notifiers.add(new WebhookNotifier(URI.create(webhookUrl), timeout));
    }
    if (smtpHost != null) {
      NotificationsConfig.Email email =
          new NotificationsConfig.Email(
              smtpHost,
              smtpPort,
              from,
              to,
              startTls,
              Optional.ofNullable(usernameEnv),
              Optional.ofNullable(passwordEnv));
      try {
        notifiers.add(EmailNotifier.of(email, email.login(System.getenv()), timeout));
      } catch (IllegalStateException missingLogin) {
        // A missing variable on this TaskManager must not fail the job; every send says why.
        String name = "e-mail " + smtpHost + ":" + smtpPort;
        notifiers.add(
            new Notifier() {
              @Override
              public void send(Notification n) throws IOException {
                throw new IOException(name + ": " + missingLogin.getMessage());
              }

              @Override
              public String name() {
                return name;
              }
            });
      }
    }
    return notifiers;
  }
}
