package dev.thetaflow.sim.server;

import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.ib.codec.FieldWriter;
import dev.thetaflow.sim.market.ContractQuery;
import dev.thetaflow.sim.market.SimInstrument;
import dev.thetaflow.sim.market.SimQuote;
import dev.thetaflow.sim.market.SimulatedMarket;
import dev.thetaflow.sim.scenario.Fault;
import dev.thetaflow.sim.scenario.FaultKind;
import dev.thetaflow.sim.scenario.PathEvent;
import dev.thetaflow.sim.scenario.Scenario;
import dev.thetaflow.sim.scenario.ScenarioDividend;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ib-sim: a market and a broker behind the TWS socket protocol (server version 178) on loopback.
 *
 * <p>One event-loop thread owns the market, the broker, the subscriptions and every write to a
 * client; each client's reader thread only decodes requests and hands them over. Every {@code tick}
 * of wall time the loop advances the market by {@code tick × speed} of simulated time, streams what
 * changed to market-data subscribers (only changed fields, as IB does), matches working orders,
 * applies scripted faults and flushes each socket once.
 */
public final class IbSim implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IbSim.class);

  /** The protocol version ib-sim speaks, as IB Gateway 10.30+ with text framing. */
  public static final int SERVER_VERSION = 178;

  /**
   * How ib-sim runs.
   *
   * @param port loopback port, 0 for any free one
   * @param speed simulated seconds per wall-clock second
   * @param masterClientId the client id that sees every client's orders and executions (IB's
   *     "master API client id"; thetaflow's data connection uses client 1)
   * @param marketDataLines concurrent streaming subscriptions per client before error 101
   * @param account the account code, {@code DU} and digits
   * @param startingCash the account's cash at start
   * @param tick wall time between event-loop cycles
   */
  public record Options(
      int port,
      double speed,
      int masterClientId,
      int marketDataLines,
      String account,
      double startingCash,
      Duration tick) {

    public Options {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0..65535, was " + port);
      }
      if (!(speed > 0) || speed > 10_000) {
        throw new IllegalArgumentException("speed must be in (0, 10000], was " + speed);
      }
      if (marketDataLines < 1) {
        throw new IllegalArgumentException("marketDataLines must be >= 1");
      }
      if (account == null || !account.matches("DU\\d{5,9}")) {
        throw new IllegalArgumentException("account must be DU followed by 5-9 digits: " + account);
      }
    }

    /** Port, speed and an account derived from the seed; IB's defaults for the rest. */
    public static Options defaults(int port, double speed, long seed) {
      String account = "DU" + (1_000_000 + Math.floorMod(seed, 9_000_000));
      return new Options(port, speed, 1, 100, account, 1_000_000, Duration.ofMillis(100));
    }
  }

  private final Options options;
  private final SimulatedMarket market;
  private final ScheduledExecutorService loop;
  private final FieldWriter out = new FieldWriter(8192);
  private final Set<SimClientSession> sessions = new LinkedHashSet<>();
  private final Map<Integer, SimClientSession> byClientId = new HashMap<>();
  private final Map<SimClientSession, Map<Integer, MarketDataStream>> streams = new HashMap<>();
  private final Set<SimClientSession> positionSubscribers = new HashSet<>();
  private final Set<SimClientSession> accountSubscribers = new HashSet<>();
  private final Map<SimClientSession, Integer> marketDataTypes = new HashMap<>();
  private final List<Fault> pendingFaults;
  private final List<PathEvent> pendingEvents;

  /** The scenario's next dividends by symbol, with their ex-dates resolved. */
  private final Map<String, String> dividendTicks = new HashMap<>();

  private final SimBroker broker;
  private final Instant simStart;
  private final long wallStart;

  private volatile ServerSocket server;
  private volatile int boundPort;
  private volatile boolean closed;
  private boolean connectivityLost;
  private long stalledUntilWall;
  private Instant rejectOrdersUntil = Instant.MIN;
  private String rejectReason = "";
  private long lastAccountPush;
  private int nextValidOrderId = 1;
  private long marketDataMessages;

  private IbSim(Options options, SimulatedMarket market, Scenario scenario) {
    this.options = options;
    this.market = market;
    this.pendingFaults = new ArrayList<>(scenario.faults());
    this.pendingEvents = new ArrayList<>(scenario.events());
    this.loop =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "ib-sim-loop");
              t.setDaemon(true);
              return t;
            });
    this.broker = new SimBroker(options.account(), options.startingCash(), new BrokerEvents());
    this.simStart = market.now();
    this.wallStart = System.nanoTime();
    LocalDate firstDay = simStart.atZone(java.time.ZoneId.of("America/New_York")).toLocalDate();
    for (ScenarioDividend d : scenario.dividends()) {
      dividendTicks.put(d.symbol(), dividendTick(d.amount(), d.exDate(firstDay)));
    }
  }

  /**
   * IB's dividend tick value, {@code past12,next12,nextDate,nextAmount}: the sim knows only the
   * next dividend and calls the past and next 12 months four of it (a quarterly payer).
   */
  static String dividendTick(double amount, LocalDate exDate) {
    String yearly = String.format(java.util.Locale.ROOT, "%.2f", 4 * amount);
    return yearly
        + ","
        + yearly
        + ","
        + exDate.format(DateTimeFormatter.BASIC_ISO_DATE)
        + ","
        + BigDecimal.valueOf(amount).stripTrailingZeros().toPlainString();
  }

  /** Starts listening on 127.0.0.1 and running the market; returns once the port is bound. */
  public static IbSim start(Options options, SimulatedMarket market, Scenario scenario)
      throws IOException {
    IbSim sim = new IbSim(options, market, scenario);
    sim.listen(options.port());
    long tick = options.tick().toMillis();
    sim.loop.scheduleAtFixedRate(sim::cycleSafely, tick, tick, TimeUnit.MILLISECONDS);
    LOG.info(
        "ib-sim listening on 127.0.0.1:{} (account {}, speed {}x, master client {})",
        sim.boundPort,
        options.account(),
        options.speed(),
        options.masterClientId());
    return sim;
  }

  public int port() {
    return boundPort;
  }

  public String account() {
    return options.account();
  }

  /** Market-data messages (ticks) sent to clients so far. */
  public long marketDataMessages() {
    return call(() -> marketDataMessages);
  }

  /** Injects a fault now (tests and drills); scripted faults come from the scenario. */
  public void inject(Fault fault) {
    execute(() -> apply(fault));
  }

  /** Runs {@code action} on the event loop and waits for it: how tests read the sim's state. */
  public <T> T call(java.util.concurrent.Callable<T> action) {
    CompletableFuture<T> result = new CompletableFuture<>();
    execute(
        () -> {
          try {
            result.complete(action.call());
          } catch (Exception e) {
            result.completeExceptionally(e);
          }
        });
    try {
      return result.get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("ib-sim event loop: " + e, e);
    }
  }

  /** Positions as the broker holds them: conId → signed quantity. */
  public Map<Integer, Long> positions() {
    return call(
        () -> {
          Map<Integer, Long> out = new LinkedHashMap<>();
          for (SimBroker.Position p : broker.positions()) {
            out.put(p.instrument().conId(), p.quantity());
          }
          return out;
        });
  }

  /**
   * The broker's orders of the day, working and completed, as {@code orderRef/status} with how many
   * orders are in that state: what a test reads while clients are connected, without taking a
   * client id from them.
   */
  public Map<String, Integer> ordersByRefAndStatus() {
    return call(
        () -> {
          Map<String, Integer> out = new LinkedHashMap<>();
          for (SimOrder o : broker.completedOrders()) {
            out.merge(o.orderRef + "/" + o.status, 1, Integer::sum);
          }
          for (SimOrder o : broker.workingOrders()) {
            out.merge(o.orderRef + "/" + o.status, 1, Integer::sum);
          }
          return out;
        });
  }

  /** Streaming market-data subscriptions of a client (by client id). */
  public int activeSubscriptions(int clientId) {
    return call(
        () -> {
          SimClientSession s = byClientId.get(clientId);
          return s == null ? 0 : streams.getOrDefault(s, Map.of()).size();
        });
  }

  @Override
  public void close() {
    closed = true;
    try {
      if (server != null) {
        server.close();
      }
    } catch (IOException ignored) {
      // closing
    }
    execute(
        () -> {
          for (SimClientSession s : List.copyOf(sessions)) {
            s.close();
          }
        });
    loop.shutdown();
    try {
      loop.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // --- accepting --------------------------------------------------------------------------------

  private void listen(int port) throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    server = socket;
    boundPort = socket.getLocalPort();
    Thread acceptor = new Thread(() -> accept(socket), "ib-sim-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void accept(ServerSocket socket) {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        SimClientSession session = new SimClientSession(this, client);
        execute(() -> sessions.add(session));
        Thread reader = new Thread(session, "ib-sim-client");
        reader.setDaemon(true);
        reader.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  void execute(Runnable task) {
    if (!loop.isShutdown()) {
      try {
        loop.execute(
            () -> {
              try {
                task.run();
              } catch (RuntimeException e) {
                LOG.error("ib-sim event loop task failed", e);
              }
            });
      } catch (java.util.concurrent.RejectedExecutionException ignored) {
        // shutting down
      }
    }
  }

  // --- session lifecycle (event loop) -----------------------------------------------------------

  void answerHandshake(SimClientSession s) {
    String time =
        DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss")
                .withZone(java.time.ZoneId.of("America/New_York"))
                .format(market.now())
            + " EST";
    int n = ServerMessages.serverVersion(out, SERVER_VERSION, time);
    s.write(out.buffer(), n);
    s.flush();
  }

  void register(SimClientSession s) {
    SimClientSession holder = byClientId.get(s.clientId());
    if (holder != null && !holder.isClosed()) {
      error(
          s,
          -1,
          326,
          "Unable to connect as the client id is already in use. Retry with a unique client id.");
      s.flush();
      s.close();
      return;
    }
    byClientId.put(s.clientId(), s);
    send(s, ServerMessages.nextValidId(out, nextValidOrderId));
    send(s, ServerMessages.managedAccounts(out, options.account()));
    if (connectivityLost) {
      error(s, -1, 1100, "Connectivity between IB and Trader Workstation has been lost.");
    }
    s.flush();
  }

  void sessionClosed(SimClientSession s) {
    sessions.remove(s);
    streams.remove(s);
    positionSubscribers.remove(s);
    accountSubscribers.remove(s);
    marketDataTypes.remove(s);
    if (byClientId.get(s.clientId()) == s) {
      byClientId.remove(s.clientId());
    }
  }

  // --- requests (event loop) --------------------------------------------------------------------

  void handle(SimClientSession s, SimRequest request) {
    // Like TWS, an order (or a cancel) whose bytes arrived stands even if the client hung up
    // right after sending it; answers to a closed socket are dropped by the session.
    boolean orderAction =
        request instanceof SimRequest.PlaceOrder || request instanceof SimRequest.CancelOrder;
    if (s.isClosed() && !orderAction) {
      return;
    }
    if (request instanceof SimRequest.MarketData m) {
      marketData(s, m);
    } else if (request instanceof SimRequest.CancelMarketData c) {
      Map<Integer, MarketDataStream> mine = streams.get(s);
      if (mine == null || mine.remove(c.reqId()) == null) {
        error(s, c.reqId(), 300, "Can't find EId with tickerId:" + c.reqId());
      }
    } else if (request instanceof SimRequest.PlaceOrder p) {
      placeOrder(s, p);
    } else if (request instanceof SimRequest.CancelOrder c) {
      broker.cancel(s.clientId(), c.orderId(), new BrokerEvents());
    } else if (request instanceof SimRequest.OpenOrders o) {
      for (SimOrder order : broker.workingOrders()) {
        if (o.allClients()
            || order.clientId == s.clientId()
            || s.clientId() == options.masterClientId()) {
          sendOrderStatus(s, order);
        }
      }
      send(s, ServerMessages.endWithoutId(out, ServerMessages.OPEN_ORDER_END));
    } else if (request instanceof SimRequest.CompletedOrders c) {
      for (SimOrder order : broker.completedOrders()) {
        if (order.clientId == s.clientId() || s.clientId() == options.masterClientId()) {
          send(
              s, ServerMessages.completedOrder(out, order, options.account(), order.completedTime));
        }
      }
      send(s, out.beginServerMessage(ServerMessages.COMPLETED_ORDERS_END).finish());
    } else if (request instanceof SimRequest.AccountUpdates a) {
      if (a.subscribe()) {
        accountSubscribers.add(s);
        pushAccount(s);
      } else {
        accountSubscribers.remove(s);
      }
    } else if (request instanceof SimRequest.Executions e) {
      for (SimExecution x : broker.executions()) {
        if (x.clientId() == s.clientId() || s.clientId() == options.masterClientId()) {
          send(s, ServerMessages.execDetails(out, e.reqId(), x));
          send(s, ServerMessages.commissionReport(out, x));
        }
      }
      send(s, ServerMessages.end(out, ServerMessages.EXECUTION_DATA_END, e.reqId()));
    } else if (request instanceof SimRequest.Ids i) {
      send(s, ServerMessages.nextValidId(out, nextValidOrderId));
    } else if (request instanceof SimRequest.ContractDetails c) {
      contractDetails(s, c);
    } else if (request instanceof SimRequest.CurrentTime c) {
      if (System.nanoTime() >= stalledUntilWall) {
        send(s, ServerMessages.currentTime(out, market.now().getEpochSecond()));
      }
    } else if (request instanceof SimRequest.MarketDataType t) {
      marketDataTypes.put(s, t.type());
    } else if (request instanceof SimRequest.Positions p) {
      if (p.subscribe()) {
        positionSubscribers.add(s);
        for (SimBroker.Position pos : broker.positions()) {
          send(
              s,
              ServerMessages.position(
                  out, options.account(), pos.instrument(), pos.quantity(), pos.avgCost()));
        }
        send(s, ServerMessages.endWithoutId(out, ServerMessages.POSITION_END));
      } else {
        positionSubscribers.remove(s);
      }
    } else if (request instanceof SimRequest.AccountSummary a) {
      for (Map.Entry<String, String> v : accountValues().entrySet()) {
        if (a.tags().contains(v.getKey()) || a.tags().startsWith("$LEDGER")) {
          send(
              s,
              ServerMessages.accountSummary(
                  out, a.reqId(), options.account(), v.getKey(), v.getValue()));
        }
      }
      send(s, ServerMessages.end(out, ServerMessages.ACCOUNT_SUMMARY_END, a.reqId()));
    } else if (request instanceof SimRequest.CancelAccountSummary) {
      LOG.debug("account summaries are one-shot in ib-sim: nothing to cancel");
    } else if (request instanceof SimRequest.SecDefOptParams p) {
      market
          .chain(p.symbol())
          .ifPresent(chain -> send(s, ServerMessages.secDefOptParameter(out, p.reqId(), chain)));
      send(s, ServerMessages.secDefOptParameterEnd(out, p.reqId()));
    } else if (request instanceof SimRequest.Unsupported u) {
      error(
          s,
          -1,
          321,
          "Error validating request:-'message id " + u.messageId() + " is not served by ib-sim'");
    }
    s.flush();
  }

  private void marketData(SimClientSession s, SimRequest.MarketData m) {
    Map<Integer, MarketDataStream> mine = streams.computeIfAbsent(s, k -> new LinkedHashMap<>());
    if (mine.containsKey(m.reqId())) {
      error(s, m.reqId(), 322, "Error processing request:-'Duplicate ticker id'");
      return;
    }
    if (!m.snapshot() && mine.size() >= options.marketDataLines()) {
      error(s, m.reqId(), 101, "Max number of tickers has been reached");
      return;
    }
    List<SimOrder.Leg> legs = new ArrayList<>();
    if (!m.legs().isEmpty()) {
      for (SimRequest.ComboLeg leg : m.legs()) {
        var instrument = market.byConId(leg.conId());
        if (instrument.isEmpty()) {
          error(
              s,
              m.reqId(),
              200,
              "No security definition has been found for the request (leg conId "
                  + leg.conId()
                  + ")");
          return;
        }
        legs.add(new SimOrder.Leg(instrument.get(), leg.ratio(), leg.action().equals("BUY")));
      }
    } else {
      SimInstrument instrument = resolveOne(s, m.reqId(), m.contract());
      if (instrument == null) {
        return;
      }
      legs.add(new SimOrder.Leg(instrument, 1, true));
    }
    MarketDataStream stream =
        new MarketDataStream(
            m.reqId(), legs, m.legs().isEmpty() ? legs.get(0).instrument().conId() : 0);
    send(s, ServerMessages.marketDataType(out, m.reqId(), marketDataTypes.getOrDefault(s, 1)));
    send(s, ServerMessages.tickReqParams(out, m.reqId(), 0.01));
    if (!connectivityLost) {
      publish(s, stream);
      dividend(s, m, legs);
    }
    if (m.snapshot()) {
      send(s, ServerMessages.tickSnapshotEnd(out, m.reqId()));
    } else {
      mine.put(m.reqId(), stream);
    }
  }

  /**
   * IB's dividend tick (59) once, at subscription, when generic tick 456 was asked for a stock the
   * scenario gives a next dividend (none is sent for others). Not with a snapshot: IB refuses
   * generic ticks there (414).
   */
  private void dividend(SimClientSession s, SimRequest.MarketData m, List<SimOrder.Leg> legs) {
    if (m.snapshot() || !m.legs().isEmpty() || m.genericTicks() == null) {
      return;
    }
    if (!java.util.Arrays.asList(m.genericTicks().split(",")).contains("456")) {
      return;
    }
    SimInstrument i = legs.get(0).instrument();
    String tick = "STK".equals(i.secType()) ? dividendTicks.get(i.symbol()) : null;
    if (tick != null) {
      send(s, ServerMessages.tickString(out, m.reqId(), 59, tick));
    }
  }

  private void contractDetails(SimClientSession s, SimRequest.ContractDetails c) {
    List<SimInstrument> found = market.resolve(query(c.contract()));
    if (found.isEmpty()) {
      error(s, c.reqId(), 200, "No security definition has been found for the request");
      return;
    }
    for (SimInstrument i : found) {
      send(s, ServerMessages.contractData(out, c.reqId(), i, i.symbol()));
    }
    send(s, ServerMessages.end(out, ServerMessages.CONTRACT_DATA_END, c.reqId()));
  }

  private void placeOrder(SimClientSession s, SimRequest.PlaceOrder p) {
    if (!(p.quantity() > 0) || p.quantity() != Math.rint(p.quantity())) {
      error(
          s,
          p.orderId(),
          321,
          "Error validating request:-'totalQuantity must be a whole number > 0, was "
              + p.quantity()
              + "'");
      return;
    }
    if (!List.of("LMT", "MKT", "STP", "STP LMT", "TRAIL").contains(p.orderType())) {
      error(
          s,
          p.orderId(),
          201,
          "Order rejected - reason:order type " + p.orderType() + " is not served by ib-sim");
      return;
    }
    boolean combo = !p.legs().isEmpty();
    List<SimOrder.Leg> legs = new ArrayList<>();
    if (combo) {
      for (SimRequest.ComboLeg leg : p.legs()) {
        var instrument = market.byConId(leg.conId());
        if (instrument.isEmpty()) {
          error(
              s,
              p.orderId(),
              200,
              "No security definition has been found for the request (leg conId "
                  + leg.conId()
                  + ")");
          return;
        }
        legs.add(new SimOrder.Leg(instrument.get(), leg.ratio(), leg.action().equals("BUY")));
      }
    } else {
      SimInstrument instrument = resolveOne(s, p.orderId(), p.contract());
      if (instrument == null) {
        return;
      }
      legs.add(new SimOrder.Leg(instrument, 1, true));
    }
    String missing = missingPrice(p);
    if (missing != null) {
      error(s, p.orderId(), 321, "Error validating request:-'" + missing + "'");
      return;
    }
    SimOrder order =
        new SimOrder(s.clientId(), p.orderId(), broker.permIdForNewOrder(), combo, legs);
    order.buy = p.action().equals("BUY");
    order.quantity = (long) p.quantity();
    order.orderType = p.orderType();
    order.limitPrice = p.limitPrice();
    order.auxPrice = p.auxPrice();
    order.trailStopPrice = p.trailStopPrice();
    order.trailingPercent = Double.isNaN(p.trailingPercent()) ? 0 : p.trailingPercent();
    order.tif = p.tif();
    order.orderRef = p.orderRef();
    String reject = market.now().isBefore(rejectOrdersUntil) ? rejectReason : null;
    nextValidOrderId = Math.max(nextValidOrderId, p.orderId() + 1);
    broker.place(order, market, reject);
  }

  private static String missingPrice(SimRequest.PlaceOrder p) {
    return switch (p.orderType()) {
      case "LMT" -> Double.isNaN(p.limitPrice()) ? "a LMT order needs lmtPrice" : null;
      case "STP" -> Double.isNaN(p.auxPrice()) ? "a STP order needs auxPrice (the stop)" : null;
      case "STP LMT" ->
          Double.isNaN(p.auxPrice()) || Double.isNaN(p.limitPrice())
              ? "a STP LMT order needs lmtPrice and auxPrice"
              : null;
      case "TRAIL" ->
          Double.isNaN(p.auxPrice()) && Double.isNaN(p.trailingPercent())
              ? "a TRAIL order needs auxPrice (amount) or trailingPercent"
              : null;
      default -> null;
    };
  }

  private SimInstrument resolveOne(SimClientSession s, int id, SimRequest.ContractSpec c) {
    List<SimInstrument> found = market.resolve(query(c));
    if (found.size() == 1) {
      return found.get(0);
    }
    error(
        s,
        id,
        200,
        found.isEmpty()
            ? "No security definition has been found for the request"
            : "The contract description specified for " + c.symbol() + " is ambiguous");
    return null;
  }

  private static ContractQuery query(SimRequest.ContractSpec c) {
    LocalDate expiry = null;
    if (!c.expiry().isEmpty()) {
      try {
        expiry =
            LocalDate.parse(
                c.expiry().substring(0, Math.min(8, c.expiry().length())),
                DateTimeFormatter.BASIC_ISO_DATE);
      } catch (DateTimeParseException e) {
        expiry = LocalDate.MIN; // matches nothing: the request gets error 200
      }
    }
    OptionType right =
        switch (c.right()) {
          case "C", "CALL" -> OptionType.CALL;
          case "P", "PUT" -> OptionType.PUT;
          default -> null;
        };
    double strike = Double.isNaN(c.strike()) || c.strike() == 0 ? Double.NaN : c.strike();
    return new ContractQuery(
        c.conId(),
        c.symbol().isEmpty() ? null : c.symbol(),
        c.secType().isEmpty() ? null : c.secType(),
        expiry,
        strike,
        right);
  }

  // --- the cycle (event loop) -------------------------------------------------------------------

  private void cycleSafely() {
    try {
      cycle();
    } catch (RuntimeException e) {
      LOG.error("ib-sim cycle failed", e);
    }
  }

  private void cycle() {
    long wall = System.nanoTime();
    Instant target = simStart.plusNanos((long) ((wall - wallStart) * options.speed()));
    if (target.isAfter(market.now())) {
      market.advanceTo(target);
    }
    runDueFaults();
    boolean dataFlows = !connectivityLost && wall >= stalledUntilWall;
    if (dataFlows) {
      for (Map.Entry<SimClientSession, Map<Integer, MarketDataStream>> e : streams.entrySet()) {
        for (MarketDataStream stream : e.getValue().values()) {
          publish(e.getKey(), stream);
        }
      }
      broker.match(market);
    }
    if (wall - lastAccountPush > 3_000_000_000L) {
      lastAccountPush = wall;
      for (SimClientSession s : accountSubscribers) {
        pushAccount(s);
      }
    }
    for (SimClientSession s : sessions) {
      s.flush();
    }
  }

  private void runDueFaults() {
    Duration elapsed = Duration.between(simStart, market.now());
    while (!pendingEvents.isEmpty() && pendingEvents.get(0).at().compareTo(elapsed) <= 0) {
      PathEvent event = pendingEvents.remove(0);
      LOG.info("ib-sim scenario event: {}", event);
      market.apply(event);
    }
    while (!pendingFaults.isEmpty() && pendingFaults.get(0).at().compareTo(elapsed) <= 0) {
      apply(pendingFaults.remove(0));
    }
  }

  private void publish(SimClientSession s, MarketDataStream stream) {
    SimQuote q =
        stream.conId() != 0
            ? market.quote(stream.conId())
            : MarketDataStream.comboQuote(market, stream.legs());
    marketDataMessages += stream.publish(s, q, out);
  }

  // --- faults (event loop) ----------------------------------------------------------------------

  private void apply(Fault fault) {
    LOG.info("ib-sim fault: {}", fault);
    long wallDuration = (long) (fault.duration().toNanos() / options.speed());
    switch (fault.kind()) {
      case DROP_CONNECTION -> dropAll();
      case RESTART -> {
        dropAll();
        try {
          server.close();
        } catch (IOException ignored) {
          // reopened below
        }
        loop.schedule(
            () -> {
              try {
                if (!closed) {
                  listen(boundPort);
                }
              } catch (IOException e) {
                LOG.error("ib-sim could not listen again on {}", boundPort, e);
              }
            },
            wallDuration,
            TimeUnit.NANOSECONDS);
      }
      case CONNECTIVITY_LOST_DATA_LOST, CONNECTIVITY_LOST_DATA_KEPT -> {
        connectivityLost = true;
        broadcastError(1100, "Connectivity between IB and Trader Workstation has been lost.");
        boolean dataLost = fault.kind() == FaultKind.CONNECTIVITY_LOST_DATA_LOST;
        loop.schedule(() -> restore(dataLost), wallDuration, TimeUnit.NANOSECONDS);
      }
      case STALL_DATA -> stalledUntilWall = System.nanoTime() + wallDuration;
      case GARBAGE_FRAME -> {
        for (SimClientSession s : sessions) {
          int n =
              out.beginServerMessage(ServerMessages.TICK_PRICE)
                  .writeInt(6)
                  .writeInt(-1)
                  .writeInt(1)
                  .writeString("garbage\u00ff")
                  .writeString("x")
                  .writeInt(0)
                  .finish();
          s.write(out.buffer(), n);
          s.flush();
        }
      }
      case REJECT_ORDERS -> {
        rejectOrdersUntil = market.now().plus(fault.duration());
        rejectReason =
            fault.reason() == null || fault.reason().isEmpty()
                ? "simulated rejection"
                : fault.reason();
      }
    }
  }

  private void restore(boolean dataLost) {
    connectivityLost = false;
    if (dataLost) {
      streams.clear(); // IB forgets market-data requests: the client must send them again
      broadcastError(1101, "Connectivity between IB and TWS has been restored- data lost.");
    } else {
      broadcastError(1102, "Connectivity between IB and TWS has been restored- data maintained.");
    }
  }

  private void dropAll() {
    for (SimClientSession s : List.copyOf(sessions)) {
      s.close();
    }
  }

  private void broadcastError(int code, String text) {
    for (SimClientSession s : sessions) {
      if (s.clientId() >= 0) {
        error(s, -1, code, text);
        s.flush();
      }
    }
  }

  // --- writing (event loop) ---------------------------------------------------------------------

  void error(SimClientSession s, int id, int code, String text) {
    error(s, id, code, text, "");
  }

  private void error(SimClientSession s, int id, int code, String text, String json) {
    send(s, ServerMessages.error(out, id, code, text, json));
  }

  private void send(SimClientSession s, int length) {
    s.write(out.buffer(), length);
  }

  private Map<String, String> accountValues() {
    double netLiq = broker.netLiquidation(market);
    double margin = broker.maintenanceMargin(market);
    double available = netLiq - margin;
    Map<String, String> values = new LinkedHashMap<>();
    values.put("NetLiquidation", money(netLiq));
    values.put("TotalCashValue", money(broker.cash()));
    values.put("MaintMarginReq", money(margin));
    values.put("InitMarginReq", money(margin));
    values.put("AvailableFunds", money(available));
    values.put("ExcessLiquidity", money(available));
    values.put("BuyingPower", money(4 * Math.max(0, available)));
    return values;
  }

  private void pushAccount(SimClientSession s) {
    for (Map.Entry<String, String> v : accountValues().entrySet()) {
      send(s, ServerMessages.accountValue(out, v.getKey(), v.getValue(), options.account()));
    }
    send(s, ServerMessages.accountUpdateTime(out, SimBroker.now(market.now()).substring(9, 14)));
    send(s, ServerMessages.accountDownloadEnd(out, options.account()));
  }

  private static String money(double value) {
    return String.format(java.util.Locale.ROOT, "%.2f", value);
  }

  /** openOrder then orderStatus, as TWS reports an order's placement and every change. */
  private void sendOrderStatus(SimClientSession s, SimOrder o) {
    send(s, ServerMessages.openOrder(out, o, options.account()));
    send(
        s,
        ServerMessages.orderStatus(
            out,
            o.orderId,
            o.status,
            o.filled,
            o.remaining(),
            o.avgFillPrice,
            o.permId,
            o.lastFillPrice,
            o.clientId));
  }

  /** The owner of an order and, if different and connected, the master client. */
  private List<SimClientSession> audience(int clientId) {
    List<SimClientSession> to = new ArrayList<>(2);
    SimClientSession owner = byClientId.get(clientId);
    if (owner != null) {
      to.add(owner);
    }
    SimClientSession master = byClientId.get(options.masterClientId());
    if (master != null && master != owner) {
      to.add(master);
    }
    return to;
  }

  /** Fans the broker's events out to the clients that see them. */
  private final class BrokerEvents implements SimBroker.Output {
    @Override
    public void orderStatus(SimOrder order) {
      for (SimClientSession s : audience(order.clientId)) {
        sendOrderStatus(s, order);
      }
    }

    @Override
    public void execution(SimExecution e) {
      for (SimClientSession s : audience(e.clientId())) {
        send(s, ServerMessages.execDetails(out, -1, e));
        send(s, ServerMessages.commissionReport(out, e));
      }
    }

    @Override
    public void positionChanged(SimInstrument instrument, long quantity, double avgCost) {
      for (SimClientSession s : positionSubscribers) {
        send(s, ServerMessages.position(out, options.account(), instrument, quantity, avgCost));
      }
      for (SimClientSession s : accountSubscribers) {
        pushAccount(s);
      }
    }

    @Override
    public void rejected(SimOrder order, int code, String text, String json) {
      SimClientSession owner = byClientId.get(order.clientId);
      if (owner != null) {
        error(owner, order.orderId, code, text, json);
        if (code == 201 || code == 110) {
          sendOrderStatus(owner, order);
        }
      }
    }
  }
}
