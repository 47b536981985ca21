package dev.thetaflow.jobs.bench;

import dev.thetaflow.core.broker.BrokerEvent;
import dev.thetaflow.core.risk.MarketAssumptions;
import dev.thetaflow.core.rules.RuleBook;
import dev.thetaflow.core.rules.RuleBookFactory;
import dev.thetaflow.core.rules.TakeProfitRule;
import dev.thetaflow.jobs.decision.Confirmations;
import dev.thetaflow.jobs.topology.Control;
import dev.thetaflow.jobs.topology.DecisionSettings;
import dev.thetaflow.jobs.topology.OrderUpdate;
import dev.thetaflow.jobs.topology.StrategyInput;
import dev.thetaflow.jobs.topology.StrategyOperator;
import dev.thetaflow.jobs.topology.StrategySnapshot;
import dev.thetaflow.jobs.topology.TradingTopology;
import dev.thetaflow.jobs.wire.BrokerEventSerializer;
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
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Quote to decision: the strategies operator with a take-profit rule book and the decision executor
 * ({@link TradingTopology#strategies} then {@link TradingTopology#decisions}) on a local
 * MiniCluster, checkpoints on, fed steady paced quotes by {@link BreachReplay}. At random moments a
 * quote breaches one condor's take profit; the time from that quote's emission at the source to the
 * executor's SENT event for that condor is measured (same JVM, {@code System.nanoTime}). Each
 * condor is re-armed after a breach by the broker reporting the exit cancelled (OPEN again, its
 * executor free to send the next exit) and its leg quoted back, so the same executor path sends
 * every time (see {@link BreachLedger}).
 */
public final class DecisionBench {
  private DecisionBench() {}

  /**
   * @param pipeline strategies (condors), parallelism, checkpoints, buffer timeout, seed, reuse
   * @param rate steady quotes/s (breaches included)
   * @param breachRate breaches planted per second, on average
   * @param breaches measured breaches to collect
   * @param warmUp breaches planted in this first part of the steady replay are not measured
   * @param takeProfit the take profit's share of the credit
   * @param greeksInterval the strategies operator's Greeks refresh (1 s in production): each
   *     refresh an underlying's tick brings solves every leg of each of its strategies
   */
  public record Setup(
      PipelineBench.Setup pipeline,
      int rate,
      double breachRate,
      int breaches,
      Duration warmUp,
      double takeProfit,
      Duration greeksInterval) {
    public Setup {
      if (rate < 1 || !(breachRate > 0) || breachRate >= rate || breaches < 1) {
        throw new IllegalArgumentException(
            "need rate >= 1, 0 < breach rate < rate and breaches >= 1; were "
                + rate
                + ", "
                + breachRate
                + ", "
                + breaches);
      }
    }
  }

  /**
   * Quote-to-decision latency in µs over the measured breaches, and over those that overlapped no
   * checkpoint.
   *
   * @param planted breaches planted, warm-up included
   * @param found of them, answered by a SENT take profit for their condor
   * @param unplanned executor events no breach explains (0 in a sound run)
   * @param unanswered breaches without a decision after a second, when the last was measured
   * @param checkpoints checkpoints whose barrier left the source while breaches were measured
   */
  public record Result(
      int strategies,
      int rate,
      long planted,
      long found,
      Histogram all,
      Histogram outsideCheckpoints,
      long unplanned,
      String firstUnplanned,
      long unanswered,
      int checkpoints,
      double checkpointMillisP50,
      double checkpointMillisMax,
      double measuredSeconds) {}

  private static final MarketAssumptions MARKET =
      new MarketAssumptions(
          QuoteReplay.RATE,
          Map.of("SPY", QuoteReplay.YIELD, "QQQ", QuoteReplay.YIELD, "IWM", QuoteReplay.YIELD));

  private static final int MAX_CONTRACTS = 10_000;
  private static final Duration STALL_LIMIT = Duration.ofSeconds(60);

  public static Result run(Setup setup) throws Exception {
    PipelineBench.Setup p = setup.pipeline();
    DecisionUniverse universe =
        DecisionUniverse.create(p.strategies(), p.seed(), Instant.now(), setup.takeProfit());
    String id = "decisions-" + UUID.randomUUID();
    BenchRun run = BenchRun.register(id, p.strategies(), 0, false);
    BreachLedger ledger = BreachLedger.register(id, universe);
    try {
      long unanswered = runJob(setup, universe, id, run, ledger);
      List<long[]> checkpoints = run.checkpoints();
      Histogram all = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
      Histogram clean = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
      long from = Long.MAX_VALUE;
      long to = Long.MIN_VALUE;
      for (long[] s : ledger.samples()) {
        long micros = Math.min(Math.max(1, s[2] / 1_000), all.getHighestTrackableValue());
        all.recordValue(micros);
        if (!PipelineBench.overlaps(checkpoints, s[0], s[1])) {
          clean.recordValue(micros);
        }
        from = Math.min(from, s[0]);
        to = Math.max(to, s[1]);
      }
      final long first = from;
      final long last = to;
      List<long[]> during =
          checkpoints.stream().filter(c -> c[1] >= first && c[1] <= last).toList();
      return new Result(
          p.strategies(),
          setup.rate(),
          ledger.planted.get(),
          ledger.found.get(),
          all,
          clean,
          ledger.unplanned.get(),
          ledger.firstUnplanned,
          unanswered,
          during.size(),
          PipelineBench.windowMillis(during, 0.5),
          PipelineBench.windowMillis(during, 1.0),
          last > first ? (last - first) / 1e6 : 0);
    } finally {
      BenchRun.remove(id);
      BreachLedger.remove(id);
    }
  }

  private static StrategyOperator.Settings operatorSettings(Setup setup) {
    StrategyOperator.Settings d = StrategyOperator.Settings.defaults(MARKET);
    return new StrategyOperator.Settings(
        d.maxRelativeSpread(),
        d.maxMarkAge(),
        setup.greeksInterval(),
        d.greeksSpotMove(),
        d.recordInterval(),
        d.market());
  }

  /** The rule book: take profit alone, for every strategy type. */
  static RuleBookFactory takeProfit(double share) {
    return () ->
        RuleBook.same(List.of(new TakeProfitRule(new TakeProfitRule.Thresholds(share, 1))));
  }

  /** Runs the job until enough breaches were measured; returns how many went unanswered. */
  private static long runJob(
      Setup setup, DecisionUniverse universe, String id, BenchRun run, BreachLedger ledger)
      throws Exception {
    PipelineBench.Setup p = setup.pipeline();
    StreamExecutionEnvironment env = PipelineBench.environment(p);
    if (p.bufferTimeout() == null) {
      env.setBufferTimeout(0); // a decision's latency is the point: flush at once
    }

    DataStream<BrokerEvent> broker =
        env.fromSource(
                new DataGeneratorSource<>(
                    new BreachReplay(
                        id, setup.breachRate() / setup.rate(), setup.warmUp(), p.seed()),
                    Long.MAX_VALUE,
                    RateLimiterStrategy.perSecond(setup.rate()),
                    BrokerEventSerializer.TYPE),
                WatermarkStrategy.noWatermarks(),
                "Quote replay with breaches")
            .setParallelism(1)
            .map(new CheckpointMarker(id))
            .returns(BrokerEventSerializer.TYPE)
            .name("Checkpoint marks")
            .setParallelism(1);
    DataStream<OrderUpdate> brokerOrders =
        env.fromSource(
                new DataGeneratorSource<>(
                    new BrokerReports(id),
                    Long.MAX_VALUE,
                    RateLimiterStrategy.noOp(),
                    TypeInformation.of(OrderUpdate.class)),
                WatermarkStrategy.noWatermarks(),
                "Broker reports")
            .setParallelism(1)
            .filter(BrokerReports::isReport)
            .name("Reports only")
            .setParallelism(1)
            // one strategy's reports stay in order: the topology maps them at the job's
            // parallelism, which from one source subtask would be round robin (the order tracker
            // in front of it in production is keyed)
            .keyBy(OrderUpdate::strategyId)
            .map(u -> u)
            .returns(OrderUpdate.class)
            .name("Reports by strategy");
    DataStream<StrategyInput> opened =
        env.fromData(universe.opens(), TypeInformation.of(StrategyInput.class));
    // empty streams (an empty collection source fails in Flink 2.3)
    DataStream<StrategyInput> closes = opened.filter(o -> false).name("No closes");
    DataStream<Control> controls =
        opened.filter(o -> false).map(o -> (Control) null).returns(Control.class);
    RuleBookFactory rules = takeProfit(setup.takeProfit());
    DecisionSettings decisions =
        new DecisionSettings(rules, 0.8, Confirmations.DEFAULTS, null, 0, null);
    SingleOutputStreamOperator<StrategySnapshot> strategies =
        TradingTopology.strategies(
                broker,
                opened,
                closes,
                controls,
                brokerOrders,
                new StrategyOperator(operatorSettings(setup), MAX_CONTRACTS, rules, 0.8))
            .snapshots();
    strategies.process(new RearmProbe(id)).name("Re-arm probe").sinkTo(new DiscardingSink<>());
    TradingTopology.decisions(strategies, controls, null, MAX_CONTRACTS, decisions)
        .process(new BreachProbe(id))
        .name("Breach probe")
        .sinkTo(new DiscardingSink<>());

    JobClient job = env.executeAsync("thetaflow quote-to-decision benchmark");
    try {
      long seen = -1;
      long lastProgress = System.nanoTime();
      while (ledger.foundMeasured.get() < setup.breaches()) {
        JobStatus status = job.getJobStatus().get(10, TimeUnit.SECONDS);
        if (status.isGloballyTerminalState()) {
          job.getJobExecutionResult().get(); // throws the job's failure
          throw new IllegalStateException("the job ended early: " + status);
        }
        long now = ledger.found.get() + ledger.planted.get() + run.ready.size();
        if (now != seen) {
          seen = now;
          lastProgress = System.nanoTime();
        } else if (System.nanoTime() - lastProgress > STALL_LIMIT.toNanos()) {
          throw new IllegalStateException(stall(run, ledger));
        }
        Thread.sleep(20);
      }
      Thread.sleep(1_200);
      // before cancelling, which takes a while: a breach without its decision after a second is
      // lost
      return ledger.unanswered(TimeUnit.SECONDS.toNanos(1));
    } finally {
      job.cancel().get(60, TimeUnit.SECONDS);
    }
  }

  private static String stall(BenchRun run, BreachLedger ledger) {
    int[] phases = new int[6];
    for (int i = 0; i < ledger.phase.length(); i++) {
      phases[ledger.phase.get(i)]++;
    }
    return String.format(
        "no progress for %s: %d of %d condors ready, %d breaches planted, %d found; condors by"
            + " phase (armed, breached, sent, closing, reopened, restoring): %s",
        STALL_LIMIT,
        run.ready.size(),
        run.strategies,
        ledger.planted.get(),
        ledger.found.get(),
        java.util.Arrays.toString(phases));
  }
}
