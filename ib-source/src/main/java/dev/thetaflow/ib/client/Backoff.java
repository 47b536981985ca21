package dev.thetaflow.ib.client;

import dev.thetaflow.core.config.BackoffConfig;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Reconnect waits: {@code initial × 2^attempt}, capped at {@code max}, with "equal jitter" — a
 * uniform draw from the upper half of that wait. Jitter keeps a fleet of clients (or our two
 * connections) from reconnecting in lockstep after a gateway restart; keeping the lower half
 * guarantees a floor so a dead gateway is not hammered.
 */
final class Backoff {
  private final BackoffConfig config;
  private final RandomGenerator random;

  Backoff(BackoffConfig config, RandomGenerator random) {
    this.config = config;
    this.random = random;
  }

  /** The wait before attempt number {@code attempt} (0 for the first retry). */
  Duration delay(int attempt) {
    long initial = config.initial().toMillis();
    long max = config.max().toMillis();
    long ceiling = initial;
    for (int i = 0; i < attempt && ceiling < max; i++) {
      ceiling *= 2;
    }
    ceiling = Math.min(ceiling, max);
    long half = ceiling / 2;
    return Duration.ofMillis(half + random.nextLong(ceiling - half + 1));
  }
}
