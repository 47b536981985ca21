package dev.thetaflow.ib.client;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Keeps outgoing messages under IB's limit: never more than {@code perSecond} in any one-second
 * window, and spaced at least {@code 1s / perSecond} apart so a burst leaves as an even stream
 * rather than as 50 messages in the first millisecond of each second.
 *
 * <p>Both rules are needed: spacing alone lets {@code perSecond + 1} messages fall inside a closed
 * one-second window (at 0 and 1000 ms), and the window alone lets bursts through. The window
 * carries a margin for delivery jitter ({@link #ARRIVAL_JITTER_MARGIN}). Used by the one writer
 * thread; {@link #acquire} blocks that thread until the next send is allowed.
 */
final class Pacer {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  /**
   * The gateway counts messages as they arrive, and delivery delays vary: two messages sent just
   * over a second apart can arrive just under one. Measured on ib-sim, 51 arrivals fell in one
   * second with an exact 1 s window at 50/s; each window here is 50 ms longer.
   */
  static final long ARRIVAL_JITTER_MARGIN = TimeUnit.MILLISECONDS.toNanos(50);

  private final LongSupplier nanoClock;
  private final long spacing;

  /** Send times of the last {@code perSecond} messages, a ring. */
  private final long[] recent;

  private int next;
  private int count;
  private long lastSend;

  Pacer(int perSecond, LongSupplier nanoClock) {
    if (perSecond < 1) {
      throw new IllegalArgumentException("perSecond must be >= 1, was " + perSecond);
    }
    this.nanoClock = nanoClock;
    this.spacing = SECOND / perSecond;
    this.recent = new long[perSecond];
  }

  /** Nanoseconds to wait from {@code now} before the next message may leave; 0 if it may now. */
  long waitNanos(long now) {
    long earliest = count == 0 ? now : lastSend + spacing;
    if (count == recent.length) {
      // the oldest of the last perSecond sends must be more than a second (plus margin) ago
      earliest = Math.max(earliest, recent[next] + SECOND + ARRIVAL_JITTER_MARGIN);
    }
    return Math.max(0, earliest - now);
  }

  /** Records a message sent at {@code now}. */
  void record(long now) {
    recent[next] = now;
    next = (next + 1) % recent.length;
    count = Math.min(count + 1, recent.length);
    lastSend = now;
  }

  /** Blocks until a message may leave, then records it as sent. */
  void acquire() throws InterruptedException {
    while (true) {
      long now = nanoClock.getAsLong();
      long wait = waitNanos(now);
      if (wait == 0) {
        record(now);
        return;
      }
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }
}
