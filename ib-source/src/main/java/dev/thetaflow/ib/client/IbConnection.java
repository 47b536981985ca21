package dev.thetaflow.ib.client;

import dev.thetaflow.ib.codec.ErrorMessage;
import dev.thetaflow.ib.codec.FieldWriter;
import dev.thetaflow.ib.codec.IncomingMessage;
import dev.thetaflow.ib.codec.ManagedAccounts;
import dev.thetaflow.ib.codec.NextValidId;
import dev.thetaflow.ib.codec.Requests;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection to IB Gateway / TWS (or ib-sim), kept alive for as long as its owner wants
 * it: handshake at server version 178, ready once nextValidId and managedAccounts have both
 * arrived, paced writes, heartbeat, reconnect with jittered backoff behind a circuit breaker, and
 * resubscription after a reconnect or a 1101.
 *
 * <p>Threads: a reader per socket (decodes and calls the {@link IbListener}), one writer (the only
 * thread that writes request frames, through the {@link Pacer}), one supervisor (heartbeat checks
 * and reconnect scheduling). All public methods are thread-safe.
 *
 * <p>Requests are never queued across a reconnect: {@link #send} refuses when the connection is not
 * ready, and a frame still waiting in the outbox when its socket drops is discarded (and logged).
 * Subscriptions are declarative instead: {@link #subscribe} records the request, and the registry
 * is replayed, with the same request ids, whenever the connection becomes ready again.
 */
public final class IbConnection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IbConnection.class);

  /**
   * Request ids start here, far above any order id, so the id of an errMsg tells an order from a
   * request without a lookup.
   */
  public static final int FIRST_REQUEST_ID = 1_000_000_000;

  /** How long the idle writer waits on the outbox before looking for an urgent probe. */
  private static final long WRITER_POLL_MILLIS = 20;

  private final ConnectionOptions options;
  private final IbListener listener;
  private final LongSupplier nanoClock;
  private final Backoff backoff;
  private final CircuitBreaker breaker;
  private final Pacer pacer;
  private final ScheduledExecutorService supervisor;
  private final Thread writer;
  private final BlockingQueue<Outgoing> outbox = new LinkedBlockingQueue<>();

  /**
   * Heartbeat probes jump the outbox: behind a paced backlog of 1,000 requests (20 s at 50/s) a
   * probe would come too late to tell a live gateway from a dead one.
   */
  private final BlockingQueue<Outgoing> urgent = new LinkedBlockingQueue<>();

  private final FieldWriter encoder = new FieldWriter();
  private final Map<String, byte[]> subscriptions = new LinkedHashMap<>();

  /** Keys registered while subscriptions were not live; guarded by {@code subscriptions}. */
  private final Set<String> unsent = new HashSet<>();

  /**
   * The session generation whose data subscriptions are live, 0 while none is (connecting, or the
   * gateway lost IB); guarded by {@code subscriptions}, so a subscribe racing a replay is sent
   * exactly once.
   */
  private int liveGeneration;

  private final Object stateLock = new Object();

  private final AtomicInteger nextRequestId = new AtomicInteger(FIRST_REQUEST_ID);
  private final AtomicInteger nextOrderId = new AtomicInteger(-1);
  private final AtomicInteger generation = new AtomicInteger();
  private final AtomicInteger attempt = new AtomicInteger();
  private final AtomicLong messagesSent = new AtomicLong();

  /** Requests put in the outbox, and those the writer has written or discarded. */
  private final AtomicLong outboxAdded = new AtomicLong();

  private final AtomicLong outboxDone = new AtomicLong();
  private final AtomicLong malformedFrames = new AtomicLong();
  private final AtomicLong reconnects = new AtomicLong();
  private final AtomicLong discardedFrames = new AtomicLong();

  private volatile ConnectionState state = ConnectionState.DISCONNECTED;
  private volatile IbSession session;
  private volatile boolean closed;
  private volatile boolean started;
  private volatile String terminalReason;
  private volatile List<String> accounts = List.of();
  private volatile long lastProbeNanos;

  /** A connection to the configured gateway; call {@link #start()} to connect. */
  public IbConnection(ConnectionOptions options, IbListener listener) {
    this(options, listener, System::nanoTime, RandomGenerator.getDefault());
  }

  IbConnection(
      ConnectionOptions options,
      IbListener listener,
      LongSupplier nanoClock,
      RandomGenerator random) {
    this.options = options;
    this.listener = listener;
    this.nanoClock = nanoClock;
    this.backoff = new Backoff(options.backoff(), random);
    this.breaker =
        new CircuitBreaker(options.circuitFailures(), options.circuitCoolDown(), nanoClock);
    this.pacer = new Pacer(options.maxMessagesPerSecond(), nanoClock);
    String suffix = "-client" + options.clientId();
    this.supervisor =
        Executors.newSingleThreadScheduledExecutor(
            r -> daemon(new Thread(r, "ib-supervisor" + suffix)));
    this.writer = daemon(new Thread(this::writeLoop, "ib-writer" + suffix));
  }

  /** Connects in the background; {@link #awaitReady} waits for the outcome. Idempotent. */
  public synchronized void start() {
    if (started || closed) {
      return;
    }
    started = true;
    writer.start();
    long tick = Math.max(10, options.heartbeatInterval().toMillis() / 4);
    supervisor.scheduleWithFixedDelay(this::heartbeat, tick, tick, TimeUnit.MILLISECONDS);
    supervisor.execute(this::openSession);
  }

  /**
   * Waits until the connection is READY; false on timeout. Throws {@link IbConnectionException} if
   * the connection was refused for good (wrong account) or closed.
   */
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    long deadline = nanoClock.getAsLong() + timeout.toNanos();
    synchronized (stateLock) {
      while (state != ConnectionState.READY) {
        if (state == ConnectionState.CLOSED) {
          throw new IbConnectionException(
              terminalReason != null ? terminalReason : "connection closed");
        }
        long left = deadline - nanoClock.getAsLong();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(stateLock, left);
      }
      return true;
    }
  }

  public ConnectionState state() {
    return state;
  }

  /** The accounts of the last managedAccounts message (empty before the first). */
  public List<String> accounts() {
    return accounts;
  }

  /** A fresh request id (market data, contract details, historical data…). */
  public int nextRequestId() {
    return nextRequestId.getAndIncrement();
  }

  /**
   * A fresh order id, above every id the gateway has announced with nextValidId (including the one
   * after each reconnect). Throws if the gateway has not sent one yet.
   */
  public int nextOrderId() {
    int id = nextOrderId.getAndUpdate(current -> current < 0 ? current : current + 1);
    if (id < 0) {
      throw new IbNotReadyException(state, options.host(), options.port(), options.clientId());
    }
    return id;
  }

  /**
   * Sends one request now (paced). Refuses with {@link IbNotReadyException} unless the connection
   * is ready: a request is never held back and delivered after a reconnect.
   */
  public void send(RequestEncoder request) {
    ConnectionState now = state;
    IbSession current = session;
    if (!now.acceptsRequests() || current == null) {
      throw new IbNotReadyException(now, options.host(), options.port(), options.clientId());
    }
    enqueue(new Outgoing(current.generation(), encode(request)));
  }

  /**
   * Records a subscription under {@code key} (e.g. {@code "mkt:" + reqId}) and sends it if the
   * connection is ready; it is sent again, byte for byte, every time the connection becomes ready
   * after a reconnect or a 1101. A second call with the same key replaces the first.
   */
  public void subscribe(String key, RequestEncoder request) {
    byte[] frame = encode(request);
    synchronized (subscriptions) {
      subscriptions.put(key, frame);
      if (liveGeneration > 0) {
        enqueue(new Outgoing(liveGeneration, frame));
      } else {
        unsent.add(key);
      }
    }
  }

  /** Forgets the subscription under {@code key} and, if it had been sent, sends {@code cancel}. */
  public void unsubscribe(String key, RequestEncoder cancel) {
    byte[] frame = encode(cancel);
    synchronized (subscriptions) {
      boolean known = subscriptions.remove(key) != null;
      boolean neverSent = unsent.remove(key);
      if (known && !neverSent && liveGeneration > 0) {
        enqueue(new Outgoing(liveGeneration, frame));
      }
    }
  }

  /** Active subscriptions (replayed on every reconnect). */
  public int subscriptionCount() {
    synchronized (subscriptions) {
      return subscriptions.size();
    }
  }

  /** Frames waiting for the pacer. */
  public int queuedMessages() {
    return outbox.size();
  }

  /**
   * Waits until every request handed over before this call has been written to the socket (or
   * discarded with its connection); false on timeout. The order sink calls it before it lets a
   * checkpoint complete or a job end, so an order it accepted is on the wire.
   */
  public boolean awaitOutboxWritten(Duration timeout) throws InterruptedException {
    long target = outboxAdded.get();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (outboxDone.get() < target) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(2);
    }
    return true;
  }

  private void enqueue(Outgoing message) {
    outboxAdded.incrementAndGet();
    outbox.add(message);
  }

  public long messagesSent() {
    return messagesSent.get();
  }

  public long malformedFrames() {
    return malformedFrames.get();
  }

  /** Sessions opened after the first. */
  public long reconnects() {
    return reconnects.get();
  }

  /** Frames dropped because their socket went away before the pacer let them out. */
  public long discardedFrames() {
    return discardedFrames.get();
  }

  /** Closes the socket and stops every thread of this connection. */
  @Override
  public void close() {
    IbSession current;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      current = session;
    }
    if (current != null) {
      current.abort("closed by its owner");
    }
    supervisor.shutdownNow();
    writer.interrupt();
    join(writer);
    if (current != null) {
      join(current.thread());
    }
    setState(ConnectionState.CLOSED, "closed by its owner");
  }

  // --- called by the session's reader thread -------------------------------------------------

  ConnectionOptions options() {
    return options;
  }

  IbListener listener() {
    return listener;
  }

  long now() {
    return nanoClock.getAsLong();
  }

  /** Writes a frame outside the outbox (the handshake's startApi), still paced. */
  void writeDirect(IbSession from, byte[] frame) throws java.io.IOException {
    try {
      pacer.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while pacing");
    }
    from.write(frame);
    messagesSent.incrementAndGet();
  }

  byte[] encode(RequestEncoder request) {
    synchronized (encoder) {
      int length = request.encode(encoder);
      return Arrays.copyOf(encoder.buffer(), length);
    }
  }

  void malformedFrame(String hex, String problem) {
    malformedFrames.incrementAndGet();
    LOG.warn("client {}: skipped a malformed frame ({}): {}", options.clientId(), problem, hex);
    try {
      listener.onMalformedFrame(hex, problem);
    } catch (RuntimeException e) {
      LOG.error("listener failed on a malformed-frame notice", e);
    }
  }

  /** Acts on what the connection itself must act on, then hands the message to the listener. */
  void received(IbSession from, IncomingMessage message) {
    if (message instanceof NextValidId id) {
      nextOrderId.accumulateAndGet(id.orderId(), Math::max);
      from.sawNextValidId();
      maybeReady(from);
    } else if (message instanceof ManagedAccounts managed) {
      accounts = managed.accounts();
      from.sawAccounts();
      maybeReady(from);
    } else if (message instanceof ErrorMessage error) {
      onError(from, error);
    }
    try {
      listener.onMessage(message);
    } catch (RuntimeException e) {
      LOG.error("client {}: listener failed on {}", options.clientId(), message, e);
    }
  }

  private void onError(IbSession from, ErrorMessage error) {
    switch (error.errorCode()) {
      case ConnectionCodes.CLIENT_ID_IN_USE -> {
        LOG.error(
            "client id {} is already in use at {}:{}; another process (or a previous run that"
                + " has not let go) holds it: {}",
            options.clientId(),
            options.host(),
            options.port(),
            error.errorMsg());
        from.abort("client id " + options.clientId() + " is in use (326)");
      }
      case ConnectionCodes.NOT_CONNECTED,
          ConnectionCodes.BAD_MESSAGE_LENGTH,
          ConnectionCodes.SOCKET_PORT_RESET ->
          from.abort("gateway says " + error.errorCode() + ": " + error.errorMsg());
      case ConnectionCodes.MAX_RATE_EXCEEDED ->
          LOG.error("client {}: pacing violation reported (100): {}", options.clientId(), error);
      case ConnectionCodes.CONNECTIVITY_LOST, ConnectionCodes.TWS_IB_CONNECTION_BROKEN -> {
        if (from.isReady()) {
          goDormant();
          setState(
              ConnectionState.GATEWAY_DISCONNECTED, "gateway lost IB (" + error.errorCode() + ")");
        }
      }
      case ConnectionCodes.RESTORED_DATA_LOST -> {
        if (from.isReady()) {
          goLive(from, true);
          setState(ConnectionState.READY, "gateway back, data lost (1101): resubscribed");
        }
      }
      case ConnectionCodes.RESTORED_DATA_KEPT -> {
        if (from.isReady()) {
          goLive(from, false);
          setState(ConnectionState.READY, "gateway back, data kept (1102)");
        }
      }
      default -> {}
    }
  }

  private void maybeReady(IbSession from) {
    if (!from.hasNextValidIdAndAccounts() || from.isReady()) {
      return;
    }
    String expected = options.expectedAccount();
    if (expected != null && !accounts.contains(expected)) {
      terminalReason =
          "the gateway at "
              + options.host()
              + ":"
              + options.port()
              + " manages accounts "
              + accounts
              + ", not the configured account "
              + expected
              + "; refusing to use this connection (check ib.port and the account in config)";
      LOG.error(terminalReason);
      from.abort(terminalReason);
      return;
    }
    from.markReady();
    breaker.recordSuccess();
    attempt.set(0);
    goLive(from, true);
    setState(
        ConnectionState.READY,
        "ready: server version 178, accounts " + accounts + ", next order id " + nextOrderId.get());
  }

  /**
   * Makes subscriptions live on {@code from}: every registered one is sent again if {@code
   * replayAll} (a new socket, or 1101: the gateway forgot them), else only those registered while
   * they were not live (1102: the gateway kept the rest).
   */
  private void goLive(IbSession from, boolean replayAll) {
    int count = 0;
    synchronized (subscriptions) {
      for (Map.Entry<String, byte[]> e : subscriptions.entrySet()) {
        if (replayAll || unsent.contains(e.getKey())) {
          enqueue(new Outgoing(from.generation(), e.getValue()));
          count++;
        }
      }
      unsent.clear();
      liveGeneration = from.generation();
    }
    if (count > 0) {
      LOG.info("client {}: sent {} subscriptions again", options.clientId(), count);
      try {
        listener.onResubscribed(count);
      } catch (RuntimeException e) {
        LOG.error("listener failed on resubscription notice", e);
      }
    }
  }

  private void goDormant() {
    synchronized (subscriptions) {
      liveGeneration = 0;
    }
  }

  /** The session's reader thread has ended; decide what happens next. */
  void sessionEnded(IbSession ended, String reason) {
    goDormant();
    synchronized (this) {
      if (session == ended) {
        session = null;
      }
    }
    if (closed) {
      setState(ConnectionState.CLOSED, "closed by its owner");
      return;
    }
    if (terminalReason != null) {
      setState(ConnectionState.CLOSED, terminalReason);
      supervisor.shutdown();
      return;
    }
    if (!ended.isReady()) {
      breaker.recordFailure();
    }
    scheduleReconnect(reason);
  }

  // --- supervisor thread -----------------------------------------------------------------------

  private void openSession() {
    synchronized (this) {
      if (closed) {
        return;
      }
      if (generation.get() > 0) {
        reconnects.incrementAndGet();
      }
      IbSession next = new IbSession(this, generation.incrementAndGet());
      session = next;
      setState(
          ConnectionState.CONNECTING,
          "connecting to "
              + options.host()
              + ":"
              + options.port()
              + " as client "
              + options.clientId());
      next.thread().start();
    }
  }

  private void scheduleReconnect(String reason) {
    if (supervisor.isShutdown()) {
      return;
    }
    Duration wait;
    if (breaker.position() == CircuitBreaker.Position.OPEN) {
      wait = breaker.remainingCoolDown();
      setState(
          ConnectionState.CIRCUIT_OPEN,
          reason
              + "; "
              + breaker.consecutiveFailures()
              + " failed attempts in a row, circuit open: one trial attempt in "
              + wait.toMillis()
              + " ms");
    } else {
      int n = attempt.getAndIncrement();
      wait = backoff.delay(n);
      setState(
          ConnectionState.RECONNECT_WAIT,
          reason + "; reconnecting in " + wait.toMillis() + " ms (retry " + (n + 1) + ")");
    }
    supervisor.schedule(this::openSession, wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void heartbeat() {
    IbSession current = session;
    if (current == null) {
      return;
    }
    long now = nanoClock.getAsLong();
    if (!current.isReady()) {
      if (now - current.startedNanos() > options.connectTimeout().toNanos()) {
        current.abort(
            "no handshake, nextValidId and managedAccounts within "
                + options.connectTimeout().toMillis()
                + " ms");
      }
      return;
    }
    long silent = now - current.lastReceivedNanos();
    if (silent > options.silenceTimeout().toNanos()) {
      current.abort(
          "nothing received for "
              + TimeUnit.NANOSECONDS.toMillis(silent)
              + " ms (heartbeat limit "
              + options.silenceTimeout().toMillis()
              + " ms): the connection is dead");
      return;
    }
    long interval = options.heartbeatInterval().toNanos();
    if (now - current.lastReceivedNanos() >= interval && now - lastProbeNanos >= interval) {
      // quiet for an interval: ask for the server time, which every gateway answers at once
      urgent.add(new Outgoing(current.generation(), encode(Requests::reqCurrentTime)));
      lastProbeNanos = now;
    }
  }

  // --- writer thread ---------------------------------------------------------------------------

  private void writeLoop() {
    try {
      while (!closed) {
        Outgoing next = urgent.poll();
        boolean fromOutbox = false;
        if (next == null) {
          next = outbox.poll(WRITER_POLL_MILLIS, TimeUnit.MILLISECONDS);
          if (next == null) {
            continue;
          }
          fromOutbox = true;
        }
        try {
          write(next);
        } finally {
          if (fromOutbox) {
            outboxDone.incrementAndGet();
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Writes one frame on its connection, paced; a frame of a connection gone is discarded. */
  private void write(Outgoing next) throws InterruptedException {
    IbSession current = session;
    if (current == null || current.generation() != next.generation() || !current.isOpen()) {
      discardedFrames.incrementAndGet();
      LOG.warn(
          "client {}: discarded a {}-byte request: its connection is gone",
          options.clientId(),
          next.frame().length);
      return;
    }
    pacer.acquire();
    try {
      current.write(next.frame());
      messagesSent.incrementAndGet();
    } catch (java.io.IOException e) {
      current.abort("write failed: " + e.getMessage());
    }
  }

  private void setState(ConnectionState next, String reason) {
    ConnectionState previous;
    synchronized (stateLock) {
      previous = state;
      if (previous == ConnectionState.CLOSED || previous == next) {
        return;
      }
      state = next;
      stateLock.notifyAll();
    }
    LOG.info("client {}: {} -> {}: {}", options.clientId(), previous, next, reason);
    try {
      listener.onStateChange(previous, next, reason);
    } catch (RuntimeException e) {
      LOG.error("listener failed on a state change", e);
    }
  }

  private static Thread daemon(Thread thread) {
    thread.setDaemon(true);
    return thread;
  }

  private static void join(Thread thread) {
    if (thread == Thread.currentThread() || !thread.isAlive()) {
      return;
    }
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private record Outgoing(int generation, byte[] frame) {}
}
