package dev.thetaflow.jobs.cli;

import dev.thetaflow.core.command.Command;
import dev.thetaflow.core.command.CommandAction;
import dev.thetaflow.core.command.StrategySpec;
import dev.thetaflow.core.strategy.StrategyState;
import dev.thetaflow.ib.client.ConnectionOptions;
import dev.thetaflow.ib.source.IbSourceSettings;
import dev.thetaflow.ib.source.StreamedInstrument;
import dev.thetaflow.jobs.commands.CommandsTable;
import dev.thetaflow.jobs.topology.DecisionSettings;
import dev.thetaflow.jobs.topology.StrategyOperator;
import dev.thetaflow.jobs.topology.StrategySnapshot;
import dev.thetaflow.jobs.topology.TradingTopology;
import dev.thetaflow.sim.market.MarketSpec;
import dev.thetaflow.sim.market.SimMarket;
import dev.thetaflow.sim.scenario.Fault;
import dev.thetaflow.sim.scenario.PathEvent;
import dev.thetaflow.sim.scenario.Scenario;
import dev.thetaflow.sim.server.IbSim;
import dev.thetaflow.sinks.delta.DeltaReader;
import dev.thetaflow.sinks.delta.DeltaTables;
import dev.thetaflow.sinks.tables.Tables;
import dev.thetaflow.sinks.tail.StartingPosition;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * A scenario run: ib-sim and the trading job on a local MiniCluster, the listed strategies opened
 * by command at the start, the scenario played once they are all OPEN, the decisions table read
 * back. What {@code tradectl sim --scenario} does and what the scenario tests drive.
 *
 * <p>The scenario's times count from the moment every listed strategy is OPEN (or {@code
 * openTimeout} passed), not from the simulator's start: entering takes a few seconds of wall time,
 * which at a high simulated speed would be minutes of market, and a gap meant for an open position
 * must not hit before it is open. Events and faults are applied on the simulator's event loop when
 * its clock reaches them.
 */
public final class ScenarioRun {
  private static final Duration POLL = Duration.ofMillis(20);
  private static final Duration DECISIONS_POLL = Duration.ofMillis(250);

  /**
   * What to run.
   *
   * @param scenario the market path and faults, timed from when the strategies are open
   * @param strategies opened at the start
   * @param decisions the rules and their confirmations
   * @param market what the simulator lists
   * @param marketStart the simulated start (a session's open, for prices that move at once)
   * @param seed the market's seed
   * @param speed simulated seconds per wall second
   * @param dataRoot where the Delta tables are (created when missing)
   * @param maxContractsPerOrder the risk gate's limit
   * @param checkpointInterval the job's checkpoints (tables commit with them)
   * @param openTimeout the scenario starts after this wall time even if a strategy is not OPEN
   */
  public record Plan(
      Scenario scenario,
      List<StrategySpec> strategies,
      DecisionSettings decisions,
      MarketSpec market,
      Instant marketStart,
      long seed,
      double speed,
      String dataRoot,
      int maxContractsPerOrder,
      Duration checkpointInterval,
      Duration openTimeout) {
    public Plan {
      strategies = List.copyOf(strategies);
    }
  }

  /**
   * What came of it.
   *
   * @param decisions this run's rows of the decisions table, in event-time order
   * @param last each strategy's last snapshot
   * @param scenarioStarted the simulated time the scenario's clock started, null if it never did
   * @param snapshots every snapshot seen, in order (for tests that look at the path)
   */
  public record Result(
      List<DecisionLog.Row> decisions,
      Map<String, StrategySnapshot> last,
      Instant scenarioStarted,
      List<StrategySnapshot> snapshots) {}

  private ScenarioRun() {}

