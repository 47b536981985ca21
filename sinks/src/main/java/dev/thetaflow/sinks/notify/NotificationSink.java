package dev.thetaflow.sinks.notify;

import dev.thetaflow.core.alert.Alert;
import dev.thetaflow.core.alert.Severity;
import dev.thetaflow.core.config.NotificationsConfig;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;

/**
 * Sends alerts to people (webhook, e-mail) after the {@link NotificationPolicy}: severity floor,
 * dedup window, rate limit with a summary of what was held back.
 *
 * <p><b>A notification outage never stops trading.</b> {@code write} only puts the alert on a
 * bounded queue; one sender thread per writer applies the policy and delivers, retrying each
 * channel with backoff ({@link Retry#DEFAULT}) and then logging the failure. Nothing here throws
 * into the job, and a full queue drops alerts (counted as {@code notificationsDropped}) rather than
 * back-pressuring the operators that produce them. The {@code alerts} Delta table remains the
 * record; notifications are a convenience on top of it.
 *
 * <p><b>Delivery guarantee: at least once for alerts that reach a working channel, no more.</b>
 * Checkpoints do not wait for the queue, and the policy's state (dedup, rate counts) is not
 * checkpointed. So after a failure, alerts replayed from the last checkpoint are sent again, and
 * alerts still queued when a task failed are lost; an alert whose channel fails every attempt is
 * logged ({@code notificationsFailed}) and not retried later. At the end of a bounded input the
 * writer waits up to {@code drainTimeout} for the queue to empty and sends the pending summary.
 *
 * <p>The rate limit and dedup apply per writer: run this sink with parallelism 1 so they hold for
 * the whole job.
 */
public final class NotificationSink implements Sink<Alert> {
  private static final long serialVersionUID = 1L;

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration DEFAULT_TICK = Duration.ofSeconds(1);
  static final Duration DEFAULT_DRAIN = Duration.ofSeconds(30);
  static final int DEFAULT_QUEUE = 1_000;

  private final Severity minSeverity;
  private final Duration dedupWindow;
  private final int maxPerMinute;
  private final Channels channels;
  private final Retry retry;
  private final Duration timeout;
  private final Duration tick;
  private final Duration drainTimeout;
  private final int queueCapacity;
  private final Clock clock;

  NotificationSink(
      Severity minSeverity,
      Duration dedupWindow,
      int maxPerMinute,
      Channels channels,
      Retry retry,
      Duration timeout,
      Duration tick,
      Duration drainTimeout,
      int queueCapacity,
      Clock clock) {
    this.minSeverity = Objects.requireNonNull(minSeverity, "minSeverity");
    this.dedupWindow = Objects.requireNonNull(dedupWindow, "dedupWindow");
    this.maxPerMinute = maxPerMinute;
    this.channels = Objects.requireNonNull(channels, "channels");
    this.retry = Objects.requireNonNull(retry, "retry");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.tick = Objects.requireNonNull(tick, "tick");
    this.drainTimeout = Objects.requireNonNull(drainTimeout, "drainTimeout");
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("queueCapacity must be >= 1, was " + queueCapacity);
    }
    this.queueCapacity = queueCapacity;
    this.clock = Objects.requireNonNull(clock, "clock");
    // Fail on the client, not on a TaskManager, if the policy's bounds are wrong.
    new NotificationPolicy(minSeverity, dedupWindow, maxPerMinute);
  }

  /** The channels the configuration names, with default retries and timeouts. */
  public static NotificationSink of(NotificationsConfig config) {
    return of(config, ConfiguredChannels.of(config));
  }

  /** The configuration's policy with other channels, e.g. a test's. */
  public static NotificationSink of(NotificationsConfig config, Channels channels) {
    return new NotificationSink(
        config.minSeverity(),
        config.dedupWindow(),
        config.maxPerMinute(),
        channels,
        Retry.DEFAULT,
        DEFAULT_TIMEOUT,
        DEFAULT_TICK,
        DEFAULT_DRAIN,
        DEFAULT_QUEUE,
        Clock.systemUTC());
  }

  @Override
  public SinkWriter<Alert> createWriter(WriterInitContext context) throws IOException {
    SinkWriterMetricGroup metrics = context.metricGroup();
    NotificationWriter writer =
        new NotificationWriter(
            new NotificationPolicy(minSeverity, dedupWindow, maxPerMinute),
            channels.open(timeout),
            clock,
            retry,
            tick,
            drainTimeout,
            queueCapacity,
            metrics.counter("notificationsSent"),
            metrics.counter("notificationsFailed"),
            metrics.counter("notificationsDropped"));
    writer.start();
    return writer;
  }
}
