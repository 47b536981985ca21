package dev.thetaflow.core.config;

import dev.thetaflow.core.alert.Severity;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where alerts go besides the {@code alerts} table, and how many of them: notifications are for
 * people, so repeats are dropped and bursts are summarised instead of flooding a channel.
 *
 * @param minSeverity alerts below this severity are not sent (default warning)
 * @param dedupWindow the same alert code for the same strategy is not sent again within this
 *     window, 0s (off) to 24h (default 10m)
 * @param maxPerMinute most notifications sent in one minute, 1 to 10,000; the rest are counted and
 *     announced in one summary when the minute ends (default 20)
 * @param webhook a Slack-compatible webhook, if any
 * @param email an SMTP relay, if any
 */
public record NotificationsConfig(
    Severity minSeverity,
    Duration dedupWindow,
    int maxPerMinute,
    Optional<Webhook> webhook,
    Optional<Email> email) {

  static final DurationRange DEDUP_WINDOW = new DurationRange(Duration.ZERO, Duration.ofHours(24));
  static final IntegerRange PER_MINUTE = new IntegerRange(1, 10_000);

  public NotificationsConfig {
    Checks.notNull("minSeverity", minSeverity);
    DEDUP_WINDOW.require("dedupWindow", dedupWindow);
    PER_MINUTE.require("maxPerMinute", maxPerMinute);
    Objects.requireNonNull(webhook, "webhook: use Optional.empty()");
    Objects.requireNonNull(email, "email: use Optional.empty()");
  }

  static NotificationsConfig read(ConfigSection s) {
    Severity min = s.choice("minSeverity", MinSeverity.WARNING, MinSeverity.class).severity;
    Duration dedup = s.duration("dedupWindow", Duration.ofMinutes(10), DEDUP_WINDOW);
    int perMinute = s.integer("maxPerMinute", 20, PER_MINUTE);
    // Absent sections mean "no such channel"; a present one must be complete.
    Optional<Webhook> webhook =
        s.has("webhook")
            ? Optional.ofNullable(Webhook.read(s.section("webhook")))
            : Optional.empty();
    Optional<Email> email =
        s.has("email") ? Optional.ofNullable(Email.read(s.section("email"))) : Optional.empty();
    return s.build(() -> new NotificationsConfig(min, dedup, perMinute, webhook, email));
  }

  /** Severities as written in YAML. */
  enum MinSeverity implements ConfigEnum {
    INFO(Severity.INFO),
    WARNING(Severity.WARNING),
    CRITICAL(Severity.CRITICAL);

    final Severity severity;

    MinSeverity(Severity severity) {
      this.severity = severity;
    }

    @Override
    public String configName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A webhook that takes a JSON POST with a {@code text} field (Slack, Mattermost, Teams workflows
   * and most chat tools accept that).
   *
   * @param url absolute http or https URL; a chat webhook URL is itself a secret, so prefer setting
   *     it with {@code THETAFLOW__NOTIFICATIONS__WEBHOOK__URL}
   */
  public record Webhook(String url) {

    static final String EXPECTED =
        "an absolute http or https URL, e.g. https://hooks.slack.com/services/T0/B0/XXXX";

    public Webhook {
      Checks.notNull("url", url);
      if (!isHttpUrl(url)) {
        throw new ConfigViolation("url", ConfigNode.Scalar.quote(url), "expected " + EXPECTED);
      }
    }

    public URI uri() {
      return URI.create(url);
    }

    private static boolean isHttpUrl(String url) {
      try {
        URI u = new URI(url);
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null;
      } catch (URISyntaxException e) {
        return false;
      }
    }

    static Webhook read(ConfigSection s) {
      String url = s.string("url", null);
      return s.build(() -> new Webhook(url));
    }
  }

  /**
   * An SMTP relay. Credentials never appear in configuration: {@code usernameEnv} and {@code
   * passwordEnv} name the environment variables that hold them, read where the mail is sent.
   *
   * @param host the relay's host name
   * @param port its port, 1 to 65535 (default 587, submission with STARTTLS)
   * @param from the sender address
   * @param to one or more recipient addresses
   * @param startTls upgrade the connection with STARTTLS and refuse to go on without it (default
   *     true)
   * @param usernameEnv name of the environment variable holding the login, if the relay wants one
   * @param passwordEnv name of the environment variable holding the password; set exactly when
   *     {@code usernameEnv} is
   */
  public record Email(
      String host,
      int port,
      String from,
      List<String> to,
      boolean startTls,
      Optional<String> usernameEnv,
      Optional<String> passwordEnv) {

    static final Pattern ADDRESS = Pattern.compile("[^@\\s<>,;]+@[^@\\s<>,;]+");
    static final String ADDRESS_EXPECTED = "an e-mail address such as ops@example.com";
    static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    static final String ENV_EXPECTED =
        "the name of an environment variable (letters, digits, '_'), e.g. THETAFLOW_SMTP_PASSWORD;"
            + " the value itself never belongs in configuration";

    public Email {
      Checks.token("host", host, "a host name or IP address");
      IbConfig.PORT.require("port", port);
      address("from", from);
      Checks.notNull("to", to);
      to = List.copyOf(to);
      if (to.isEmpty()) {
        throw new ConfigViolation("to", "[]", "expected at least one " + ADDRESS_EXPECTED);
      }
      to.forEach(a -> address("to", a));
      Objects.requireNonNull(usernameEnv, "usernameEnv: use Optional.empty()");
      Objects.requireNonNull(passwordEnv, "passwordEnv: use Optional.empty()");
      usernameEnv.ifPresent(n -> envName("usernameEnv", n));
      passwordEnv.ifPresent(n -> envName("passwordEnv", n));
      if (usernameEnv.isPresent() != passwordEnv.isPresent()) {
        String missing = usernameEnv.isPresent() ? "passwordEnv" : "usernameEnv";
        throw new ConfigViolation(
            missing,
            ConfigProblem.NOT_SET,
            "expected usernameEnv and passwordEnv together: a login needs both");
      }
    }

    /**
     * The login read from the named environment variables, or empty when none is configured.
     *
     * @throws IllegalStateException naming the variable when a named one is unset or empty
     */
    public Optional<Login> login(Map<String, String> env) {
      if (usernameEnv.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Login(lookup(env, usernameEnv.get()), lookup(env, passwordEnv.get())));
    }

    private static String lookup(Map<String, String> env, String name) {
      String value = env.get(name);
      if (value == null || value.isEmpty()) {
        throw new IllegalStateException(
            "notifications.email: environment variable " + name + " is not set");
      }
      return value;
    }

    private static void address(String key, String value) {
      Checks.notNull(key, value);
      if (!ADDRESS.matcher(value).matches()) {
        throw new ConfigViolation(
            key, ConfigNode.Scalar.quote(value), "expected " + ADDRESS_EXPECTED);
      }
    }

    private static void envName(String key, String value) {
      if (!ENV_NAME.matcher(value).matches()) {
        throw new ConfigViolation(key, ConfigNode.Scalar.quote(value), "expected " + ENV_EXPECTED);
      }
    }

    static Email read(ConfigSection s) {
      String host = s.string("host", null);
      int port = s.integer("port", 587, IbConfig.PORT);
      String from = s.string("from", null);
      List<String> to =
          s.texts(
              "to",
              "a list of e-mail addresses",
              a -> {
                if (!ADDRESS.matcher(a).matches()) {
                  throw new IllegalArgumentException("expected " + ADDRESS_EXPECTED);
                }
                return a;
              });
      boolean startTls = s.bool("startTls", true);
      Optional<String> usernameEnv = s.optionalMatching("usernameEnv", ENV_NAME, ENV_EXPECTED);
      Optional<String> passwordEnv = s.optionalMatching("passwordEnv", ENV_NAME, ENV_EXPECTED);
      return s.build(() -> new Email(host, port, from, to, startTls, usernameEnv, passwordEnv));
    }
  }

  /** A login for the SMTP relay; {@link #toString} hides the password. */
  public record Login(String username, String password) {
    @Override
    public String toString() {
      return "Login[username=" + username + ", password=***]";
    }
  }
}
