package dev.thetaflow.jobs.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.core.command.CommandAction;
import dev.thetaflow.core.strategy.StrategyState;
import dev.thetaflow.jobs.testing.SimFixture;
import dev.thetaflow.sim.scenario.Fault;
import dev.thetaflow.sim.scenario.FaultKind;
import dev.thetaflow.sinks.delta.DeltaReader;
import dev.thetaflow.sinks.delta.DeltaTables;
import dev.thetaflow.sinks.tables.Tables;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.clusterframework.types.ResourceID;
import org.apache.flink.runtime.execution.ExecutionState;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TaskManager running the whole job is lost while two strategies' entry orders are in flight
 * (emitted; the last one at least not filled, as the sim holds its matching), and the job fails
 * over to a second TaskManager from its last checkpoint. Each order reaches the broker once, every
 * execution is in trades exactly once, both strategies open, and one of them then closes on
 * command.
 */
class TaskManagerLossTest {
  /** The sim, for the probe that runs inside the job (MiniCluster: the same JVM). */
  private static volatile SimFixture sim;

  /**
   * When each strategy's open snapshot (the one that leaves with its entry order) was seen: twice
   * means the restore replayed the open, and with it the entry's placement, which the order sink
   * must then find at the broker.
   */
  static final Map<String, List<Long>> ENTRIES = new ConcurrentHashMap<>();

  /** Set at the kill: until then each entry holds the sim's matching (again) for {@link #STALL}. */
  static final AtomicBoolean KILLED = new AtomicBoolean();

  /** Longer than emission → kill (< 0.5 s), shorter than the connections' 3 s silence limit. */
  private static final Duration STALL = Duration.ofSeconds(2);

  /** After the last entry was emitted: time for the order sink to hand it to the broker. */
  private static final long KILL_DELAY_MILLIS = 150;

  private static final Duration POLL_TABLES = Duration.ofMillis(200);

  @TempDir Path data;

  private final long started = System.nanoTime();
  private final List<String> phases = new CopyOnWriteArrayList<>();

  /** Notes when a phase ended (ms since the test began), for the timings printed at the end. */
  private void phase(String name) {
    phases.add(name + "@" + (System.nanoTime() - started) / 1_000_000);
  }

