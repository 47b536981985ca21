package dev.thetaflow.ib.source;

import dev.thetaflow.core.broker.BrokerEvent;
import dev.thetaflow.core.broker.BrokerEvent.ConnectionEvent;
import dev.thetaflow.core.broker.BrokerEvent.FillEvent;
import dev.thetaflow.ib.client.ConnectionOptions;
import dev.thetaflow.ib.client.ConnectionState;
import dev.thetaflow.ib.client.IbConnection;
import dev.thetaflow.ib.client.IbListener;
import dev.thetaflow.ib.codec.ContractDetails;
import dev.thetaflow.ib.codec.CurrentTime;
import dev.thetaflow.ib.codec.ErrorMessage;
import dev.thetaflow.ib.codec.IncomingMessage;
import dev.thetaflow.ib.codec.Position;
import dev.thetaflow.ib.codec.Requests;
import dev.thetaflow.ib.codec.TickSnapshotEnd;
import dev.thetaflow.ib.codec.TwsContract;
import dev.thetaflow.ib.mapping.BrokerEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns one IB connection: on every READY it (re)asks for what a socket loses (positions and account
 * updates are subscriptions the connection replays itself; executions since the last fill are asked
 * for again), resolves the streamed instruments and subscribes their market data, and queues the
 * broker events its reader thread maps for the task thread to emit.
 */
final class IbReader implements SourceReader<BrokerEvent, IbSplit>, IbListener {
  private static final Logger LOG = LoggerFactory.getLogger(IbReader.class);
  private static final Duration SNAPSHOT_TIMEOUT = Duration.ofSeconds(15);

  /** How often the broker's clock is read again (a simulator's may run faster than ours). */
  private static final Duration CLOCK_EVERY = Duration.ofSeconds(1);

  private static final DateTimeFormatter EXECUTION_FILTER =
      DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss");

  private final SourceReaderContext context;
  private final IbSourceSettings settings;
  private final ZoneId gatewayZone;
  private final Counter eventsOut;

  private final Object lock = new Object();
  private final ArrayDeque<BrokerEvent> ready = new ArrayDeque<>();
  private CompletableFuture<Void> available = new CompletableFuture<>();

  /** Instruments whose contract details were asked for, by request id. */
  private final Map<Integer, StreamedInstrument> resolving = new ConcurrentHashMap<>();

  private final Map<String, Long> resolved = new ConcurrentHashMap<>();

  // market-data planning; guarded by `this` (the reader thread maps ticks, the poll timer
  // starts snapshots, both touch the book)
  private final SubscriptionPlanner planner;
  private final Map<Long, SubscriptionPlanner.Candidate> wanted = new HashMap<>();
  private final Map<Long, TwsContract> contracts = new HashMap<>();
  private final Map<Long, Integer> streaming = new HashMap<>();
  private final Map<Integer, Long> snapshots = new HashMap<>();
  private final Map<Integer, Instant> snapshotStarted = new HashMap<>();
  private ScheduledExecutorService poller;
  private final BrokerClock brokerClock = new BrokerClock();
  private Instant clockAskedAt = Instant.EPOCH;

  private IbConnection connection;
  private BrokerEvents events; // the connection's reader thread only

  // task thread only: what the split's state says
  private int clientId;
  private long lastFillMillis;
  private final LinkedHashMap<String, Long> recentFills = new LinkedHashMap<>();
  private volatile long replayFromMillis;

  IbReader(SourceReaderContext context, IbSourceSettings settings) {
    this.context = context;
    this.settings = settings;
    this.gatewayZone = ZoneId.of(settings.gatewayZone());
    this.eventsOut = context.metricGroup().counter("brokerEvents");
    this.planner = new SubscriptionPlanner(settings.marketDataLines(), settings.snapshotReserve());
    var metrics = context.metricGroup();
    metrics.gauge("marketDataLinesUsed", this::linesUsed);
    metrics.gauge("polledInstruments", () -> planner.current().polled().size());
    metrics.gauge("worstStalenessMillis", () -> planner.worstStaleness(Instant.now()).toMillis());
  }

  private synchronized int linesUsed() {
    return streaming.size() + snapshots.size();
  }

  @Override
  public void start() {
    if (connection == null) {
      context.sendSplitRequest();
    }
  }

