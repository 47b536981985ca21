package dev.thetaflow.ib.source;

import dev.thetaflow.core.instrument.Contract;
import dev.thetaflow.ib.client.ConnectionOptions;
import dev.thetaflow.ib.client.IbConnection;
import dev.thetaflow.ib.client.IbListener;
import dev.thetaflow.ib.codec.ContractDetails;
import dev.thetaflow.ib.codec.CurrentTime;
import dev.thetaflow.ib.codec.ErrorCategory;
import dev.thetaflow.ib.codec.ErrorMessage;
import dev.thetaflow.ib.codec.IncomingMessage;
import dev.thetaflow.ib.codec.IncomingMessageId;
import dev.thetaflow.ib.codec.RequestEnd;
import dev.thetaflow.ib.codec.Requests;
import dev.thetaflow.ib.codec.SecDefOptParameter;
import dev.thetaflow.ib.codec.TickOptionComputation;
import dev.thetaflow.ib.codec.TickPrice;
import dev.thetaflow.ib.codec.TickSnapshotEnd;
import dev.thetaflow.ib.codec.TwsContract;
import dev.thetaflow.ib.codec.TwsErrorCodes;
import dev.thetaflow.ib.codec.TwsValues;
import dev.thetaflow.ib.mapping.Contracts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Asks IB what contracts a description matches (an option by symbol, expiry, strike and right; a
 * stock by symbol), on its own connection, and answers with thetaflow's {@link Contract}s. Each
 * lookup completes with every match once IB says the list ended, or fails with IB's error (200: no
 * such contract) or because the connection is not ready; callers retry.
 *
 * <p>It also takes market snapshots (reqMktData with snapshot=true), a bounded number outstanding
 * at a time so that a chain scan stays within IB's market-data lines, and asks the broker's clock,
 * which is the one to value options at (a simulator's market runs on its own date).
 */
public final class ContractLookup implements IbListener, AutoCloseable {
  private final IbConnection connection;
  private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();

  private record Pending(CompletableFuture<List<Contract>> result, List<Contract> found) {}

  /**
   * An underlying's listed option expirations and strikes (the union over its exchanges and trading
   * classes, as IB lists them).
   */
  public record Chain(
      java.util.SortedSet<LocalDate> expirations, java.util.SortedSet<Double> strikes) {}

  private record PendingChain(CompletableFuture<Chain> result, Chain found) {}

  private final Map<Integer, PendingChain> chains = new ConcurrentHashMap<>();

  /**
   * One contract's snapshot. Prices IB did not send are NaN; IB's model delta and volatility (tick
   * 13) are there to log beside our own, not to decide with.
   *
   * @param conId the contract
   * @param bid bid, NaN when none (IB sends -1 for no bid)
   * @param ask ask, NaN when none
   * @param last last trade, NaN when none
   * @param modelDelta IB's model delta, NaN when not sent
   * @param modelVol IB's model implied volatility, NaN when not sent
   * @param failure why the snapshot did not complete (IB's error, or the timeout), null when it did
   */
  public record Snapshot(
      long conId,
      double bid,
      double ask,
      double last,
      double modelDelta,
      double modelVol,
      String failure) {

    /** A quote one can trade against: a positive bid at or below a finite ask. */
    public boolean twoSided() {
      return bid > 0 && Double.isFinite(ask) && ask >= bid;
    }

    /** The mid of a two-sided quote, NaN otherwise. */
    public double mid() {
      return twoSided() ? (bid + ask) / 2 : Double.NaN;
    }
  }

  /** A snapshot request in flight: its ticks so far, and the call it belongs to. */
  private static final class PendingSnapshot {
    final long conId;
    final SnapshotBatch batch;
    double bid = Double.NaN;
    double ask = Double.NaN;
    double last = Double.NaN;
    double modelDelta = Double.NaN;
    double modelVol = Double.NaN;

    PendingSnapshot(long conId, SnapshotBatch batch) {
      this.conId = conId;
      this.batch = batch;
    }

    Snapshot done(String failure) {
      return new Snapshot(conId, bid, ask, last, modelDelta, modelVol, failure);
    }
  }

  /** One {@link #snapshots} call: how many answers it still waits for, and those it has. */
  private static final class SnapshotBatch {
    final Map<Long, Snapshot> done = new LinkedHashMap<>();
    final CompletableFuture<Map<Long, Snapshot>> result = new CompletableFuture<>();
    int open;

    SnapshotBatch(int open) {
      this.open = open;
    }
  }

  private record QueuedSnapshot(Contract contract, SnapshotBatch batch) {}

  // all snapshot state below is guarded by snapshotLock; ticks arrive on the reader thread
  private final Object snapshotLock = new Object();
  private final Deque<QueuedSnapshot> snapshotQueue = new ArrayDeque<>();
  private final int maxSnapshots;

  private final Map<Integer, PendingSnapshot> snapshots = new ConcurrentHashMap<>();
  private final Queue<CompletableFuture<Instant>> clockAnswers = new ConcurrentLinkedQueue<>();
  private final BrokerClock brokerClock = new BrokerClock();

  /** Snapshots outstanding at once unless told otherwise: well inside IB's 100 lines. */
  public static final int DEFAULT_MAX_SNAPSHOTS = 20;

  public ContractLookup(ConnectionOptions options) {
    this(options, DEFAULT_MAX_SNAPSHOTS);
  }

  /**
   * A lookup with at most {@code maxSnapshots} market snapshots outstanding over all callers (IB
   * counts an unfinished snapshot against the account's market-data lines).
   */
  public ContractLookup(ConnectionOptions options, int maxSnapshots) {
    if (maxSnapshots < 1) {
      throw new IllegalArgumentException("maxSnapshots must be >= 1, was " + maxSnapshots);
    }
    this.maxSnapshots = maxSnapshots;
    this.connection = new IbConnection(options, this);
    connection.start();
  }

  /** Waits until the connection can take lookups; false on timeout. */
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    return connection.awaitReady(timeout);
  }

  /** Every contract matching {@code query}. */
  public CompletableFuture<List<Contract>> lookup(TwsContract query) {
    int reqId = connection.nextRequestId();
    Pending p = new Pending(new CompletableFuture<>(), new ArrayList<>());
    pending.put(reqId, p);
    try {
      connection.send(w -> Requests.reqContractDetails(w, reqId, query, false, "", "", ""));
    } catch (RuntimeException notReady) {
      pending.remove(reqId);
      p.result().completeExceptionally(notReady);
    }
    return p.result();
  }

  /** The option chain of an underlying ({@code secType} STK or IND) known by its conId. */
  public CompletableFuture<Chain> chain(String symbol, String secType, int underlyingConId) {
    int reqId = connection.nextRequestId();
    PendingChain p =
        new PendingChain(
            new CompletableFuture<>(),
            new Chain(new java.util.TreeSet<>(), new java.util.TreeSet<>()));
    chains.put(reqId, p);
    try {
      connection.send(
          w -> Requests.reqSecDefOptParams(w, reqId, symbol, "", secType, underlyingConId));
    } catch (RuntimeException notReady) {
      chains.remove(reqId);
      p.result().completeExceptionally(notReady);
    }
    return p.result();
  }

  /**
   * Snapshots of {@code contracts} (known by conId), queued behind other callers' so that no more
   * than this lookup's limit are outstanding. Completes with an entry for every contract within
   * {@code timeout}: a quote, or why there is none ({@link Snapshot#failure()}); it never fails as
   * a whole, the caller decides what a missing quote means.
   */
  public CompletableFuture<Map<Long, Snapshot>> snapshots(
      List<Contract> contracts, Duration timeout) {
    SnapshotBatch batch = new SnapshotBatch(contracts.size());
    synchronized (snapshotLock) {
      for (Contract c : contracts) {
        snapshotQueue.add(new QueuedSnapshot(c, batch));
      }
      completeIfDone(batch);
      pumpSnapshots();
    }
    if (!batch.result.isDone()) {
      CompletableFuture.runAsync(
          () -> expire(batch, timeout),
          CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS));
    }
    return batch.result;
  }

  /** Sends queued snapshot requests while there is room. Holds snapshotLock. */
  private void pumpSnapshots() {
    while (snapshots.size() < maxSnapshots && !snapshotQueue.isEmpty()) {
      QueuedSnapshot q = snapshotQueue.poll();
      Contract c = q.contract();
      int reqId = connection.nextRequestId();
      snapshots.put(reqId, new PendingSnapshot(c.conId(), q.batch()));
      TwsContract query =
          TwsContract.byConId((int) c.conId(), c.symbol(), c.secType().name(), c.currency());
      try {
        connection.send(w -> Requests.reqMktData(w, reqId, query, "", true, false));
      } catch (RuntimeException notReady) {
        finishSnapshot(reqId, "not sent: " + notReady.getMessage());
      }
    }
  }

  /** Records a request's answer (failure null: complete) and lets the next one go. */
  private void finishSnapshot(int reqId, String failure) {
    synchronized (snapshotLock) {
      PendingSnapshot p = snapshots.remove(reqId);
      if (p == null) {
        return;
      }
      p.batch.done.put(p.conId, p.done(failure));
      p.batch.open--;
      completeIfDone(p.batch);
      pumpSnapshots();
    }
  }

  private static void completeIfDone(SnapshotBatch batch) {
    if (batch.open == 0) {
      batch.result.complete(Map.copyOf(batch.done));
    }
  }

  /** A call's deadline: what it has in flight is cancelled, what it has queued is never asked. */
  private void expire(SnapshotBatch batch, Duration timeout) {
    String why = "no snapshot within " + timeout.toMillis() + " ms";
    synchronized (snapshotLock) {
      if (batch.result.isDone()) {
        return;
      }
      for (var it = snapshots.entrySet().iterator(); it.hasNext(); ) {
        var e = it.next();
        if (e.getValue().batch == batch) {
          it.remove();
          batch.done.put(e.getValue().conId, e.getValue().done(why));
          int reqId = e.getKey();
          try {
            connection.send(w -> Requests.cancelMktData(w, reqId));
          } catch (RuntimeException notReady) {
            // the connection is gone, and the request with it
          }
        }
      }
      for (var it = snapshotQueue.iterator(); it.hasNext(); ) {
        QueuedSnapshot q = it.next();
        if (q.batch() == batch) {
          it.remove();
          long conId = q.contract().conId();
          batch.done.put(
              conId,
              new Snapshot(conId, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, why));
        }
      }
      batch.open = 0;
      completeIfDone(batch);
      pumpSnapshots();
    }
  }

  /**
   * The broker's time now, from its answer to reqCurrentTime (whole seconds, latency-corrected).
   */
  public CompletableFuture<Instant> brokerTime() {
    CompletableFuture<Instant> answer = new CompletableFuture<>();
    clockAnswers.add(answer);
    try {
      connection.send(Requests::reqCurrentTime);
    } catch (RuntimeException notReady) {
      clockAnswers.remove(answer);
      answer.completeExceptionally(notReady);
    }
    return answer;
  }

  @Override
  public void onMessage(IncomingMessage message) {
    if (message instanceof CurrentTime t) {
      Instant local = Instant.now();
      brokerClock.onServerTime(t.epochSeconds(), local.toEpochMilli());
      // any answer will do, the heartbeat's too: they all read the same clock
      for (CompletableFuture<Instant> waiting; (waiting = clockAnswers.poll()) != null; ) {
        waiting.complete(brokerClock.at(local));
      }
      return;
    }
    if (snapshotTick(message)) {
      return;
    }
    if (message instanceof SecDefOptParameter params) {
      PendingChain p = chains.get(params.reqId());
      if (p != null) {
        for (String e : params.expirations()) {
          p.found().expirations().add(LocalDate.parse(e, DateTimeFormatter.BASIC_ISO_DATE));
        }
        p.found().strikes().addAll(params.strikes());
      }
      return;
    }
    if (message instanceof RequestEnd end
        && end.messageId() == IncomingMessageId.SECURITY_DEFINITION_OPTION_PARAMETER_END) {
      PendingChain p = chains.remove(end.reqId());
      if (p != null) {
        p.result().complete(p.found());
      }
      return;
    }
    if (message instanceof ContractDetails d) {
      Pending p = pending.get(d.reqId());
      if (p != null) {
        try {
          p.found().add(Contracts.toCore(d));
        } catch (IllegalArgumentException unmappable) {
          pending.remove(d.reqId());
          p.result().completeExceptionally(unmappable);
        }
      }
    } else if (message instanceof RequestEnd end
        && end.messageId() == IncomingMessageId.CONTRACT_DATA_END) {
      Pending p = pending.remove(end.reqId());
      if (p != null) {
        p.result().complete(List.copyOf(p.found()));
      }
    } else if (message instanceof ErrorMessage e) {
      PendingSnapshot snap = snapshots.get(e.id());
      if (snap != null && endsSnapshot(e)) {
        finishSnapshot(e.id(), "IB error " + e.errorCode() + ": " + e.errorMsg());
      }
      PendingChain chain = chains.remove(e.id());
      if (chain != null) {
        chain
            .result()
            .completeExceptionally(
                new IllegalArgumentException(
                    "IB error " + e.errorCode() + " for an option chain: " + e.errorMsg()));
      }
      Pending p = pending.remove(e.id());
      if (p != null) {
        p.result()
            .completeExceptionally(
                new IllegalArgumentException(
                    "IB error " + e.errorCode() + " for a contract lookup: " + e.errorMsg()));
      }
    }
  }

  private boolean snapshotTick(IncomingMessage message) {
    if (message instanceof TickPrice t) {
      PendingSnapshot p = snapshots.get(t.tickerId());
      if (p != null) {
        synchronized (snapshotLock) {
          double price = TwsValues.isSet(t.price()) && t.price() > 0 ? t.price() : Double.NaN;
          switch (t.tickType()) {
            case 1, 66 -> p.bid = price;
            case 2, 67 -> p.ask = price;
            case 4, 68 -> p.last = price;
            default -> {}
          }
        }
      }
      return p != null;
    }
    if (message instanceof TickOptionComputation o) {
      PendingSnapshot p = snapshots.get(o.tickerId());
      if (p != null && (o.tickType() == 13 || o.tickType() == 83)) {
        synchronized (snapshotLock) {
          p.modelDelta = TwsValues.isSet(o.delta()) ? o.delta() : Double.NaN;
          p.modelVol = TwsValues.isSet(o.impliedVol()) ? o.impliedVol() : Double.NaN;
        }
      }
      return p != null;
    }
    if (message instanceof TickSnapshotEnd end) {
      PendingSnapshot p = snapshots.get(end.reqId());
      if (p != null) {
        finishSnapshot(end.reqId(), null);
      }
      return p != null;
    }
    return false;
  }

  /** IB errors that end a snapshot request; warnings (10090 partial data, 10167 delayed) do not. */
  private static boolean endsSnapshot(ErrorMessage e) {
    ErrorCategory c = TwsErrorCodes.categorize(e);
    return (c == ErrorCategory.REQUEST_FAILED
            || c == ErrorCategory.MARKET_DATA
            || c == ErrorCategory.PACING)
        && e.errorCode() != 10090;
  }

  @Override
  public void close() {
    connection.close();
    pending.values().forEach(p -> p.result().cancel(false));
    chains.values().forEach(p -> p.result().cancel(false));
    synchronized (snapshotLock) {
      snapshots.values().forEach(p -> p.batch.result.cancel(false));
      snapshotQueue.forEach(q -> q.batch().result.cancel(false));
    }
    clockAnswers.forEach(a -> a.cancel(false));
  }
}
