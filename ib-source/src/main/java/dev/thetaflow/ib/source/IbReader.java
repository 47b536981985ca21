package dev.thetaflow.ib.source;

import dev.thetaflow.core.broker.BrokerEvent;
import dev.thetaflow.core.broker.BrokerEvent.ConnectionEvent;
import dev.thetaflow.core.broker.BrokerEvent.FillEvent;
import dev.thetaflow.ib.client.ConnectionOptions;
import dev.thetaflow.ib.client.ConnectionState;
import dev.thetaflow.ib.client.IbConnection;
import dev.thetaflow.ib.client.IbListener;
import dev.thetaflow.ib.codec.ContractDetails;
import dev.thetaflow.ib.codec.ErrorMessage;
import dev.thetaflow.ib.codec.IncomingMessage;
import dev.thetaflow.ib.codec.Requests;
import dev.thetaflow.ib.codec.TwsContract;
import dev.thetaflow.ib.mapping.BrokerEvents;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
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
  }

  @Override
  public void onStateChange(ConnectionState previous, ConnectionState current, String reason) {
    enqueue(new ConnectionEvent(clientId, current.name(), reason, Instant.now()));
    if (current == ConnectionState.READY) {
      onReady();
    }
  }

  private void onReady() {
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
  public void onMessage(IncomingMessage message) {
    Instant now = Instant.now();
    if (events.apply(message, now)) {
      return;
    }
    if (message instanceof ContractDetails d) {
      StreamedInstrument instrument = resolving.remove(d.reqId());
      if (instrument != null && !resolved.containsKey(instrument.symbol())) {
        long conId = d.contract().conId();
        resolved.put(instrument.symbol(), conId);
        int mktReq = connection.nextRequestId();
        events.book().track(mktReq, conId);
        TwsContract contract = d.contract();
        connection.subscribe(
            "mkt:" + instrument.symbol(),
            w -> Requests.reqMktData(w, mktReq, contract, "", false, false));
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
    if (connection != null) {
      connection.close();
    }
  }
}
