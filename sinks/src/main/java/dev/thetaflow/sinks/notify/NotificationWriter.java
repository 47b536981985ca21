package dev.thetaflow.sinks.notify;

import dev.thetaflow.core.alert.Alert;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands alerts to one sender thread through a bounded queue, so that {@link #write} never blocks
 * the task: a slow or dead channel fills the queue, and alerts that do not fit are dropped and
 * counted, never pushed back upstream towards the trading operators.
 *
 * <p>Threading: {@link #write}, {@link #flush} and {@link #close} run on the task thread; the
 * policy and the notifiers are used only by the sender thread.
 */
final class NotificationWriter implements SinkWriter<Alert> {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationWriter.class);

  /** Marks the end of input in the queue: send the pending summary, then report back. */
  private static final Object END = new Object();

  private final NotificationPolicy policy;
  private final List<Notifier> notifiers;
  private final Clock clock;
  private final Retry retry;
  private final Duration tick;
  private final Duration drainTimeout;
  private final BlockingQueue<Object> queue;
  private final Counter sent;
  private final Counter failed;
  private final Counter dropped;
  private final Thread sender;
  private final CountDownLatch drained = new CountDownLatch(1);
  private volatile boolean running = true;

  /**
   * @param retry attempts and backoff per notification and channel
   * @param tick how often the sender checks whether a minute ended (for the suppressed summary)
   * @param drainTimeout how long the end of input waits for queued notifications to go out
   */
  NotificationWriter(
      NotificationPolicy policy,
      List<Notifier> notifiers,
      Clock clock,
      Retry retry,
      Duration tick,
      Duration drainTimeout,
      int queueCapacity,
      Counter sent,
      Counter failed,
      Counter dropped) {
    this.policy = policy;
    this.notifiers = List.copyOf(notifiers);
    this.clock = clock;
    this.retry = retry;
    this.tick = tick;
    this.drainTimeout = drainTimeout;
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    this.sent = sent;
    this.failed = failed;
    this.dropped = dropped;
    this.sender = new Thread(this::run, "thetaflow-notifications");
    this.sender.setDaemon(true);
  }

  void start() {
    if (notifiers.isEmpty()) {
      LOG.warn("No notification channel configured: alerts go to the alerts table only");
    }
    sender.start();
  }

  @Override
  public void write(Alert alert, Context context) {
    if (!queue.offer(alert)) {
      dropped.inc();
      // One line per 100 drops: an outage should not also flood the log.
      if (dropped.getCount() % 100 == 1) {
        LOG.warn(
            "Notification queue full ({} waiting): dropped alert {} {}; {} dropped so far",
            queue.size(),
            alert.code(),
            alert.id(),
            dropped.getCount());
      }
    }
  }

  /**
   * Waits for queued notifications only at the end of input (bounded by {@code drainTimeout}); a
   * checkpoint does not wait, so a dead channel cannot hold up checkpoints either.
   */
  @Override
  public void flush(boolean endOfInput) throws InterruptedException {
    if (!endOfInput || drained.getCount() == 0) {
      return;
    }
    long deadline = System.nanoTime() + drainTimeout.toNanos();
    if (!queue.offer(END, drainTimeout.toNanos(), TimeUnit.NANOSECONDS)
        || !drained.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
      LOG.warn(
          "Notifications still queued after {} at end of input: {} not sent",
          drainTimeout,
          queue.size());
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    sender.interrupt();
    sender.join(5_000);
  }

  private void run() {
    long tickMillis = Math.max(1, tick.toMillis());
    while (running) {
      Object item;
      try {
        item = queue.poll(tickMillis, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      try {
        if (item == null) {
          policy.tick(clock.instant()).ifPresent(this::deliver);
        } else if (item == END) {
          policy.tick(clock.instant()).ifPresent(this::deliver);
          policy.finish().ifPresent(this::deliver);
          drained.countDown();
        } else {
          policy.offer((Alert) item, clock.instant()).forEach(this::deliver);
        }
      } catch (RuntimeException e) {
        // A bug here must cost notifications, not the job.
        LOG.error("Notification sender failed on {}; going on", item, e);
      }
    }
  }

  /** Every channel gets its own attempts: one dead channel does not silence the other. */
  private void deliver(Notification n) {
    for (Notifier notifier : notifiers) {
      Optional<IOException> error = sendWithRetries(notifier, n);
      if (error.isEmpty()) {
        sent.inc();
      } else if (running) {
        failed.inc();
        LOG.error(
            "Notification {} ({}) not delivered by {} after {} attempts; it stays in the alerts"
                + " table: {}",
            n.code(),
            n.headline(),
            notifier.name(),
            retry.attempts(),
            error.get().getMessage());
      }
    }
  }

  private Optional<IOException> sendWithRetries(Notifier notifier, Notification n) {
    IOException last = null;
    for (int attempt = 1; attempt <= retry.attempts() && running; attempt++) {
      try {
        notifier.send(n);
        return Optional.empty();
      } catch (InterruptedIOException e) {
        return Optional.of(e);
      } catch (IOException e) {
        last = e;
        if (attempt < retry.attempts()) {
          Duration wait = retry.backoff(attempt);
          LOG.warn(
              "Notification {} via {} failed (attempt {} of {}), retrying in {}: {}",
              n.code(),
              notifier.name(),
              attempt,
              retry.attempts(),
              wait,
              e.getMessage());
          try {
            Thread.sleep(wait.toMillis());
          } catch (InterruptedException ie) {
            return Optional.of(e);
          }
        }
      }
    }
    return Optional.ofNullable(last == null ? new IOException("closed before sending") : last);
  }
}