  @Test
  void losingTheTaskManagerWithEntriesInFlightPlacesEachOrderOnceAndRecordsEachFillOnce()
      throws Exception {
    ENTRIES.clear();
    KILLED.set(false);
    DeltaTables tables = DeltaTables.withDefaultEngine();
    DeltaReader reader = new DeltaReader(tables.engine());
    // the tables are created while the cluster starts; then, while the job starts, a JVM's first
    // Parquet write (seconds) is done on a throwaway table rather than with the first command
    CompletableFuture<?> created =
        CompletableFuture.runAsync(
            () -> {
              Tables.createMissing(tables, data);
              phase("tables");
            });
    CompletableFuture<?> warmUp =
        created.thenRun(
            () ->
                TopologyFixture.command(
                    tables,
                    data.resolve("warm-up"),
                    "warm-up",
                    new CommandAction.CloseStrategy("warm-up", "warm-up")));
    try (SimFixture s = new SimFixture(20);
        MiniCluster cluster = new MiniCluster(clusterConfiguration())) {
      sim = s;
      cluster.start();
      phase("cluster");
      created.get();
      JobID id = cluster.submitJob(job(s)).get().getJobID();
      ResourceID before = awaitDeployed(cluster, id);
      phase("deployed");
      // the spare the job fails over to; started now, the job's slot is surely on TaskManager 0
      cluster.startTaskManager();
      phase("spare");
      warmUp.get();
      phase("warm");

      TopologyFixture.command(
          tables,
          data,
          "open-pv",
          new CommandAction.OpenStrategy(TopologyFixture.putVertical("pv-tm")));
      phase("open-pv");
      TopologyFixture.command(
          tables,
          data,
          "open-ic",
          new CommandAction.OpenStrategy(TopologyFixture.ironCondor("ic-tm")));
      phase("open-ic");
      awaitCondition(
          "both entries emitted",
          Duration.ofSeconds(30),
          Duration.ofMillis(5),
          () -> ENTRIES.keySet().size() == 2);
      phase("entries");
      Thread.sleep(KILL_DELAY_MILLIS);
      Map<Integer, Long> positionsAtKill = s.sim.positions();
      long killedAt = System.nanoTime();
      long killedAtMillis = System.currentTimeMillis();
      KILLED.set(true);
      cluster.terminateTaskManager(0).get();
      // nothing commits while no TaskManager runs the job: this is the state at the kill
      Map<String, List<String>> statesAtKill = statesById(reader);
      System.out.printf(
          "tm-loss: entries emitted at %s, TaskManager 0 lost at %d; positions %s, states %s%n",
          new TreeMap<>(ENTRIES), killedAtMillis, positionsAtKill, statesAtKill);
      // the first entry can fill before its probe runs (the strategies table's writer loads the
      // table on its first row, ahead of the probe); the last one is held by the sim's stall
      assertThat(positionsAtKill.values().stream().filter(q -> q != 0))
          .as("an entry order had left without being filled when the TaskManager was lost")
          .hasSizeLessThan(6);
      String last =
          ENTRIES.entrySet().stream()
              .max(Comparator.comparing(e -> e.getValue().get(0)))
              .orElseThrow()
              .getKey();
      assertThat(statesAtKill.getOrDefault(last, List.of()))
          .as("the job had not recorded %s OPEN when the TaskManager was lost", last)
          .doesNotContain("OPEN");

      phase("killed");
      ResourceID after = awaitDeployed(cluster, id);
      phase("redeployed");
      long restoredMillis = (System.nanoTime() - killedAt) / 1_000_000;
      assertThat(after).as("the job runs on the other TaskManager").isNotEqualTo(before);

      awaitStates(reader, "pv-tm", "OPEN");
      awaitStates(reader, "ic-tm", "OPEN");
      phase("open");
      TopologyFixture.command(
          tables, data, "close-pv", new CommandAction.CloseStrategy("pv-tm", "tm-loss test"));
      awaitStates(reader, "pv-tm", "CLOSED");
      phase("closed");
      // the trades sink commits the same checkpoint on its own: wait for its 2 + 4 + 2 legs' fills
      awaitCondition(
          "8 trades", Duration.ofSeconds(15), POLL_TABLES, () -> tradeExecIds(reader).size() >= 8);

      cluster.cancelJob(id).get();
      awaitCondition(
          "job cancelled",
          Duration.ofSeconds(15),
          Duration.ofMillis(50),
          () -> cluster.getJobStatus(id).get() == JobStatus.CANCELED);
      Thread.sleep(500); // the source's connection (client 1) closes with the job
      phase("cancelled");

      Map<String, Integer> orders = s.ordersByRefAndStatus();
      List<String> executions = SimExecutions.execIds(s);
      List<String> trades = tradeExecIds(reader);
      Map<String, List<String>> states = statesById(reader);
      System.out.printf(
          "tm-loss: opens seen %s; running again %d ms after the kill; orders %s; %d executions;"
              + " phases %s%n",
          new TreeMap<>(ENTRIES), restoredMillis, orders, executions.size(), phases);

      assertThat(orders)
          .as("each order reached the broker once, and filled")
          .containsOnly(
              Map.entry("pv-tm:ENTRY:1/Filled", 1),
              Map.entry("ic-tm:ENTRY:1/Filled", 1),
              Map.entry("pv-tm:EXIT:1/Filled", 1))
          .hasSize(3);
      assertThat(executions).hasSize(8).doesNotHaveDuplicates();
      assertThat(trades)
          .as("trades holds every execution of the broker exactly once")
          .containsExactlyInAnyOrderElementsOf(executions);
      assertThat(states.get("pv-tm")).contains("CLOSING", "CLOSED");
      assertThat(states.get("ic-tm")).doesNotContain("CLOSING", "CLOSED");
    } finally {
      sim = null;
    }
  }