  /**
   * Runs {@code plan} until {@code done} holds for the decisions committed so far, or {@code
   * wallLimit} has passed; state changes and scenario steps are printed to {@code out}.
   */
  public static Result run(
      Plan plan, Duration wallLimit, Predicate<List<DecisionLog.Row>> done, PrintWriter out)
      throws Exception {
    long deadline = System.nanoTime() + wallLimit.toNanos();
    DeltaTables tables = DeltaTables.withDefaultEngine();
    DeltaReader reader = new DeltaReader(tables.engine());
    String root = plan.dataRoot();
    Tables.createMissing(tables, Path.of(root));
    String lineage = "scenario-" + System.currentTimeMillis();
    Long firstCommand = null;
    for (StrategySpec spec : plan.strategies()) {
      var version =
          CommandsTable.append(
              tables,
              root,
              new Command(
                  lineage + "-open-" + spec.strategyId(),
                  Instant.now(),
                  "tradectl sim --scenario",
                  new CommandAction.OpenStrategy(spec)));
      if (firstCommand == null && version.isPresent()) {
        firstCommand = version.get();
      }
    }
    SimMarket market = SimMarket.create(plan.market(), plan.seed(), plan.marketStart());
    IbSim.Options defaults = IbSim.Options.defaults(0, plan.speed(), plan.seed());
    IbSim.Options options =
        new IbSim.Options(
            0,
            plan.speed(),
            1,
            defaults.marketDataLines(),
            defaults.account(),
            defaults.startingCash(),
            Duration.ofMillis(50));
    // the scenario's path is played from here, once the strategies are open: the sim itself runs
    // quiet but for the scenario's dividends, which it sends when a stock is subscribed
    Scenario quiet = Scenario.quiet();
    Scenario simScenario =
        new Scenario(quiet.name(), quiet.events(), quiet.faults(), plan.scenario().dividends());
    try (IbSim sim = IbSim.start(options, market, simScenario)) {
      out.printf(
          "ib-sim on 127.0.0.1:%d (speed %sx), scenario %s: %d events, %d faults; data %s%n",
          sim.port(),
          plan.speed(),
          plan.scenario().name(),
          plan.scenario().events().size(),
          plan.scenario().faults().size(),
          root);
      out.flush();
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(1);
      env.enableCheckpointing(plan.checkpointInterval().toMillis());
      TradingTopology.Settings settings =
          settings(plan, sim, lineage, firstCommand == null ? 0 : firstCommand);
      Map<String, StrategySnapshot> last = new ConcurrentHashMap<>();
      List<StrategySnapshot> seen = java.util.Collections.synchronizedList(new ArrayList<>());
      CloseableIterator<StrategySnapshot> snapshots =
          TradingTopology.build(env, settings).collectAsync();
      JobClient job = env.executeAsync("thetaflow scenario");
      try (snapshots) {
        // the collect sink blocks when nobody reads: drain it on its own thread
        Thread drain =
            new Thread(
                () -> {
                  try {
                    while (snapshots.hasNext()) {
                      StrategySnapshot s = snapshots.next();
                      seen.add(s);
                      StrategySnapshot before = last.put(s.strategyId(), s);
                      if (before == null || before.state() != s.state()) {
                        synchronized (out) {
                          out.printf("%s  %s -> %s%n", s.time(), s.strategyId(), s.state());
                          out.flush();
                        }
                      }
                    }
                  } catch (RuntimeException e) {
                    // the job ended or was cancelled as the run closed
                  }
                },
                "scenario-snapshots");
        drain.setDaemon(true);
        drain.start();
        Instant started = awaitOpen(plan, last, deadline, out);
        Instant t0 = started == null ? null : sim.call(market::now);
        List<DecisionLog.Row> decisions =
            play(plan.scenario(), sim, market, t0, reader, root, lineage, deadline, done, out);
        if (!done.test(decisions)) {
          // what was decided since the last checkpoint commits with the next one
          Thread.sleep(Math.min(plan.checkpointInterval().toMillis() * 2 + 500, 15_000));
          decisions = decisions(reader, root, lineage);
        } else {
          // the tables said done at a checkpoint; the collected snapshots are released by the same
          // checkpoint but reach this client by polling: give them an interval to catch up
          Thread.sleep(Math.min(plan.checkpointInterval().toMillis() + 1_000, 15_000));
        }
        return new Result(decisions, Map.copyOf(last), t0, List.copyOf(seen));
      } finally {
        JobRuns.stop(job);
      }
    }
  }

  /** The job's settings: the strategies' underlyings and VIX streamed, commands from ours on. */
  private static TradingTopology.Settings settings(
      Plan plan, IbSim sim, String lineage, long firstCommand) {
    Set<String> underlyings = new LinkedHashSet<>();
    for (StrategySpec s : plan.strategies()) {
      underlyings.add(s.underlying());
    }
    if (underlyings.isEmpty()) {
      underlyings.add("SPY");
    }
    List<StreamedInstrument> streamed = new ArrayList<>();
    underlyings.forEach(u -> streamed.add(StreamedInstrument.stock(u)));
    streamed.add(StreamedInstrument.vix());
    return new TradingTopology.Settings(
        new IbSourceSettings(
            ConnectionOptions.local(sim.port(), 1),
            streamed,
            "America/New_York",
            Duration.ofMinutes(10)),
        ConnectionOptions.local(sim.port(), 3),
        ConnectionOptions.local(sim.port(), 5),
        sim.account(),
        plan.dataRoot(),
        StartingPosition.atVersion(firstCommand),
        lineage,
        StrategyOperator.Settings.defaults(plan.market().assumptions()),
        plan.maxContractsPerOrder(),
        plan.decisions());
  }

