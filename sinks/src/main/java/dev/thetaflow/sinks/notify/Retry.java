package dev.thetaflow.sinks.notify;

import java.io.Serializable;
import java.time.Duration;

/**
 * How often one notification is tried on one channel: {@code attempts} in all, waiting {@code
 * initialBackoff} after the first failure and twice as long after each later one, at most {@code
 * maxBackoff}.
 */
public record Retry(int attempts, Duration initialBackoff, Duration maxBackoff)
    implements Serializable {

  /** Four attempts over about 7 seconds: rides out a blip, gives up before alerts pile up. */
  public static final Retry DEFAULT = new Retry(4, Duration.ofSeconds(1), Duration.ofSeconds(4));

  public Retry {
    if (attempts < 1
        || initialBackoff == null
        || maxBackoff == null
        || initialBackoff.isNegative()
        || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "retry: attempts >= 1 and 0 <= initialBackoff <= maxBackoff, were "
              + attempts
              + ", "
              + initialBackoff
              + ", "
              + maxBackoff);
    }
  }

  /** The wait after failed attempt {@code attempt} (1-based). */
  Duration backoff(int attempt) {
    Duration d = initialBackoff;
    for (int i = 1; i < attempt && d.compareTo(maxBackoff) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
  }
}
