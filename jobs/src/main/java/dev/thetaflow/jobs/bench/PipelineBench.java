package dev.thetaflow.jobs.bench;

import dev.thetaflow.core.broker.BrokerEvent;
import dev.thetaflow.core.risk.MarketAssumptions;
import dev.thetaflow.jobs.topology.Control;
import dev.thetaflow.jobs.topology.OrderUpdate;
import dev.thetaflow.jobs.topology.StrategyInput;
import dev.thetaflow.jobs.topology.StrategyOperator;
import dev.thetaflow.jobs.topology.TradingTopology;
import dev.thetaflow.jobs.wire.BrokerEventSerializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * The trading pipeline benchmark: {@link TradingTopology#strategies} on a local MiniCluster with
 * checkpoints on (HashMap backend, file storage, as in production), fed by {@link QuoteReplay}.
 *
 * <p>Throughput: quotes replayed as fast as the pipeline takes them; events/s is measured between
 * the 10% and the 90% mark of the measured quotes (start-up, the entry fills and the warm-up are
 * before the first; the drain after the last), at the source and at the output. The source is
 * back-pressured, so in a steady state both see the same rate. Latency: paced quotes stamped when
 * emitted, timed when their snapshot leaves the strategies operator.
 */
public final class PipelineBench {
  private PipelineBench() {}

  /**
   * @param strategies open strategies
   * @param parallelism of the keyed operators (router, strategies); the replay source is one
   *     subtask
   * @param checkpointInterval as in production
   * @param bufferTimeout network buffer flush interval, null for Flink's default (100 ms)
   * @param seed the market's and the strategies' seed
   * @param objectReuse Flink's object reuse (off in production): chained operators then get the
   *     snapshot itself instead of a deep copy
   */
  public record Setup(
      int strategies,
      int parallelism,
      Duration checkpointInterval,
      Duration bufferTimeout,
      long seed,
      boolean objectReuse) {
    public Setup {
      if (strategies < 1 || parallelism < 1) {
        throw new IllegalArgumentException("strategies and parallelism must be >= 1");
      }
    }
  }

  /**
   * @param quotes measured quotes replayed
   * @param sourceRate quotes/s leaving the source between the 10% and 90% marks
   * @param outputRate quotes/s whose snapshots left the strategies between the same marks
   * @param wallSeconds the whole run, start-up and warm-up included
   * @param legOutputs snapshots caused by option-leg quotes (expected: {@code expectedLegOutputs})
   * @param underlyingOutputs snapshots caused by underlying quotes
   * @param unaccounted measured quotes whose snapshot count was not what their holders make (0 in a
   *     sound run), -1 when not checked
   * @param checkpoints checkpoints started during the run
   * @param cpuMicrosPerQuote CPU time of the whole JVM per quote between the marks: 2 cores / this
   *     is the rate an otherwise idle 2-core machine could reach
   */
  public record Throughput(
      long quotes,
      double sourceRate,
      double outputRate,
      double wallSeconds,
      long legOutputs,
      long expectedLegOutputs,
      long underlyingOutputs,
      long unaccounted,
      int checkpoints,
      String firstUnaccounted,
      double cpuMicrosPerQuote) {}

  /**
   * Latency in µs: over all decisions; over those that overlapped no checkpoint; over those of them
   * emitted after the first {@link #SETTLING} of the measured part (JIT compilation of the hot
   * path).
   */
  public record Latency(
      long quotes,
      int rate,
      Histogram all,
      Histogram outsideCheckpoints,
      Histogram settledOutsideCheckpoints,
      long legOutputs,
      long expectedLegOutputs,
      long underlyingOutputs,
      int checkpoints,
      double checkpointMillisP50,
      double checkpointMillisMax) {}

  /** Replays {@code quotes} measured quotes at full speed. */
  public static Throughput throughput(Setup setup, long quotes) throws Exception {
    BenchUniverse universe =
        BenchUniverse.create(setup.strategies(), setup.seed(), REPLAY_START.minusSeconds(7200));
    String id = "bench-" + UUID.randomUUID();
    BenchRun run = BenchRun.register(id, setup.strategies(), quotes, true);
    try {
      long started = System.nanoTime();
      runJob(
          setup,
          universe,
          run,
          new QuoteReplay(id, universe, REPLAY_START, false, setup.seed()),
          0);
      double seconds = (System.nanoTime() - started) / 1e9;
      long unaccounted = 0;
      String first = null;
      List<BenchUniverse.Instrument> instruments = universe.instruments();
      for (int i = 0; i < quotes; i++) {
        BenchUniverse.Instrument in = instruments.get(i % instruments.size());
        int want = universe.holders(in.conId());
        int got = run.perQuote.get(i);
        // an underlying's tick makes a snapshot only for the strategies whose Greeks were due
        boolean ok = in.isUnderlying() ? got <= want : got == want;
        if (!ok) {
          unaccounted++;
          if (first == null) {
            first =
                "quote "
                    + i
                    + " of "
                    + in.conId()
                    + ": "
                    + got
                    + " snapshots, "
                    + want
                    + " holders";
          }
        }
      }
      double window = quotes * 0.8;
      return new Throughput(
          quotes,
          rate(window, run.emittedAt10, run.emittedAt90),
          rate(window, run.outputAt10, run.outputAt90),
          seconds,
          run.legOutputs.get(),
          run.expectedLegOutputs,
          run.underlyingOutputs.get(),
          unaccounted,
          run.checkpoints().size(),
          first,
          run.cpuAt10 < 0 || run.cpuAt90 < 0
              ? Double.NaN
              : (run.cpuAt90 - run.cpuAt10) / 1e3 / window);
    } finally {
      BenchRun.remove(id);
    }
  }

  /** Replays {@code rate} quotes/s for {@code duration}, stamped when emitted. */
  public static Latency latency(Setup setup, int rate, Duration duration) throws Exception {
    if (rate < 1) {
      throw new IllegalArgumentException("rate must be >= 1, was " + rate);
    }
    long quotes = Math.max(1, rate * duration.toMillis() / 1000);
    BenchUniverse universe = BenchUniverse.create(setup.strategies(), setup.seed(), Instant.now());
    String id = "bench-" + UUID.randomUUID();
    BenchRun run = BenchRun.register(id, setup.strategies(), quotes, false);
    try {
      runJob(setup, universe, run, new QuoteReplay(id, universe, null, true, setup.seed()), rate);
      List<long[]> checkpoints = run.checkpoints();
      Histogram all = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
      Histogram clean = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
      Histogram settled = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
      long settledFrom = BenchRun.micros(run.measuredFrom.plus(SETTLING));
      for (BenchRun.LatencyRecorder r : run.recorders) {
        for (int i = 0; i < r.size(); i++) {
          long emitted = r.emitted(i);
          long output = r.output(i);
          long micros = Math.min(Math.max(0, output - emitted), all.getHighestTrackableValue());
          all.recordValue(micros);
          if (!overlaps(checkpoints, emitted, output)) {
            clean.recordValue(micros);
            if (emitted >= settledFrom) {
              settled.recordValue(micros);
            }
          }
        }
      }
      return new Latency(
          quotes,
          rate,
          all,
          clean,
          settled,
          run.legOutputs.get(),
          run.expectedLegOutputs,
          run.underlyingOutputs.get(),
          checkpoints.size(),
          windowMillis(checkpoints, 0.5),
          windowMillis(checkpoints, 1.0));
    } finally {
      BenchRun.remove(id);
    }
  }

  /** When the replayed market is dated: a fixed instant, so a replay is the same every time. */
  static final Instant REPLAY_START = Instant.parse("2026-06-15T14:30:00Z");

  /** The rate and yields the replay prices options with, so implied volatilities solve. */
  private static final MarketAssumptions MARKET =
      new MarketAssumptions(
          QuoteReplay.RATE,
          Map.of("SPY", QuoteReplay.YIELD, "QQQ", QuoteReplay.YIELD, "IWM", QuoteReplay.YIELD));

  static final Duration SETTLING = Duration.ofSeconds(10);

  private static final Duration STALL_LIMIT = Duration.ofSeconds(60);

  private static void runJob(
      Setup setup, BenchUniverse universe, BenchRun run, QuoteReplay replay, int rate)
      throws Exception {
    List<BenchUniverse.Instrument> instruments = universe.instruments();
    long expected = 0;
    for (long i = 0; i < run.measuredQuotes; i++) {
      BenchUniverse.Instrument in = instruments.get((int) (i % instruments.size()));
      expected += in.isUnderlying() ? 0 : universe.holders(in.conId());
    }
    run.expectedLegOutputs = expected;

    StreamExecutionEnvironment env = environment(setup);

    DataStream<BrokerEvent> broker =
        env.fromSource(
                new DataGeneratorSource<>(
                    replay,
                    Long.MAX_VALUE,
                    rate > 0 ? RateLimiterStrategy.perSecond(rate) : RateLimiterStrategy.noOp(),
                    BrokerEventSerializer.TYPE),
                WatermarkStrategy.noWatermarks(),
                "Quote replay")
            .setParallelism(1)
            .map(new CheckpointMarker(run.id))
            .returns(BrokerEventSerializer.TYPE)
            .name("Checkpoint marks")
            .setParallelism(1);
    DataStream<StrategyInput> opened =
        env.fromData(universe.opens(), TypeInformation.of(StrategyInput.class));
    DataStream<StrategyInput> closes = opened.filter(o -> false).name("No closes");
    // empty streams (an empty collection source fails in Flink 2.3)
    DataStream<Control> controls =
        opened.filter(o -> false).map(o -> (Control) null).returns(Control.class);
    DataStream<OrderUpdate> brokerOrders =
        opened.filter(o -> false).map(o -> (OrderUpdate) null).returns(OrderUpdate.class);
    TradingTopology.strategies(
            broker,
            opened,
            closes,
            controls,
            brokerOrders,
            new StrategyOperator(StrategyOperator.Settings.defaults(MARKET)))
        .snapshots()
        .process(new DecisionProbe(run.id, rate > 0))
        .name("Decision probe")
        .sinkTo(new DiscardingSink<>());

    JobClient job = env.executeAsync("thetaflow pipeline benchmark");
    try {
      long seen = -1;
      long lastProgress = System.nanoTime();
      while (run.legOutputs.get() < expected) {
        JobStatus status = job.getJobStatus().get(10, TimeUnit.SECONDS);
        if (status.isGloballyTerminalState()) {
          job.getJobExecutionResult().get(); // throws the job's failure
          throw new IllegalStateException("the job ended early: " + status);
        }
        long now = run.legOutputs.get() + run.emitted.get() + run.ready.size();
        if (now != seen) {
          seen = now;
          lastProgress = System.nanoTime();
        } else if (System.nanoTime() - lastProgress > STALL_LIMIT.toNanos()) {
          throw new IllegalStateException(
              String.format(
                  "no progress for %s: %d of %d strategies ready, %d of %d quotes emitted, %d of"
                      + " %d leg snapshots",
                  STALL_LIMIT,
                  run.ready.size(),
                  run.strategies,
                  run.emitted.get(),
                  run.measuredQuotes,
                  run.legOutputs.get(),
                  expected));
        }
        Thread.sleep(20);
      }
      Thread.sleep(200); // stragglers: a surplus would show as unaccounted
    } finally {
      job.cancel().get(60, TimeUnit.SECONDS);
    }
  }

  private static double rate(double events, long fromNanos, long toNanos) {
    return fromNanos < 0 || toNanos <= fromNanos
        ? Double.NaN
        : events / ((toNanos - fromNanos) / 1e9);
  }

  /** A quantile of how long checkpoints took, trigger at the source to its completion notice. */
  static double windowMillis(List<long[]> checkpoints, double q) {
    long[] ms =
        checkpoints.stream().filter(c -> c[2] >= 0).mapToLong(c -> c[2] - c[1]).sorted().toArray();
    if (ms.length == 0) {
      return Double.NaN;
    }
    return ms[Math.max(0, (int) Math.ceil(q * ms.length) - 1)] / 1000.0;
  }

  static boolean overlaps(List<long[]> checkpoints, long emitted, long output) {
    for (long[] c : checkpoints) {
      long end = c[2] < 0 ? Long.MAX_VALUE : c[2];
      if (emitted <= end && output >= c[1]) {
        return true;
      }
    }
    return false;
  }

  /**
   * The benchmarks' local MiniCluster as the job runs: heap state, file checkpoints in a temporary
   * directory every {@code checkpointInterval}, object reuse and the buffer timeout as set up
   * (null: Flink's default).
   */
  static StreamExecutionEnvironment environment(Setup setup) throws java.io.IOException {
    Path checkpoints = Files.createTempDirectory("thetaflow-bench-checkpoints");
    Configuration conf = new Configuration();
    conf.set(StateBackendOptions.STATE_BACKEND, "hashmap");
    conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
    conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.createLocalEnvironment(setup.parallelism(), conf);
    env.enableCheckpointing(setup.checkpointInterval().toMillis());
    if (setup.objectReuse()) {
      env.getConfig().enableObjectReuse();
    }
    if (setup.bufferTimeout() != null) {
      env.setBufferTimeout(setup.bufferTimeout().toMillis());
    }
    return env;
  }
}