  /** Waits until every listed strategy is OPEN; returns the wall time, or null at the deadline. */
  private static Instant awaitOpen(
      Plan plan, Map<String, StrategySnapshot> last, long deadline, PrintWriter out)
      throws InterruptedException {
    long openBy = System.nanoTime() + plan.openTimeout().toNanos();
    while (System.nanoTime() < deadline) {
      boolean all =
          plan.strategies().stream()
              .allMatch(
                  s -> {
                    StrategySnapshot snap = last.get(s.strategyId());
                    return snap != null && snap.state() == StrategyState.OPEN;
                  });
      if (all || System.nanoTime() >= openBy) {
        if (!all) {
          synchronized (out) {
            out.printf(
                "not every strategy is OPEN after %s; the scenario starts anyway%n",
                plan.openTimeout());
          }
        }
        return Instant.now();
      }
      Thread.sleep(POLL.toMillis());
    }
    return null;
  }

  /**
   * Applies the scenario's events and faults at their simulated times after {@code t0}, polling the
   * decisions meanwhile; returns the decisions when {@code done} holds, the deadline passed, or
   * (with nothing left to play) either of those.
   */
  private static List<DecisionLog.Row> play(
      Scenario scenario,
      IbSim sim,
      SimMarket market,
      Instant t0,
      DeltaReader reader,
      String root,
      String lineage,
      long deadline,
      Predicate<List<DecisionLog.Row>> done,
      PrintWriter out)
      throws InterruptedException {
    List<Object> steps = new ArrayList<>();
    if (t0 != null) {
      List<PathEvent> events = new ArrayList<>(scenario.events());
      List<Fault> faults = new ArrayList<>(scenario.faults());
      // merge by time; at equal times events first, as ib-sim does
      while (!events.isEmpty() || !faults.isEmpty()) {
        if (faults.isEmpty()
            || (!events.isEmpty() && events.get(0).at().compareTo(faults.get(0).at()) <= 0)) {
          steps.add(events.remove(0));
        } else {
          steps.add(faults.remove(0));
        }
      }
    }
    List<DecisionLog.Row> decisions = List.of();
    long nextRead = 0;
    while (System.nanoTime() < deadline) {
      if (!steps.isEmpty()) {
        Object step = steps.get(0);
        Duration at = step instanceof PathEvent e ? e.at() : ((Fault) step).at();
        Instant simNow = sim.call(market::now);
        if (!simNow.isBefore(t0.plus(at))) {
          steps.remove(0);
          if (step instanceof PathEvent e) {
            sim.call(
                () -> {
                  market.apply(e);
                  return null;
                });
          } else {
            sim.inject((Fault) step);
          }
          synchronized (out) {
            out.printf("%s  scenario: %s%n", simNow, describe(step));
            out.flush();
          }
          continue;
        }
      }
      if (System.nanoTime() >= nextRead) {
        nextRead = System.nanoTime() + DECISIONS_POLL.toNanos();
        decisions = decisions(reader, root, lineage);
        if (done.test(decisions)) {
          return decisions;
        }
      }
      Thread.sleep(POLL.toMillis());
    }
    return decisions(reader, root, lineage);
  }

  private static List<DecisionLog.Row> decisions(DeltaReader reader, String root, String lineage) {
    List<DecisionLog.Row> mine = new ArrayList<>();
    for (DecisionLog.Row r : DecisionLog.read(reader, root)) {
      if (lineage.equals(r.jobId())) {
        mine.add(r);
      }
    }
    return mine;
  }

  private static String describe(Object step) {
    if (step instanceof PathEvent e) {
      String what =
          switch (e.kind()) {
            case DRIFT -> "drift " + e.value();
            case VOLATILITY -> "volatility " + e.value();
            case GAP -> String.format(java.util.Locale.ROOT, "gap %+.2f%%", 100 * e.value());
            case VIX -> "VIX " + e.value();
          };
      return (e.underlying() == null ? "" : e.underlying() + " ") + what;
    }
    Fault f = (Fault) step;
    return "fault " + f.kind() + (f.duration().isZero() ? "" : " for " + f.duration());
  }

  /** Each strategy's last snapshot, in the order the strategies were listed. */
  static Map<String, StrategySnapshot> inOrder(Plan plan, Map<String, StrategySnapshot> last) {
    Map<String, StrategySnapshot> out = new LinkedHashMap<>();
    for (StrategySpec s : plan.strategies()) {
      StrategySnapshot snap = last.get(s.strategyId());
      if (snap != null) {
        out.put(s.strategyId(), snap);
      }
    }
    return out;
  }
}
