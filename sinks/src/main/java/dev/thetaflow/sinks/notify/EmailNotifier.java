package dev.thetaflow.sinks.notify;

import dev.thetaflow.core.config.NotificationsConfig;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Sends each notification as a plain-text e-mail through an SMTP relay (Jakarta Mail). Subject
 * {@code [thetaflow] SEVERITY code strategy}. With {@code startTls} the connection is upgraded
 * before anything else is said and the mail is not sent if the relay does not offer STARTTLS, so a
 * login never crosses the network in clear.
 */
public final class EmailNotifier implements Notifier {

  private final String host;
  private final int port;
  private final InternetAddress from;
  private final InternetAddress[] to;
  private final Optional<NotificationsConfig.Login> login;
  private final Session session;

  public EmailNotifier(
      String host,
      int port,
      boolean startTls,
      String from,
      List<String> to,
      Optional<NotificationsConfig.Login> login,
      Duration timeout) {
    this.host = Objects.requireNonNull(host, "host");
    this.port = port;
    this.login = Objects.requireNonNull(login, "login");
    try {
      this.from = new InternetAddress(from, true);
      this.to = InternetAddress.parse(String.join(",", to), true);
    } catch (MessagingException e) {
      throw new IllegalArgumentException("e-mail addresses: " + e.getMessage(), e);
    }
    String millis = Long.toString(timeout.toMillis());
    Properties p = new Properties();
    p.setProperty("mail.transport.protocol", "smtp");
    p.setProperty("mail.smtp.host", host);
    p.setProperty("mail.smtp.port", Integer.toString(port));
    p.setProperty("mail.smtp.connectiontimeout", millis);
    p.setProperty("mail.smtp.timeout", millis);
    p.setProperty("mail.smtp.writetimeout", millis);
    p.setProperty("mail.smtp.starttls.enable", Boolean.toString(startTls));
    p.setProperty("mail.smtp.starttls.required", Boolean.toString(startTls));
    p.setProperty("mail.smtp.auth", Boolean.toString(login.isPresent()));
    // Our own session, not the JVM-wide default one other code may have configured.
    this.session = Session.getInstance(p);
  }

  /** From the configuration; the login is read from the environment variables it names. */
  public static EmailNotifier of(
      NotificationsConfig.Email config,
      Optional<NotificationsConfig.Login> login,
      Duration timeout) {
    return new EmailNotifier(
        config.host(),
        config.port(),
        config.startTls(),
        config.from(),
        config.to(),
        login,
        timeout);
  }

  @Override
  public void send(Notification n) throws IOException {
    try {
      MimeMessage m = new MimeMessage(session);
      m.setFrom(from);
      m.setRecipients(Message.RecipientType.TO, to);
      m.setSubject(subject(n), StandardCharsets.UTF_8.name());
      m.setSentDate(new Date());
      m.setText(body(n), StandardCharsets.UTF_8.name());
      if (login.isPresent()) {
        Transport.send(m, login.get().username(), login.get().password());
      } else {
        Transport.send(m);
      }
    } catch (MessagingException e) {
      throw new IOException(name() + ": sending " + n.code() + " failed: " + describe(e), e);
    }
  }

  @Override
  public String name() {
    return "e-mail " + host + ":" + port;
  }

  static String subject(Notification n) {
    return "[thetaflow] " + n.headline();
  }

  static String body(Notification n) {
    return n.text()
        + "\n\nseverity: "
        + n.severity()
        + "\ncode: "
        + n.code()
        + "\nstrategy: "
        + (n.strategyId() == null ? "-" : n.strategyId())
        + "\nsource: "
        + n.source()
        + "\ntime: "
        + n.time()
        + "\n";
  }

  /** Jakarta Mail nests the useful part (connection refused, the server's reply) as causes. */
  private static String describe(Throwable e) {
    StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      sb.append(" (").append(c).append(')');
    }
    return sb.toString();
  }
}