  @Override
  public void addSplits(List<IbSplit> splits) {
    if (splits.size() != 1 || connection != null) {
      throw new IllegalStateException("an IB reader owns exactly one connection, got " + splits);
    }
    IbSplit split = splits.get(0);
    clientId = split.clientId();
    lastFillMillis = split.lastFillMillis();
    split.recentExecIds().forEach(id -> recentFills.put(id, split.lastFillMillis()));
    replayFromMillis =
        split.lastFillMillis() == 0
            ? 0
            : split.lastFillMillis() - settings.fillReplayMargin().toMillis();
    events = new BrokerEvents(gatewayZone, this::enqueue);
    events.executions().alreadyEmitted(split.recentExecIds());
    ConnectionOptions o = settings.connection();
    connection =
        new IbConnection(
            new ConnectionOptions(
                o.host(),
                o.port(),
                split.clientId(),
                o.expectedAccount(),
                o.connectTimeout(),
                o.heartbeatInterval(),
                o.silenceTimeout(),
                o.backoff(),
                o.maxMessagesPerSecond(),
                o.circuitFailures(),
                o.circuitCoolDown()),
            this);
    connection.subscribe("positions", Requests::reqPositions);
    connection.start();
    poller =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "ib-snapshots-client" + split.clientId());
              t.setDaemon(true);
              return t;
            });
    long every = settings.pollInterval().toMillis();
    poller.scheduleWithFixedDelay(this::pollRound, every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public void onStateChange(ConnectionState previous, ConnectionState current, String reason) {
    enqueue(new ConnectionEvent(clientId, current.name(), reason, Instant.now()));
    if (current == ConnectionState.READY) {
      onReady();
    }
  }

  private void onReady() {
    connection.send(Requests::reqCurrentTime);
    List<String> accounts = connection.accounts();
    String account =
        settings.connection().expectedAccount() != null
            ? settings.connection().expectedAccount()
            : accounts.isEmpty() ? "" : accounts.get(0);
    connection.subscribe("account", w -> Requests.reqAccountUpdates(w, true, account));
    String since =
        replayFromMillis == 0
            ? ""
            : EXECUTION_FILTER.format(Instant.ofEpochMilli(replayFromMillis).atZone(gatewayZone));
    int executionsReq = connection.nextRequestId();
    connection.send(
        w -> Requests.reqExecutions(w, executionsReq, 0, account, since, "", "", "", ""));
    for (StreamedInstrument i : settings.instruments()) {
      if (!resolved.containsKey(i.symbol())) {
        int reqId = connection.nextRequestId();
        resolving.put(reqId, i);
        TwsContract query =
            new TwsContract(
                0,
                i.symbol(),
                i.secType(),
                "",
                0,
                "",
                "",
                i.exchange(),
                "",
                i.currency(),
                "",
                "",
                List.of());
        connection.send(w -> Requests.reqContractDetails(w, reqId, query, false, "", "", ""));
      }
    }
  }

  @Override
  public synchronized void onMessage(IncomingMessage message) {
    Instant now = Instant.now();
    if (message instanceof CurrentTime t) {
      brokerClock.onServerTime(t.epochSeconds(), now.toEpochMilli());
      return;
    }
    if (message instanceof Position p) {
      wantLeg(p, now);
    }
    if (events.apply(message, brokerClock.at(now))) {
      return;
    }
    if (message instanceof TickSnapshotEnd end) {
      Long conId = snapshots.remove(end.reqId());
      if (conId != null) {
        snapshotStarted.remove(end.reqId());
        events.book().untrack(end.reqId());
        planner.snapshotDone(conId, now);
      }
    } else if (message instanceof ContractDetails d) {
      StreamedInstrument instrument = resolving.remove(d.reqId());
      if (instrument != null && !resolved.containsKey(instrument.symbol())) {
        long conId = d.contract().conId();
        resolved.put(instrument.symbol(), conId);
        contracts.put(conId, d.contract());
        SubscriptionPlanner.Role role =
            instrument.symbol().equals("VIX")
                ? SubscriptionPlanner.Role.VIX
                : SubscriptionPlanner.Role.UNDERLYING;
        wanted.put(conId, new SubscriptionPlanner.Candidate(conId, role, false, null, Double.NaN));
        replan(now);
      }
    } else if (message instanceof ErrorMessage e && resolving.containsKey(e.id())) {
      StreamedInstrument instrument = resolving.remove(e.id());
      LOG.error(
          "client {}: {} {} could not be resolved: {} {}",
          clientId,
          instrument.secType(),
          instrument.symbol(),
          e.errorCode(),
          e.errorMsg());
    } else if (message instanceof ErrorMessage e && snapshots.containsKey(e.id())) {
      Long conId = snapshots.remove(e.id());
      snapshotStarted.remove(e.id());
      events.book().untrack(e.id());
      LOG.warn(
          "client {}: snapshot of {} failed: {} {}", clientId, conId, e.errorCode(), e.errorMsg());
    }
  }

  /** An option position is a leg to price; a closed one no longer is. */
  private void wantLeg(Position p, Instant now) {
    TwsContract c = p.contract();
    if (!"OPT".equals(c.secType())) {
      return;
    }
    long conId = c.conId();
    if (p.position() == 0) {
      if (wanted.remove(conId) != null) {
        replan(now);
      }
      return;
    }
    LocalDate expiry = null;
    try {
      expiry = LocalDate.parse(c.lastTradeDateOrContractMonth(), DateTimeFormatter.BASIC_ISO_DATE);
    } catch (RuntimeException noDayInTheField) {
      // a contract month only: ranked as far
    }
    // the position's contract carries no exchange; market data needs one
    contracts.put(
        conId,
        new TwsContract(
            c.conId(),
            c.symbol(),
            c.secType(),
            c.lastTradeDateOrContractMonth(),
            c.strike(),
            c.right(),
            c.multiplier(),
            "SMART",
            "",
            c.currency(),
            c.localSymbol(),
            c.tradingClass(),
            List.of()));
    SubscriptionPlanner.Candidate leg =
        new SubscriptionPlanner.Candidate(
            conId, SubscriptionPlanner.Role.LEG, p.position() < 0, expiry, Double.NaN);
    if (!leg.equals(wanted.put(conId, leg))) {
      replan(now);
    }
  }

  /** Streams what the plan streams, stops what it no longer does. */
  private void replan(Instant now) {
    SubscriptionPlanner.Plan plan = planner.plan(new ArrayList<>(wanted.values()), now);
    for (var it = streaming.entrySet().iterator(); it.hasNext(); ) {
      var e = it.next();
      if (!plan.streamed().contains(e.getKey())) {
        int reqId = e.getValue();
        connection.unsubscribe("mkt:" + e.getKey(), w -> Requests.cancelMktData(w, reqId));
        events.book().untrack(reqId);
        it.remove();
      }
    }
    for (long conId : plan.streamed()) {
      if (!streaming.containsKey(conId)) {
        int reqId = connection.nextRequestId();
        TwsContract contract = contracts.get(conId);
        String ticks =
            SubscriptionPlanner.genericTicks(wanted.get(conId).role(), contract.secType());
        events.book().track(reqId, conId);
        streaming.put(conId, reqId);
        connection.subscribe(
            "mkt:" + conId, w -> Requests.reqMktData(w, reqId, contract, ticks, false, false));
      }
    }
  }

  /** One round of snapshots for the polled instruments, within the reserve. */
  private synchronized void pollRound() {
    try {
      Instant now = Instant.now();
      // IB finishes a snapshot within ~11 s; one that never ends must not hold its line forever
      for (var it = snapshotStarted.entrySet().iterator(); it.hasNext(); ) {
        var e = it.next();
        if (Duration.between(e.getValue(), now).compareTo(SNAPSHOT_TIMEOUT) > 0) {
          events.book().untrack(e.getKey());
          snapshots.remove(e.getKey());
          it.remove();
        }
      }
      if (connection.state() != ConnectionState.READY) {
        return;
      }
      if (Duration.between(clockAskedAt, now).compareTo(CLOCK_EVERY) >= 0) {
        clockAskedAt = now;
        connection.send(Requests::reqCurrentTime);
      }
      int free = settings.snapshotReserve() - snapshots.size();
      for (long conId : planner.nextSnapshots(free)) {
        if (snapshots.containsValue(conId)) {
          continue;
        }
        int reqId = connection.nextRequestId();
        TwsContract contract = contracts.get(conId);
        events.book().track(reqId, conId);
        snapshots.put(reqId, conId);
        snapshotStarted.put(reqId, now);
        connection.send(w -> Requests.reqMktData(w, reqId, contract, "", true, false));
      }
    } catch (RuntimeException e) {
      LOG.warn("client {}: a round of snapshots failed; the next one retries", clientId, e);
    }
  }

  private void enqueue(BrokerEvent event) {
    synchronized (lock) {
      ready.add(event);
      available.complete(null);
    }
  }

  @Override
  public InputStatus pollNext(ReaderOutput<BrokerEvent> output) {
    BrokerEvent event;
    boolean more;
    synchronized (lock) {
      event = ready.poll();
      if (event == null) {
        if (available.isDone()) {
          available = new CompletableFuture<>();
        }
        return InputStatus.NOTHING_AVAILABLE;
      }
      more = !ready.isEmpty();
    }
    if (event instanceof FillEvent f) {
      remember(f);
    }
    eventsOut.inc();
    output.collect(event, event.time().toEpochMilli());
    return more ? InputStatus.MORE_AVAILABLE : InputStatus.NOTHING_AVAILABLE;
  }

  private void remember(FillEvent f) {
    long t = f.time().toEpochMilli();
    lastFillMillis = Math.max(lastFillMillis, t);
    recentFills.put(f.fill().execId(), t);
    long horizon = lastFillMillis - settings.fillReplayMargin().toMillis();
    recentFills.values().removeIf(time -> time < horizon);
  }

  @Override
  public List<IbSplit> snapshotState(long checkpointId) {
    if (connection == null) {
      return List.of();
    }
    return List.of(new IbSplit(clientId, lastFillMillis, new ArrayList<>(recentFills.keySet())));
  }

  @Override
  public CompletableFuture<Void> isAvailable() {
    synchronized (lock) {
      return available;
    }
  }

  @Override
  public void notifyNoMoreSplits() {}

  @Override
  public void close() {
    if (poller != null) {
      poller.shutdownNow();
    }
    if (connection != null) {
      connection.close();
    }
  }
}
