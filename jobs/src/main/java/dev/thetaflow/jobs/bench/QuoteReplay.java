package dev.thetaflow.jobs.bench;

import dev.thetaflow.core.analytics.BlackScholes;
import dev.thetaflow.core.broker.BrokerEvent;
import dev.thetaflow.core.market.MarketDataKind;
import dev.thetaflow.core.market.Quote;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * The broker stream the benchmark replays, in four phases: the strategies' entry fills; warm-up
 * quotes, round after round over every instrument, until each strategy is OPEN with every leg
 * marked (its legs are registered with the router, so no measured quote is dropped for a
 * registration still on its way); the measured quotes; then, until the harness cancels the job, a
 * slow trickle of quotes for an instrument nobody holds, which keep the source alive for the
 * checkpoints but reach no strategy.
 *
 * <p>Measured quote {@code i} is of instrument {@code i mod M} (round robin), so the harness knows
 * how many snapshots each must cause. Prices: each underlying walks randomly; options are priced by
 * Black-Scholes off it, a cent or 4% wide, on the penny grid.
 *
 * <p>Event time: in a replay ({@code stampWallClock} false) quote {@code i} is dated {@code
 * replayStart + i µs}, which identifies it in the snapshot it causes; paced, each quote is dated
 * when it is emitted, which is what latency is measured from. Runs in the one source subtask.
 */
final class QuoteReplay implements GeneratorFunction<Long, BrokerEvent> {
  private static final long serialVersionUID = 1L;
  static final long IDLE_CON_ID = 999_999;
  static final double RATE = 0.04;
  static final double YIELD = 0.01;
  private static final Duration WARM_UP_LIMIT = Duration.ofMinutes(3);

  private final String runId;
  private final int strategies;
  private final Instant openedAt;
  private final Instant replayStart;
  private final boolean stampWallClock;
  private final long seed;

  private transient BenchRun run;
  private transient BenchUniverse universe;
  private transient List<BenchUniverse.Instrument> instruments;
  private transient double[] spots;
  private transient SplittableRandom random;
  private transient int fillsSent;
  private transient long warmUp;
  private transient long warmUpDeadline;
  private transient long measured;

  QuoteReplay(
      String runId,
      BenchUniverse universe,
      Instant replayStart,
      boolean stampWallClock,
      long seed) {
    this.runId = runId;
    this.strategies = universe.strategies();
    this.openedAt = universe.openedAt();
    this.replayStart = replayStart;
    this.stampWallClock = stampWallClock;
    this.seed = seed;
  }

  @Override
  public void open(SourceReaderContext context) {
    run = BenchRun.get(runId);
    universe = BenchUniverse.create(strategies, seed, openedAt);
    instruments = universe.instruments();
    spots = new double[3];
    for (BenchUniverse.Instrument i : instruments) {
      if (i.isUnderlying()) {
        spots[i.underlying()] = i.spot();
      }
    }
    random = new SplittableRandom(seed);
    warmUpDeadline = System.nanoTime() + WARM_UP_LIMIT.toNanos();
  }

  @Override
  public BrokerEvent map(Long ignored) throws InterruptedException {
    if (fillsSent < universe.fills().size()) {
      return universe.fills().get(fillsSent++);
    }
    int m = instruments.size();
    if (measured == 0 && !warmedUp(m)) {
      Instant t = stampWallClock ? Instant.now() : replayStart.minusSeconds(3600).plusNanos(warmUp);
      return quote(instruments.get((int) (warmUp++ % m)), t);
    }
    if (measured < run.measuredQuotes) {
      long i = measured++;
      long n = run.emitted.incrementAndGet();
      if (n == run.measuredQuotes / 10) {
        run.emittedAt10 = System.nanoTime();
        run.cpuAt10 = BenchRun.processCpuNanos();
      } else if (n == run.measuredQuotes * 9 / 10) {
        run.emittedAt90 = System.nanoTime();
        run.cpuAt90 = BenchRun.processCpuNanos();
      }
      BenchUniverse.Instrument instrument = instruments.get((int) (i % m));
      return quote(instrument, stampWallClock ? null : replayStart.plusNanos(i * 1_000));
    }
    Thread.sleep(5);
    return new BrokerEvent.QuoteEvent(
        new Quote(IDLE_CON_ID, 1.00, 1.01, 1.00, 1, 1, 1, Instant.now()), MarketDataKind.REAL_TIME);
  }

  /** At each round's end: are all strategies ready? If so the measured part starts now. */
  private boolean warmedUp(int m) throws InterruptedException {
    if (warmUp == 0 || warmUp % m != 0) {
      return false;
    }
    if (run.ready.size() >= run.strategies) {
      run.measuredFrom = stampWallClock ? Instant.now() : replayStart;
      return true;
    }
    if (System.nanoTime() > warmUpDeadline) {
      throw new IllegalStateException(
          "warm-up: only "
              + run.ready.size()
              + " of "
              + run.strategies
              + " strategies OPEN and marked after "
              + WARM_UP_LIMIT);
    }
    Thread.sleep(20); // let the round's quotes reach the strategies before the next one
    return false;
  }

  /** A two-sided quote for {@code i} at {@code time} (null: now, as late as possible). */
  private BrokerEvent quote(BenchUniverse.Instrument i, Instant time) {
    int u = i.underlying();
    double mid;
    double spread;
    if (i.isUnderlying()) {
      spots[u] *= Math.exp(0.0002 * random.nextGaussian());
      mid = spots[u];
      spread = 0.01;
    } else {
      mid =
          Math.max(
              0.05,
              BlackScholes.price(
                  i.right(), spots[u], i.strike(), i.years(), RATE, YIELD, i.volatility()));
      spread = Math.max(0.01, Math.ceil(mid * 4) / 100);
    }
    double bid = Math.max(0.01, Math.floor((mid - spread / 2) * 100) / 100);
    double ask = Math.round((bid + spread) * 100) / 100.0;
    long bidSize = 1 + random.nextInt(50);
    long askSize = 1 + random.nextInt(50);
    Quote q =
        new Quote(
            i.conId(), bid, ask, mid, bidSize, askSize, 1, time == null ? Instant.now() : time);
    return new BrokerEvent.QuoteEvent(q, MarketDataKind.REAL_TIME);
  }
}
