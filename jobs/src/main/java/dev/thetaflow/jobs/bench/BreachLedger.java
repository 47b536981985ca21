package dev.thetaflow.jobs.bench;

import dev.thetaflow.jobs.topology.OrderUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The breaches of one decision-latency run, shared by the replay, the probes and the harness in the
 * one JVM (as {@link BenchRun} is). Each strategy goes round a cycle, and only the thread whose
 * step it is moves it on, so a breach is planted only on a strategy whose rule and executor are
 * ready to act again:
 *
 * <pre>
 * ARMED → BREACHED (replay: the breach quote left) → SENT (executor said SENT: timed)
 *   → CLOSING (the broker reported the exit working) → REOPENED (reported cancelled; OPEN again)
 *   → RESTORING (replay: its leg quoted back at the model price) → ARMED (that quote was marked)
 * </pre>
 */
final class BreachLedger {
  static final int ARMED = 0;
  static final int BREACHED = 1;
  static final int SENT = 2;
  static final int CLOSING = 3;
  static final int REOPENED = 4;
  static final int RESTORING = 5;

  private static final Map<String, BreachLedger> RUNS = new ConcurrentHashMap<>();

  final String id;
  final DecisionUniverse universe;
  final AtomicIntegerArray phase;

  /** The breach quote's emission: System.nanoTime() and wall-clock µs. */
  final AtomicLongArray breachNanos;

  final AtomicLongArray breachMicros;

  /** Whether the strategy's current breach counts (planted after the warm-up). */
  final AtomicIntegerArray measured;

  /** Event time (µs) of the quote that restores the breached leg. */
  final AtomicLongArray restoreMicros;

  /** Strategies whose exit was reported cancelled: their leg is to be quoted back. */
  final Queue<Integer> restores = new ConcurrentLinkedQueue<>();

  /** What the broker reports of the exits sent: SUBMITTED, then CANCELLED. */
  final BlockingQueue<OrderUpdate> brokerReports = new LinkedBlockingQueue<>();

  /** When the steady part began (nanoTime), -1 before. */
  volatile long steadyFromNanos = -1;

  final AtomicLong planted = new AtomicLong();
  final AtomicLong plantedMeasured = new AtomicLong();
  final AtomicLong found = new AtomicLong();
  final AtomicLong foundMeasured = new AtomicLong();
  final AtomicLong unplanned = new AtomicLong();
  volatile String firstUnplanned;

  /** Measured samples: [emitted µs, output µs, latency ns]. */
  private final List<long[]> samples = new ArrayList<>();

  private BreachLedger(String id, DecisionUniverse universe) {
    this.id = id;
    this.universe = universe;
    int n = universe.strategies();
    phase = new AtomicIntegerArray(n);
    breachNanos = new AtomicLongArray(n);
    breachMicros = new AtomicLongArray(n);
    measured = new AtomicIntegerArray(n);
    restoreMicros = new AtomicLongArray(n);
  }

  static BreachLedger register(String id, DecisionUniverse universe) {
    BreachLedger l = new BreachLedger(id, universe);
    RUNS.put(id, l);
    return l;
  }

  static BreachLedger get(String id) {
    BreachLedger l = RUNS.get(id);
    if (l == null) {
      throw new IllegalStateException("no decision benchmark run " + id + " in this JVM");
    }
    return l;
  }

  static void remove(String id) {
    RUNS.remove(id);
  }

  synchronized void sample(long emittedMicros, long outputMicros, long nanos) {
    samples.add(new long[] {emittedMicros, outputMicros, nanos});
  }

  synchronized List<long[]> samples() {
    return List.copyOf(samples);
  }

  /** Strategies still waiting for the decision of a breach planted more than {@code ms} ago. */
  long unanswered(long olderThanNanos) {
    long now = System.nanoTime();
    long n = 0;
    for (int i = 0; i < phase.length(); i++) {
      if (phase.get(i) == BREACHED && now - breachNanos.get(i) > olderThanNanos) {
        n++;
      }
    }
    return n;
  }
}
