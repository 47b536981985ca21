package dev.thetaflow.sinks.notify;

import dev.thetaflow.core.alert.Alert;
import dev.thetaflow.core.alert.Severity;
import dev.thetaflow.core.config.NotificationsConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which alerts become notifications, and when: people read these, so an alert below the severity
 * floor is not sent, the same code for the same strategy is not sent twice within the dedup window,
 * and at most {@code maxPerMinute} go out per calendar minute (UTC). Alerts over the limit are
 * counted, and when their minute ends one summary ("N alerts suppressed") says what was held back.
 *
 * <p>Pure apart from its own state: the caller passes the time, so tests control it. Not
 * thread-safe. The state is not checkpointed: after a restart, alerts replayed from the last
 * checkpoint may be sent again.
 */
public final class NotificationPolicy {

  /** The code of the summary of suppressed alerts. */
  public static final String SUPPRESSED_CODE = "ALERTS_SUPPRESSED";

  private static final DateTimeFormatter HH_MM =
      DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

  private final Severity minSeverity;
  private final Duration dedupWindow;
  private final int maxPerMinute;

  /** When each code+strategy was last sent. */
  private final Map<String, Instant> lastSent = new HashMap<>();

  private Instant minute;
  private int sentThisMinute;
  private int suppressed;
  private Severity worstSuppressed;
  private final Map<String, Integer> suppressedByCode = new TreeMap<>();

  public NotificationPolicy(Severity minSeverity, Duration dedupWindow, int maxPerMinute) {
    this.minSeverity = Objects.requireNonNull(minSeverity, "minSeverity");
    this.dedupWindow = Objects.requireNonNull(dedupWindow, "dedupWindow");
    if (dedupWindow.isNegative() || maxPerMinute < 1) {
      throw new IllegalArgumentException(
          "dedupWindow must be >= 0 and maxPerMinute >= 1, were "
              + dedupWindow
              + " and "
              + maxPerMinute);
    }
    this.maxPerMinute = maxPerMinute;
  }

  public static NotificationPolicy of(NotificationsConfig config) {
    return new NotificationPolicy(
        config.minSeverity(), config.dedupWindow(), config.maxPerMinute());
  }

  /**
   * What to send now that {@code alert} arrived at {@code now}: the summary of an ended minute if
   * one is due, then the alert itself if it passes; possibly nothing.
   */
  public List<Notification> offer(Alert alert, Instant now) {
    List<Notification> out = new ArrayList<>(2);
    tick(now).ifPresent(out::add);
    if (alert.severity().compareTo(minSeverity) < 0) {
      return out;
    }
    String key = alert.code() + '\u0000' + Objects.toString(alert.strategyId(), "");
    Instant last = lastSent.get(key);
    if (last != null && now.isBefore(last.plus(dedupWindow))) {
      return out;
    }
    if (sentThisMinute >= maxPerMinute) {
      suppressed++;
      suppressedByCode.merge(alert.code(), 1, Integer::sum);
      if (worstSuppressed == null || alert.severity().compareTo(worstSuppressed) > 0) {
        worstSuppressed = alert.severity();
      }
      return out;
    }
    sentThisMinute++;
    lastSent.put(key, now);
    out.add(Notification.of(alert));
    return out;
  }

  /**
   * Call regularly (the sink does, about once a second): when the minute of the last alert has
   * ended, returns the summary of what it suppressed, if anything, and starts a new minute.
   */
  public Optional<Notification> tick(Instant now) {
    Instant current = now.truncatedTo(ChronoUnit.MINUTES);
    if (minute == null) {
      minute = current;
      return Optional.empty();
    }
    if (!current.isAfter(minute)) {
      return Optional.empty();
    }
    Optional<Notification> summary = summary();
    minute = current;
    sentThisMinute = 0;
    lastSent.values().removeIf(t -> !now.isBefore(t.plus(dedupWindow)));
    return summary;
  }

  /** At the end of input: the summary of the current minute, if it suppressed anything. */
  public Optional<Notification> finish() {
    Optional<Notification> summary = minute == null ? Optional.empty() : summary();
    sentThisMinute = 0;
    return summary;
  }

  private Optional<Notification> summary() {
    if (suppressed == 0) {
      return Optional.empty();
    }
    Instant end = minute.plus(Duration.ofMinutes(1));
    StringBuilder byCode = new StringBuilder();
    suppressedByCode.forEach(
        (code, n) ->
            byCode.append(byCode.length() == 0 ? "" : ", ").append(code).append(' ').append(n));
    String text =
        suppressed
            + (suppressed == 1 ? " alert" : " alerts")
            + " suppressed between "
            + HH_MM.format(minute)
            + " and "
            + HH_MM.format(end)
            + " UTC (limit "
            + maxPerMinute
            + " per minute): "
            + byCode
            + "; see the alerts table";
    Notification n =
        new Notification(end, worstSuppressed, SUPPRESSED_CODE, null, "notifications", text);
    suppressed = 0;
    worstSuppressed = null;
    suppressedByCode.clear();
    return Optional.of(n);
  }
}
