package dev.thetaflow.jobs.cli;

import dev.thetaflow.core.config.Durations;
import dev.thetaflow.jobs.bench.BenchUniverse;
import dev.thetaflow.jobs.bench.DecisionBench;
import dev.thetaflow.jobs.bench.PipelineBench;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tradectl bench}: benchmarks of the running system. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks.",
    subcommands = {BenchCommand.Pipeline.class, BenchCommand.Decisions.class})
final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  enum Mode {
    THROUGHPUT,
    LATENCY,
    BOTH
  }

  /** {@code tradectl bench pipeline}: the strategies' keyed core on a local MiniCluster. */
  @Command(
      name = "pipeline",
      mixinStandardHelpOptions = true,
      description = {
        "Quotes through leg routing and the strategies operator on a local MiniCluster,",
        "checkpoints on: events/s at full speed, and tick-to-decision latency when paced."
      })
  static final class Pipeline implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--strategies",
        defaultValue = "1000",
        description = "Open strategies (${DEFAULT-VALUE}).")
    int strategies;

    @Option(
        names = "--events",
        defaultValue = "4000000",
        description =
            "Quotes replayed at full speed (${DEFAULT-VALUE}); the rate is taken between the 10%"
                + " and the 90% mark, and the JIT needs the first few hundred thousand.")
    long events;

    @Option(
        names = "--rate",
        defaultValue = "10000",
        description = "Quotes/s when measuring latency (${DEFAULT-VALUE}).")
    int rate;

    @Option(
        names = "--duration",
        defaultValue = "60s",
        description = "How long latency is measured (${DEFAULT-VALUE}).")
    String duration;

    @Option(
        names = "--mode",
        defaultValue = "both",
        description = "throughput, latency or both (${DEFAULT-VALUE}).")
    Mode mode;

    @Option(
        names = "--parallelism",
        defaultValue = "2",
        description = "Router and strategies subtasks (${DEFAULT-VALUE}).")
    int parallelism;

    @Option(
        names = "--checkpoint-interval",
        defaultValue = "10s",
        description = "(${DEFAULT-VALUE})")
    String checkpointInterval;

    @Option(
        names = "--buffer-timeout",
        description =
            "Network buffer flush interval; default: Flink's (100ms) at full speed, 0ms paced.")
    String bufferTimeout;

    @Option(
        names = "--object-reuse",
        negatable = true,
        defaultValue = "true",
        fallbackValue = "true",
        description = "Flink's object reuse (on, as the trading job runs; --no-object-reuse).")
    boolean objectReuse;

    @Option(names = "--seed", defaultValue = "7", description = "(${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      Duration runFor;
      Duration interval;
      Duration flush;
      try {
        runFor = Durations.parse(duration);
        interval = Durations.parse(checkpointInterval);
        flush = bufferTimeout == null ? null : Durations.parse(bufferTimeout);
        if (events < 10 || rate < 1) {
          throw new IllegalArgumentException("--events must be >= 10 and --rate >= 1");
        }
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println("tradectl bench pipeline: " + e.getMessage());
        return 2;
      }
      out.printf(
          "machine: %d cores, %s %s, max heap %d MB%n",
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.vm.name"),
          System.getProperty("java.version"),
          Runtime.getRuntime().maxMemory() >> 20);
      BenchUniverse market = BenchUniverse.create(strategies, seed, Instant.now());
      out.printf(
          "market: %d strategies on 3 ETFs, %d options, %d legs: an option quote goes to %.1f"
              + " strategies, an underlying's to %.0f%n",
          market.strategies(),
          market.options(),
          market.legSlots(),
          market.legSlots() / (double) market.options(),
          market.strategies() / 3.0);
      int failures = 0;
      if (mode != Mode.LATENCY) {
        PipelineBench.Setup setup =
            new PipelineBench.Setup(strategies, parallelism, interval, flush, seed, objectReuse);
        PipelineBench.Throughput t = PipelineBench.throughput(setup, events);
        out.printf(
            "throughput: %d strategies, parallelism %d, %d quotes at full speed%n",
            strategies, parallelism, t.quotes());
        out.printf(
            "  events/s (10%%..90%%): %,.0f at the source, %,.0f at the output; %.1f s in all%n",
            t.sourceRate(), t.outputRate(), t.wallSeconds());
        out.printf(
            "  CPU per quote (whole JVM, 10%%..90%%): %.1f µs, i.e. %,.0f quotes/s on 2 idle cores%n",
            t.cpuMicrosPerQuote(), 2e6 / t.cpuMicrosPerQuote());
        out.printf(
            "  snapshots: %,d from legs (expected %,d), %,d from underlyings; %d checkpoints%n",
            t.legOutputs(), t.expectedLegOutputs(), t.underlyingOutputs(), t.checkpoints());
        out.printf(
            "  unaccounted quotes: %d%s%n",
            t.unaccounted(), t.firstUnaccounted() == null ? "" : " (" + t.firstUnaccounted() + ")");
        out.flush();
        failures += t.unaccounted() == 0 && t.legOutputs() == t.expectedLegOutputs() ? 0 : 1;
      }
      if (mode != Mode.THROUGHPUT) {
        PipelineBench.Setup setup =
            new PipelineBench.Setup(
                strategies,
                parallelism,
                interval,
                flush == null ? Duration.ZERO : flush,
                seed,
                objectReuse);
        PipelineBench.Latency l = PipelineBench.latency(setup, rate, runFor);
        out.printf(
            "latency: %d strategies, parallelism %d, %,d quotes/s for %s (%,d quotes)%n",
            strategies, parallelism, l.rate(), runFor, l.quotes());
        out.println("  tick-to-decision      p50      p99    p99.9      max   decisions");
        out.println("  all              " + row(l.all()));
        out.println("  outside ckpts    " + row(l.outsideCheckpoints()));
        out.println("   and after 10 s  " + row(l.settledOutsideCheckpoints()));
        out.printf(
            "  snapshots: %,d from legs (expected %,d), %,d from underlyings; %d checkpoints"
                + " (trigger to completion p50 %.0f ms, max %.0f ms)%n",
            l.legOutputs(),
            l.expectedLegOutputs(),
            l.underlyingOutputs(),
            l.checkpoints(),
            l.checkpointMillisP50(),
            l.checkpointMillisMax());
        out.flush();
        failures += l.legOutputs() == l.expectedLegOutputs() ? 0 : 1;
      }
      return failures == 0 ? 0 : 1;
    }

    static String row(Histogram h) {
      return String.format(
          "%6.2fms %6.2fms %6.2fms %6.2fms %,11d",
          h.getValueAtPercentile(50) / 1000.0,
          h.getValueAtPercentile(99) / 1000.0,
          h.getValueAtPercentile(99.9) / 1000.0,
          h.getMaxValue() / 1000.0,
          h.getTotalCount());
    }
  }

  /** {@code tradectl bench decisions}: from a quote that breaches a take profit to the order. */
  @Command(
      name = "decisions",
      mixinStandardHelpOptions = true,
      description = {
        "Iron condors with a take-profit rule and the decision executor on a",
        "local MiniCluster, checkpoints on, steady paced quotes. At random moments",
        "a quote lifts one condor past its take profit: the time from that quote",
        "leaving the source to the executor's SENT event for it. A condor is",
        "re-armed by the broker reporting the exit cancelled and its leg quoted back."
      })
  static final class Decisions implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--strategies",
        defaultValue = "1000",
        description = "Open iron condors (${DEFAULT-VALUE}).")
    int strategies;

    @Option(
        names = "--rate",
        defaultValue = "1000",
        description = "Quotes/s, breaches included (${DEFAULT-VALUE}).")
    int rate;

    @Option(
        names = "--breach-rate",
        defaultValue = "20",
        description = "Breaches/s on average (${DEFAULT-VALUE}).")
    double breachRate;

    @Option(
        names = "--breaches",
        defaultValue = "1000",
        description = "Breaches measured after the warm-up (${DEFAULT-VALUE}).")
    int breaches;

    @Option(
        names = "--warm-up",
        defaultValue = "10s",
        description =
            "Breaches this early in the steady replay are not measured (${DEFAULT-VALUE}).")
    String warmUp;

    @Option(
        names = "--take-profit",
        defaultValue = "0.5",
        description = "The take profit's share of the credit (${DEFAULT-VALUE}).")
    double takeProfit;

    @Option(
        names = "--greeks-interval",
        defaultValue = "1s",
        description = "Legs' Greeks refresh, as in production (${DEFAULT-VALUE}).")
    String greeksInterval;

    @Option(
        names = "--parallelism",
        defaultValue = "2",
        description = "Keyed operators' subtasks (${DEFAULT-VALUE}).")
    int parallelism;

    @Option(
        names = "--checkpoint-interval",
        defaultValue = "10s",
        description = "(${DEFAULT-VALUE})")
    String checkpointInterval;

    @Option(
        names = "--buffer-timeout",
        defaultValue = "0ms",
        description = "Network buffer flush interval (${DEFAULT-VALUE}).")
    String bufferTimeout;

    @Option(
        names = "--object-reuse",
        negatable = true,
        defaultValue = "true",
        fallbackValue = "true",
        description = "Flink's object reuse (on, as the trading job runs; --no-object-reuse).")
    boolean objectReuse;

    @Option(names = "--seed", defaultValue = "7", description = "(${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      DecisionBench.Setup setup;
      try {
        setup =
            new DecisionBench.Setup(
                new PipelineBench.Setup(
                    strategies,
                    parallelism,
                    Durations.parse(checkpointInterval),
                    Durations.parse(bufferTimeout),
                    seed,
                    objectReuse),
                rate,
                breachRate,
                breaches,
                Durations.parse(warmUp),
                takeProfit,
                Durations.parse(greeksInterval));
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println("tradectl bench decisions: " + e.getMessage());
        return 2;
      }
      out.printf(
          "machine: %d cores, %s %s, max heap %d MB%n",
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.vm.name"),
          System.getProperty("java.version"),
          Runtime.getRuntime().maxMemory() >> 20);
      DecisionBench.Result r = DecisionBench.run(setup);
      out.printf(
          "quote to decision: %d iron condors (4 own options each), parallelism %d, %,d quotes/s,"
              + " %.0f breaches/s, take profit %.0f%% of the credit%n",
          r.strategies(), parallelism, r.rate(), breachRate, takeProfit * 100);
      out.println("  breach to SENT        p50      p99    p99.9      max    breaches");
      out.println("  after warm-up    " + Pipeline.row(r.all()));
      out.println("  outside ckpts    " + Pipeline.row(r.outsideCheckpoints()));
      out.printf(
          "  %,d breaches planted, %,d found SENT (warm-up included); %d unanswered, %d unplanned"
              + " executor events%s%n",
          r.planted(),
          r.found(),
          r.unanswered(),
          r.unplanned(),
          r.firstUnplanned() == null ? "" : " (first: " + r.firstUnplanned() + ")");
      out.printf(
          "  measured over %.1f s; %d checkpoints in that window (trigger to completion p50 %.0f"
              + " ms, max %.0f ms)%n",
          r.measuredSeconds(), r.checkpoints(), r.checkpointMillisP50(), r.checkpointMillisMax());
      out.flush();
      return r.unanswered() == 0 && r.unplanned() == 0 ? 0 : 1;
    }
  }
}
