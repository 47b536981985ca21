package dev.thetaflow.ib.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.core.config.BackoffConfig;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Pacer, backoff and circuit breaker on a simulated clock. */
class PacingRulesTest {
  private static final long MS = 1_000_000L;

  @Test
  void aThousandRequestsAtOnceNeverExceedFiftyInAnySecond() {
    Pacer pacer = new Pacer(50, () -> 0L);
    long now = 0;
    long[] sent = new long[1000];
    for (int i = 0; i < sent.length; i++) {
      now += pacer.waitNanos(now); // the writer sleeps exactly as long as it is told
      pacer.record(now);
      sent[i] = now;
    }
    for (int i = 0; i < sent.length; i++) {
      int inWindow = 0;
      for (int j = i;
          j < sent.length && sent[j] <= sent[i] + 1_000 * MS + Pacer.ARRIVAL_JITTER_MARGIN - 1;
          j++) {
        inWindow++; // closed window [t, t + 1 s + margin): "per second" even with late arrivals
      }
      assertThat(inWindow).as("window starting at message %d", i).isLessThanOrEqualTo(50);
    }
    for (int i = 1; i < sent.length; i++) {
      assertThat(sent[i] - sent[i - 1]).isGreaterThanOrEqualTo(20 * MS); // smoothed
    }
    // and not slower than needed: 19 full windows of 1.05 s, then the last 50 spaced by 20 ms
    assertThat(sent[999]).isLessThan(21_000 * MS);
  }

  @Test
  void aQuietConnectionSendsAtOnce() {
    Pacer pacer = new Pacer(50, () -> 0L);
    pacer.record(0);
    assertThat(pacer.waitNanos(5_000 * MS)).isZero();
    assertThat(pacer.waitNanos(0)).isEqualTo(20 * MS);
  }

  @Test
  void backoffDoublesUpToTheMaximumWithJitterInTheUpperHalf() {
    Backoff backoff =
        new Backoff(
            new BackoffConfig(Duration.ofMillis(1_000), Duration.ofMillis(60_000)),
            new SplittableRandom(7));
    long[] ceilings = {1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000};
    for (int attempt = 0; attempt < ceilings.length; attempt++) {
      for (int draw = 0; draw < 200; draw++) {
        long wait = backoff.delay(attempt).toMillis();
        assertThat(wait).isBetween(ceilings[attempt] / 2, ceilings[attempt]);
      }
    }
    assertThat(backoff.delay(10_000).toMillis()).isBetween(30_000L, 60_000L);
  }

  @Test
  void jitterSpreadsTwoClientsApart() {
    BackoffConfig config = new BackoffConfig(Duration.ofSeconds(1), Duration.ofMinutes(1));
    Backoff a = new Backoff(config, RandomGenerator.of("L64X128MixRandom"));
    Backoff b = new Backoff(config, new SplittableRandom(99));
    int same = 0;
    for (int i = 0; i < 100; i++) {
      if (a.delay(3).equals(b.delay(3))) {
        same++;
      }
    }
    assertThat(same).isLessThan(5);
  }

  @Test
  void circuitOpensAfterThresholdHalfOpensAfterCoolDownAndClosesOnSuccess() {
    AtomicLong clock = new AtomicLong();
    CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(30), clock::get);
    assertThat(breaker.recordFailure()).isFalse();
    assertThat(breaker.recordFailure()).isFalse();
    assertThat(breaker.recordFailure()).isTrue();
    assertThat(breaker.position()).isEqualTo(CircuitBreaker.Position.OPEN);
    clock.set(10_000 * MS);
    assertThat(breaker.remainingCoolDown()).isEqualTo(Duration.ofSeconds(20));
    clock.set(30_000 * MS);
    assertThat(breaker.position()).isEqualTo(CircuitBreaker.Position.HALF_OPEN);

    assertThat(breaker.recordFailure()).isTrue(); // a failed trial re-opens at once
    assertThat(breaker.position()).isEqualTo(CircuitBreaker.Position.OPEN);
    clock.set(60_000 * MS);
    assertThat(breaker.position()).isEqualTo(CircuitBreaker.Position.HALF_OPEN);
    breaker.recordSuccess();
    assertThat(breaker.position()).isEqualTo(CircuitBreaker.Position.CLOSED);
    assertThat(breaker.recordFailure()).isFalse();
  }
}