  /** One TaskManager; the test starts a second one before it kills the first. */
  private static MiniClusterConfiguration clusterConfiguration() {
    Configuration conf = new Configuration();
    // a TaskManager shutting down tells the JobManager; the heartbeat is the backstop
    conf.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofMillis(500));
    conf.set(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT, Duration.ofSeconds(5));
    return new MiniClusterConfiguration.Builder()
        .setConfiguration(conf)
        .setNumTaskManagers(1)
        .setNumSlotsPerTaskManager(2)
        .build();
  }

  private JobGraph job(SimFixture s) {
    Configuration conf = new Configuration();
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(1);
    env.enableCheckpointing(500);
    TradingTopology.build(env, TopologyFixture.settings(s, data, "tm-loss"))
        .map(TaskManagerLossTest::probe)
        .uid("tm-loss-probe")
        .name("TM-loss probe")
        .sinkTo(new DiscardingSink<>())
        .uid("tm-loss-discard");
    return env.getStreamGraph().getJobGraph();
  }

  /**
   * Notes open snapshots; until the kill each one stalls the sim (no matching, no data) before its
   * order can usually arrive there: the operator emits the order just before the snapshot, and the
   * probe is chained to it while the order travels through a network buffer, the sink's connection
   * and a socket. A mark also gives a PENDING_ENTRY snapshot with nothing held, but not at the time
   * the strategy was opened.
   */
  private static String probe(StrategySnapshot snapshot) {
    if (snapshot.state() == StrategyState.PENDING_ENTRY
        && snapshot.time().equals(snapshot.strategy().openedAt())
        && snapshot.legs().stream().allMatch(l -> l.position() == 0)) {
      ENTRIES
          .computeIfAbsent(snapshot.strategyId(), k -> new CopyOnWriteArrayList<>())
          .add(System.currentTimeMillis());
      if (!KILLED.get()) {
        sim.sim.inject(new Fault(Duration.ZERO, FaultKind.STALL_DATA, STALL, 0, ""));
      }
    }
    return snapshot.strategyId();
  }

  /** Waits until every task of the job runs; returns the one TaskManager they run on. */
  private static ResourceID awaitDeployed(MiniCluster cluster, JobID id) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      List<ExecutionState> states = new ArrayList<>();
      Set<ResourceID> where = new HashSet<>();
      for (AccessExecutionVertex v :
          cluster.getExecutionGraph(id).get().getAllExecutionVertices()) {
        states.add(v.getExecutionState());
        var location = v.getCurrentExecutionAttempt().getAssignedResourceLocation();
        if (location != null) {
          where.add(location.getResourceID());
        }
      }
      // an initializing job's graph has no vertices yet
      if (!states.isEmpty() && states.stream().allMatch(st -> st == ExecutionState.RUNNING)) {
        assertThat(where).as("parallelism 1 in one slot: one TaskManager").hasSize(1);
        return where.iterator().next();
      }
      assertThat(System.nanoTime()).as("tasks running: %s", states).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  /** The states the strategies table recorded, by strategy, in no particular order. */
  private Map<String, List<String>> statesById(DeltaReader reader) {
    var rows = reader.table(data.resolve("strategies").toString()).read();
    int strategy = rows.column("strategy_id");
    int state = rows.column("state");
    Map<String, List<String>> out = new HashMap<>();
    for (Object[] r : rows.rows()) {
      out.computeIfAbsent((String) r[strategy], k -> new ArrayList<>()).add((String) r[state]);
    }
    return out;
  }

  private void awaitStates(DeltaReader reader, String strategy, String state) throws Exception {
    awaitCondition(
        strategy + " " + state,
        Duration.ofSeconds(30),
        POLL_TABLES,
        () -> statesById(reader).getOrDefault(strategy, List.of()).contains(state));
  }

  private List<String> tradeExecIds(DeltaReader reader) {
    var rows = reader.table(data.resolve("trades").toString()).read();
    int exec = rows.column("exec_id");
    return rows.rows().stream().map(r -> (String) r[exec]).toList();
  }

  private interface Check {
    boolean holds() throws Exception;
  }

  /**
   * Polls {@code check} every {@code poll}: the Delta tables coarsely (each read loads a snapshot
   * and its files, CPU the job needs on a 2-core machine), the probe's notes finely.
   */
  private static void awaitCondition(String what, Duration timeout, Duration poll, Check check)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!check.holds()) {
      assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
      Thread.sleep(poll.toMillis());
    }
  }
}
