package dev.thetaflow.jobs.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one benchmark run's operators tell the harness. The job runs on a MiniCluster in the
 * harness's JVM, so its functions find the run by id in a static registry instead of going through
 * accumulators or metrics, which only report every few seconds or at the end.
 */
final class BenchRun {
  private static final Map<String, BenchRun> RUNS = new ConcurrentHashMap<>();

  final String id;
  final int strategies;
  final long measuredQuotes;

  /** Strategies OPEN with every leg marked: the replay's measured part may start. */
  final Set<String> ready = ConcurrentHashMap.newKeySet();

  /** Event time of the first measured quote; snapshots from this time on are counted. */
  volatile Instant measuredFrom = Instant.MAX;

  final AtomicLong emitted = new AtomicLong();
  volatile long emittedAt10 = -1;
  volatile long emittedAt90 = -1;

  /** The JVM's CPU time (ns, all threads) at those marks: a rate that the neighbours don't skew. */
  volatile long cpuAt10 = -1;

  volatile long cpuAt90 = -1;

  /** Snapshots caused by measured quotes of an option leg, and of an underlying. */
  final AtomicLong legOutputs = new AtomicLong();

  final AtomicLong underlyingOutputs = new AtomicLong();
  volatile long expectedLegOutputs = Long.MAX_VALUE;
  volatile long outputAt10 = -1;
  volatile long outputAt90 = -1;

  /** Throughput mode only: snapshots per measured quote, by the quote's index. */
  final AtomicIntegerArray perQuote;

  /** Latency mode: one recorder per probe subtask. */
  final List<LatencyRecorder> recorders = new ArrayList<>();

  /** Checkpoints as the source saw them: [id, triggered µs, completed or aborted µs or -1]. */
  private final List<long[]> checkpoints = new ArrayList<>();

  private BenchRun(String id, int strategies, long measuredQuotes, boolean perQuoteAccounting) {
    this.id = id;
    this.strategies = strategies;
    this.measuredQuotes = measuredQuotes;
    this.perQuote =
        perQuoteAccounting ? new AtomicIntegerArray(Math.toIntExact(measuredQuotes)) : null;
  }

  static BenchRun register(
      String id, int strategies, long measuredQuotes, boolean perQuoteAccounting) {
    BenchRun run = new BenchRun(id, strategies, measuredQuotes, perQuoteAccounting);
    RUNS.put(id, run);
    return run;
  }

  static BenchRun get(String id) {
    BenchRun run = RUNS.get(id);
    if (run == null) {
      throw new IllegalStateException("no benchmark run " + id + " in this JVM");
    }
    return run;
  }

  static void remove(String id) {
    RUNS.remove(id);
  }

  synchronized LatencyRecorder newRecorder() {
    LatencyRecorder r = new LatencyRecorder();
    recorders.add(r);
    return r;
  }

  synchronized void checkpointTriggered(long checkpointId, long micros) {
    checkpoints.add(new long[] {checkpointId, micros, -1});
  }

  synchronized void checkpointEnded(long checkpointId, long micros) {
    for (long[] c : checkpoints) {
      if (c[0] == checkpointId && c[2] < 0) {
        c[2] = micros;
      }
    }
  }

  synchronized List<long[]> checkpoints() {
    return checkpoints.stream().map(long[]::clone).toList();
  }

  /** A leg output arrived: the output-side 10% and 90% marks of the steady state. */
  void legOutput() {
    long n = legOutputs.incrementAndGet();
    long expected = expectedLegOutputs;
    if (n == expected / 10) {
      outputAt10 = System.nanoTime();
    } else if (n == expected * 9 / 10) {
      outputAt90 = System.nanoTime();
    }
  }

  static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }

  static long nowMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
  }

  static long micros(Instant t) {
    return t.getEpochSecond() * 1_000_000 + t.getNano() / 1_000;
  }

  /** Emission and output times of each decision a probe subtask saw (µs since the epoch). */
  static final class LatencyRecorder {
    private long[] emitted = new long[1 << 16];
    private long[] output = new long[1 << 16];
    private int size;

    synchronized void record(long emittedMicros, long outputMicros) {
      if (size == emitted.length) {
        emitted = java.util.Arrays.copyOf(emitted, size * 2);
        output = java.util.Arrays.copyOf(output, size * 2);
      }
      emitted[size] = emittedMicros;
      output[size] = outputMicros;
      size++;
    }

    synchronized int size() {
      return size;
    }

    synchronized long emitted(int i) {
      return emitted[i];
    }

    synchronized long output(int i) {
      return output[i];
    }
  }
}
