package dev.thetaflow.jobs.bench;

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
 * The broker stream of the decision benchmark, paced by the source's rate limiter: the condors'
 * entry fills; warm-up rounds over every instrument until each condor is OPEN and marked; then,
 * until the harness cancels the job, steady quotes round robin (each underlying walks randomly,
 * options are priced off it) in which, with probability {@code breachShare} per quote, the next one
 * is a breach instead: an ARMED condor's richer short (at the mids last quoted) quoted near zero,
 * which lifts its P&amp;L past the take profit; a condor it would not lift is not drawn. A condor
 * whose exit the broker reported cancelled gets its leg quoted back at the model price before
 * anything else. Every quote is dated when it is made; a breach's emission is noted (nanoTime) as
 * late as possible before the source emits it. Runs in the one source subtask.
 */
final class BreachReplay implements GeneratorFunction<Long, BrokerEvent> {
  private static final long serialVersionUID = 1L;
  private static final Duration WARM_UP_LIMIT = Duration.ofMinutes(3);

  private final String runId;
  private final double breachShare;
  private final Duration warmUp;
  private final long seed;

  private transient BenchRun run;
  private transient BreachLedger ledger;
  private transient List<BenchUniverse.Instrument> instruments;
  private transient double[] spots;
  private transient SplittableRandom random;
  private transient int fillsSent;
  private transient long rounds;
  private transient long steady;
  private transient long warmUpDeadline;
  private transient BenchUniverse.Instrument confirming;
  private transient double[] optionMids; // the last mid quoted of each option, by conId order
  private transient int[] breachedShort; // per condor: the short its last breach quoted

  /**
   * @param breachShare the chance that a quote of the steady part is a breach
   * @param warmUp breaches planted this long after the steady part began are not measured
   */
  BreachReplay(String runId, double breachShare, Duration warmUp, long seed) {
    this.runId = runId;
    this.breachShare = breachShare;
    this.warmUp = warmUp;
    this.seed = seed;
  }

  @Override
  public void open(SourceReaderContext context) {
    run = BenchRun.get(runId);
    ledger = BreachLedger.get(runId);
    instruments = ledger.universe.instruments();
    spots = new double[3];
    for (int u = 0; u < 3; u++) {
      spots[u] = instruments.get(u).spot();
    }
    optionMids = new double[4 * ledger.universe.strategies()];
    java.util.Arrays.fill(optionMids, Double.NaN);
    breachedShort = new int[ledger.universe.strategies()];
    random = new SplittableRandom(seed);
    warmUpDeadline = System.nanoTime() + WARM_UP_LIMIT.toNanos();
  }

  @Override
  public BrokerEvent map(Long ignored) throws InterruptedException {
    List<BrokerEvent.FillEvent> fills = ledger.universe.fills();
    if (fillsSent < fills.size()) {
      return fills.get(fillsSent++);
    }
    int m = instruments.size();
    if (ledger.steadyFromNanos < 0) {
      if (rounds % m != 0 || !ready()) {
        return quote(instruments.get((int) (rounds++ % m)), Instant.now());
      }
      ledger.steadyFromNanos = System.nanoTime();
    }
    if (confirming != null) {
      // the market ticks again at the breach price: the rules act on a move that two evaluations
      // in a row agree on, so this quote, one emission after the breach, is what lets them decide
      BrokerEvent q = breachQuote(confirming, Instant.now());
      confirming = null;
      return q;
    }
    Integer restore = ledger.restores.poll();
    if (restore != null) {
      Instant now = Instant.now();
      BrokerEvent q = quote(ledger.universe.leg(restore, breachedShort[restore]), now);
      ledger.restoreMicros.set(restore, BenchRun.micros(now));
      ledger.phase.set(restore, BreachLedger.RESTORING);
      return q;
    }
    if (random.nextDouble() < breachShare) {
      BrokerEvent breach = breach();
      if (breach != null) {
        return breach;
      }
    }
    return quote(instruments.get((int) (steady++ % m)), Instant.now());
  }

  /** At a round's end: is every condor OPEN and marked? If not, let the round land first. */
  private boolean ready() throws InterruptedException {
    if (rounds > 0 && run.ready.size() >= run.strategies) {
      return true;
    }
    if (System.nanoTime() > warmUpDeadline) {
      throw new IllegalStateException(
          "warm-up: only "
              + run.ready.size()
              + " of "
              + run.strategies
              + " condors OPEN and marked after "
              + WARM_UP_LIMIT);
    }
    if (rounds > 0) {
      Thread.sleep(20);
    }
    return false;
  }

  /** A breach of a random ARMED condor (a few draws), or null when none came up. */
  private BrokerEvent breach() {
    int n = ledger.universe.strategies();
    for (int draw = 0; draw < 8; draw++) {
      int x = random.nextInt(n);
      if (ledger.phase.get(x) != BreachLedger.ARMED) {
        continue;
      }
      double[] mids = new double[4];
      for (int k = 0; k < 4; k++) {
        mids[k] = optionMids[4 * x + k];
      }
      int breached = ledger.universe.breachableShort(x, mids); // NaN mids: -1
      if (breached < 0) {
        continue;
      }
      breachedShort[x] = breached;
      BenchUniverse.Instrument leg = ledger.universe.leg(x, breached);
      boolean counted = System.nanoTime() - ledger.steadyFromNanos >= warmUp.toNanos();
      ledger.measured.set(x, counted ? 1 : 0);
      ledger.planted.incrementAndGet();
      if (counted) {
        ledger.plantedMeasured.incrementAndGet();
      }
      Instant now = Instant.now();
      BrokerEvent q = breachQuote(leg, now);
      confirming = leg;
      ledger.breachMicros.set(x, BenchRun.micros(now));
      ledger.breachNanos.set(x, System.nanoTime());
      ledger.phase.set(x, BreachLedger.BREACHED); // publishes the times above
      return q;
    }
    return null;
  }

  private BrokerEvent breachQuote(BenchUniverse.Instrument leg, Instant time) {
    noteMid(leg, (DecisionUniverse.BREACH_BID + DecisionUniverse.BREACH_ASK) / 2);
    return new BrokerEvent.QuoteEvent(
        new Quote(
            leg.conId(),
            DecisionUniverse.BREACH_BID,
            DecisionUniverse.BREACH_ASK,
            DecisionUniverse.BREACH_BID,
            10,
            10,
            1,
            time),
        MarketDataKind.REAL_TIME);
  }

  private BrokerEvent quote(BenchUniverse.Instrument i, Instant time) {
    int u = i.underlying();
    if (i.isUnderlying()) {
      spots[u] *= Math.exp(0.0002 * random.nextGaussian());
    }
    double[] q = DecisionUniverse.quote(i, spots[u]);
    noteMid(i, (q[0] + q[1]) / 2);
    return new BrokerEvent.QuoteEvent(
        new Quote(
            i.conId(),
            q[0],
            q[1],
            (q[0] + q[1]) / 2,
            1 + random.nextInt(50),
            1 + random.nextInt(50),
            1,
            time),
        MarketDataKind.REAL_TIME);
  }

  /** What the condors' books will mark the option at (the mid of its last quote). */
  private void noteMid(BenchUniverse.Instrument i, double mid) {
    if (!i.isUnderlying()) {
      optionMids[(int) (i.conId() - DecisionUniverse.FIRST_OPTION)] = mid;
    }
  }
}
