package dev.thetaflow.sinks.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.core.alert.Alert;
import dev.thetaflow.core.alert.Severity;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.metrics.SimpleCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The writer's promises: it never blocks the task, retries, gives up quietly, summarises. */
@Timeout(30)
class NotificationWriterTest {

  static final Instant T0 = Instant.parse("2026-01-05T14:30:00Z");
  static final Retry FAST = new Retry(3, Duration.ofMillis(5), Duration.ofMillis(20));

  final MutableClock clock = new MutableClock(T0);
  final SimpleCounter sent = new SimpleCounter();
  final SimpleCounter failed = new SimpleCounter();
  final SimpleCounter dropped = new SimpleCounter();
  NotificationWriter writer;
  int ids;

  Alert alert(String code, String strategy) {
    return new Alert("a" + ++ids, T0, Severity.WARNING, "test", code, code + " now", strategy);
  }

  NotificationWriter start(int perMinute, int queue, Notifier... notifiers) {
    writer =
        new NotificationWriter(
            new NotificationPolicy(Severity.INFO, Duration.ZERO, perMinute),
            List.of(notifiers),
            clock,
            FAST,
            Duration.ofMillis(10),
            Duration.ofSeconds(10),
            queue,
            sent,
            failed,
            dropped);
    writer.start();
    return writer;
  }

  @AfterEach
  void close() throws InterruptedException {
    if (writer != null) {
      writer.close();
    }
  }

  @Test
  void retriesAFailingChannelUntilItAccepts() throws Exception {
    Recording flaky = new Recording("flaky", 2);
    start(20, 10, flaky).write(alert("STOP_LOSS", "ic-1"), null);
    writer.flush(true);
    assertThat(flaky.attempts.get()).isEqualTo(3);
    assertThat(flaky.codes()).containsExactly("STOP_LOSS");
    assertThat(sent.getCount()).isEqualTo(1);
    assertThat(failed.getCount()).isZero();
  }

  @Test
  void givesUpAfterTheLastAttemptWithoutThrowingAndTheOtherChannelStillGetsIt() throws Exception {
    Recording dead = new Recording("dead", Integer.MAX_VALUE);
    Recording ok = new Recording("ok", 0);
    start(20, 10, dead, ok);
    writer.write(alert("STOP_LOSS", "ic-1"), null);
    writer.write(alert("TAKE_PROFIT", "ic-2"), null);
    writer.flush(true);
    assertThat(dead.attempts.get()).isEqualTo(6); // 3 per notification
    assertThat(ok.codes()).containsExactly("STOP_LOSS", "TAKE_PROFIT");
    assertThat(failed.getCount()).isEqualTo(2);
    assertThat(sent.getCount()).isEqualTo(2);
  }

  @Test
  void aHungChannelNeverBlocksWriteAlertsBeyondTheQueueAreDropped() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Notifier hung =
        new Notifier() {
          @Override
          public void send(Notification n) throws IOException {
            try {
              release.await();
            } catch (InterruptedException e) {
              throw new java.io.InterruptedIOException();
            }
          }

          @Override
          public String name() {
            return "hung";
          }
        };
    start(10_000, 50, hung);
    long begin = System.nanoTime();
    for (int i = 0; i < 10_000; i++) {
      writer.write(alert("A", "ic-" + i), null);
    }
    long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - begin);
    // One in the notifier, 50 queued; the rest dropped, none waited for.
    assertThat(dropped.getCount()).isBetween(10_000L - 52, 10_000L - 50);
    assertThat(micros).as("10,000 writes, in µs").isLessThan(2_000_000);
    release.countDown();
  }

  @Test
  void summaryGoesOutWhenTheMinuteEndsWithoutAnotherAlert() throws Exception {
    Recording ok = new Recording("ok", 0);
    start(2, 100, ok);
    for (int i = 0; i < 5; i++) {
      writer.write(alert("A", "ic-" + i), null);
    }
    waitFor(() -> ok.codes().size() == 2);
    Thread.sleep(50); // several ticks inside the minute: still no summary
    assertThat(ok.codes()).containsExactly("A", "A");

    clock.set(T0.plusSeconds(60));
    waitFor(() -> ok.codes().size() == 3);
    assertThat(ok.sent.get(2).code()).isEqualTo(NotificationPolicy.SUPPRESSED_CODE);
    assertThat(ok.sent.get(2).text()).startsWith("3 alerts suppressed between 14:30 and 14:31");
  }

  @Test
  void endOfInputSendsWhatIsQueuedAndThePendingSummary() throws Exception {
    Recording ok = new Recording("ok", 0);
    start(3, 100, ok);
    for (int i = 0; i < 5; i++) {
      writer.write(alert("A", "ic-" + i), null);
    }
    writer.flush(true);
    assertThat(ok.codes()).containsExactly("A", "A", "A", NotificationPolicy.SUPPRESSED_CODE);
  }

  @Test
  void checkpointFlushDoesNotWait() throws Exception {
    Recording slow = new Recording("slow", Integer.MAX_VALUE);
    writer =
        new NotificationWriter(
            new NotificationPolicy(Severity.INFO, Duration.ZERO, 20),
            List.of(slow),
            clock,
            new Retry(3, Duration.ofSeconds(5), Duration.ofSeconds(5)),
            Duration.ofMillis(10),
            Duration.ofSeconds(10),
            10,
            sent,
            failed,
            dropped);
    writer.start();
    writer.write(alert("A", "ic-1"), null);
    long begin = System.nanoTime();
    writer.flush(false);
    assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofMillis(100));
    // close interrupts the backoff instead of sitting it out
    begin = System.nanoTime();
    writer.close();
    writer = null;
    assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(2));
  }

  static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      Thread.sleep(5);
    }
  }

  /** Fails its first {@code failures} attempts, then records what it is sent. */
  static final class Recording implements Notifier {
    final String name;
    final int failures;
    final AtomicInteger attempts = new AtomicInteger();
    final List<Notification> sent = new CopyOnWriteArrayList<>();

    Recording(String name, int failures) {
      this.name = name;
      this.failures = failures;
    }

    @Override
    public void send(Notification n) throws IOException {
      if (attempts.incrementAndGet() <= failures) {
        throw new IOException(name + " down");
      }
      sent.add(n);
    }

    @Override
    public String name() {
      return name;
    }

    List<String> codes() {
      return sent.stream().map(Notification::code).toList();
    }
  }

  static final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;

    MutableClock(Instant start) {
      now = new AtomicReference<>(start);
    }

    void set(Instant t) {
      now.set(t);
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
