package dev.thetaflow.sim.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.ib.codec.CommissionReport;
import dev.thetaflow.ib.codec.CompletedOrder;
import dev.thetaflow.ib.codec.ContractDetails;
import dev.thetaflow.ib.codec.ErrorMessage;
import dev.thetaflow.ib.codec.ExecutionDetails;
import dev.thetaflow.ib.codec.IncomingMessageId;
import dev.thetaflow.ib.codec.OpenOrder;
import dev.thetaflow.ib.codec.OrderStatus;
import dev.thetaflow.ib.codec.Position;
import dev.thetaflow.ib.codec.RequestEnd;
import dev.thetaflow.ib.codec.Requests;
import dev.thetaflow.ib.codec.SecDefOptParameter;
import dev.thetaflow.ib.codec.TickOptionComputation;
import dev.thetaflow.ib.codec.TickPrice;
import dev.thetaflow.ib.codec.TickSnapshotEnd;
import dev.thetaflow.ib.codec.TwsComboLeg;
import dev.thetaflow.ib.codec.TwsContract;
import dev.thetaflow.ib.codec.TwsOrder;
import dev.thetaflow.ib.codec.TwsValues;
import dev.thetaflow.sim.market.ContractQuery;
import dev.thetaflow.sim.market.MarketSpec;
import dev.thetaflow.sim.market.SimInstrument;
import dev.thetaflow.sim.market.SimMarket;
import dev.thetaflow.sim.market.SimQuote;
import dev.thetaflow.sim.scenario.Fault;
import dev.thetaflow.sim.scenario.FaultKind;
import dev.thetaflow.sim.scenario.Scenario;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ib-sim driven by thetaflow's own client over a real loopback socket. */
class IbSimTest {
  static final Instant OPEN = Instant.parse("2026-11-24T14:30:00Z"); // 09:30 New York
  static final LocalDate EXPIRY = LocalDate.of(2026, 12, 18);

  private SimMarket market;
  private IbSim sim;
  private SimClient client;

  @BeforeEach
  void start() throws Exception {
    market = SimMarket.create(MarketSpec.defaults(), 42, OPEN);
    IbSim.Options defaults = IbSim.Options.defaults(0, 1.0, 42);
    IbSim.Options options =
        new IbSim.Options(0, 1.0, 1, 3, defaults.account(), 1_000_000, Duration.ofMillis(50));
    sim = IbSim.start(options, market, Scenario.quiet());
    client = new SimClient(sim.port(), 1, 50);
    assertThat(client.connection.awaitReady(Duration.ofSeconds(10))).isTrue();
  }

  @AfterEach
  void stop() {
    client.close();
    sim.close();
  }

  private SimInstrument option(double strike, OptionType right) {
    return sim.call(
        () -> market.resolve(new ContractQuery(0, "SPY", "OPT", EXPIRY, strike, right)).get(0));
  }

  private static TwsContract byConId(SimInstrument i) {
    return new TwsContract(
        i.conId(),
        i.symbol(),
        i.secType(),
        "",
        TwsValues.UNSET_DOUBLE,
        "",
        "",
        "SMART",
        "",
        "USD",
        "",
        "",
        List.of());
  }

  @Test
  void handshakeGivesTheAccountAndTheFirstOrderId() {
    assertThat(client.connection.accounts()).containsExactly(sim.account());
    assertThat(sim.account()).matches("DU\\d{7}");
    assertThat(client.connection.nextOrderId()).isEqualTo(1);
  }

  @Test
  void contractDetailsAndChainParametersDescribeTheListedOption() {
    TwsContract spyCall =
        new TwsContract(
            0, "SPY", "OPT", "20261218", 600, "C", "100", "SMART", "", "USD", "", "", List.of());
    int reqId = client.connection.nextRequestId();
    client.connection.send(w -> Requests.reqContractDetails(w, reqId, spyCall, false, "", "", ""));
    ContractDetails details =
        client.await(ContractDetails.class, d -> d.reqId() == reqId, "details");
    client.await(RequestEnd.class, e -> e.reqId() == reqId, "details end");
    assertThat(details.contract().conId()).isEqualTo(option(600, OptionType.CALL).conId());
    assertThat(details.contract().strike()).isEqualTo(600);
    assertThat(details.contract().right()).isEqualTo("C");
    assertThat(details.minTick()).isEqualTo(0.01);
    assertThat(details.underSymbol()).isEqualTo("SPY");

    int chainId = client.connection.nextRequestId();
    int spy = sim.call(() -> market.underlyingConId("SPY"));
    client.connection.send(w -> Requests.reqSecDefOptParams(w, chainId, "SPY", "", "STK", spy));
    SecDefOptParameter chain =
        client.await(SecDefOptParameter.class, p -> p.reqId() == chainId, "chain");
    assertThat(chain.underlyingConId()).isEqualTo(spy);
    assertThat(chain.expirations()).contains("20261218", "20261127");
    assertThat(chain.strikes()).contains(600.0, 540.0, 660.0);

    int missing = client.connection.nextRequestId();
    TwsContract nothing =
        new TwsContract(
            0, "SPY", "OPT", "20261218", 601.5, "C", "100", "SMART", "", "USD", "", "", List.of());
    client.connection.send(
        w -> Requests.reqContractDetails(w, missing, nothing, false, "", "", ""));
    client.await(ErrorMessage.class, e -> e.id() == missing && e.errorCode() == 200, "error 200");
  }

  @Test
  void streamsQuotesAndModelTicksThatMatchTheMarket() {
    SimInstrument call = option(600, OptionType.CALL);
    int reqId = client.connection.nextRequestId();
    client.connection.subscribe(
        "mkt", w -> Requests.reqMktData(w, reqId, byConId(call), "", false, false));
    TickOptionComputation model =
        client.await(
            TickOptionComputation.class, t -> t.tickerId() == reqId && t.tickType() == 13, "model");
    TickPrice bid =
        client.await(TickPrice.class, t -> t.tickerId() == reqId && t.tickType() == 1, "bid");
    TickPrice ask =
        client.await(TickPrice.class, t -> t.tickerId() == reqId && t.tickType() == 2, "ask");
    assertThat(bid.price()).isLessThan(ask.price());
    assertThat(model.optPrice()).isBetween(bid.price() - 0.01, ask.price() + 0.01);
    assertThat(model.delta()).isBetween(0.3, 0.7);
    assertThat(model.gamma()).isPositive();
    assertThat(model.theta()).isNegative();
    assertThat(model.impliedVol()).isBetween(0.05, 0.6);
    assertThat(model.undPrice()).isCloseTo(600, within(30.0));
    // the stream keeps flowing: more ticks arrive as the market steps
    int before = client.all(TickPrice.class).size();
    SimClient.await(() -> client.all(TickPrice.class).size() > before + 2, "more ticks");
  }

  @Test
  void aSnapshotEndsWithTickSnapshotEndAndHoldsNoLine() {
    SimInstrument put = option(590, OptionType.PUT);
    int reqId = client.connection.nextRequestId();
    client.connection.send(w -> Requests.reqMktData(w, reqId, byConId(put), "", true, false));
    client.await(TickSnapshotEnd.class, e -> e.reqId() == reqId, "snapshot end");
    assertThat(client.all(TickPrice.class).stream().filter(t -> t.tickerId() == reqId))
        .isNotEmpty();
    assertThat(sim.activeSubscriptions(1)).isZero();
  }

  @Test
  void linesBeyondTheLimitGetError101() {
    List<Integer> ids = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      SimInstrument c = option(595 + k, OptionType.CALL);
      int reqId = client.connection.nextRequestId();
      ids.add(reqId);
      client.connection.send(w -> Requests.reqMktData(w, reqId, byConId(c), "", false, false));
    }
    ErrorMessage error =
        client.await(ErrorMessage.class, e -> e.errorCode() == 101, "error 101 for the 4th line");
    assertThat(error.id()).isEqualTo(ids.get(3));
    assertThat(sim.activeSubscriptions(1)).isEqualTo(3);
  }

  @Test
  void aMarketableLimitFillsWithStatusExecutionCommissionAndPosition() {
    SimInstrument call = option(605, OptionType.CALL);
    SimQuote quote = sim.call(() -> market.quote(call.conId()));
    double limit = Math.round((quote.ask() + 0.20) * 100) / 100.0;
    int orderId = client.connection.nextOrderId();
    TwsOrder order =
        TwsOrder.limit("BUY", BigDecimal.ONE, limit).withTif("DAY").withOrderRef("s-1:OPEN:1");
    client.connection.send(w -> Requests.placeOrder(w, orderId, byConId(call), order));

    OrderStatus filled =
        client.await(
            OrderStatus.class, s -> s.orderId() == orderId && s.status().equals("Filled"), "fill");
    ExecutionDetails exec =
        client.await(ExecutionDetails.class, e -> e.orderId() == orderId, "execution");
    CommissionReport commission =
        client.await(CommissionReport.class, c -> c.execId().equals(exec.execId()), "commission");
    assertThat(exec.orderRef()).isEqualTo("s-1:OPEN:1");
    assertThat(exec.side()).isEqualTo("BOT");
    assertThat(exec.contract().conId()).isEqualTo(call.conId());
    assertThat(exec.price()).isLessThanOrEqualTo(limit);
    assertThat(filled.avgFillPrice()).isEqualTo(exec.price());
    assertThat(filled.remaining()).isZero();
    assertThat(commission.commission()).isEqualTo(1.00); // one contract: the $1 minimum
    OpenOrder open = client.await(OpenOrder.class, o -> o.orderId() == orderId, "openOrder");
    assertThat(open.orderRef()).isEqualTo("s-1:OPEN:1");
    assertThat(open.lmtPrice()).isEqualTo(limit);
    assertThat(open.contract().conId()).isEqualTo(call.conId());
    assertThat(open.account()).isEqualTo(sim.account());

    client.connection.send(w -> Requests.reqCompletedOrders(w, false));
    CompletedOrder completed =
        client.await(
            CompletedOrder.class, c -> c.orderRef().equals("s-1:OPEN:1"), "completed order");
    assertThat(completed.status()).isEqualTo("Filled");
    assertThat(completed.filledQuantity()).isEqualTo(1);
    assertThat(completed.permId()).isEqualTo(filled.permId());
    assertThat(completed.contract().conId()).isEqualTo(call.conId());

    client.connection.send(Requests::reqPositions);
    Position position =
        client.await(Position.class, p -> p.contract().conId() == call.conId(), "position");
    assertThat(position.position()).isEqualTo(1);
    assertThat(position.avgCost()).isCloseTo(exec.price() * 100, within(1e-6));
    assertThat(position.account()).isEqualTo(sim.account());
  }

  @Test
  void aFourLegIronCondorFillsAtItsNetCredit() {
    SimInstrument longPut = option(570, OptionType.PUT);
    SimInstrument shortPut = option(580, OptionType.PUT);
    SimInstrument shortCall = option(620, OptionType.CALL);
    SimInstrument longCall = option(630, OptionType.CALL);
    TwsContract condor =
        new TwsContract(
            0,
            "SPY",
            "BAG",
            "",
            TwsValues.UNSET_DOUBLE,
            "",
            "",
            "SMART",
            "",
            "USD",
            "",
            "",
            List.of(
                new TwsComboLeg(longPut.conId(), 1, "BUY", "SMART"),
                new TwsComboLeg(shortPut.conId(), 1, "SELL", "SMART"),
                new TwsComboLeg(shortCall.conId(), 1, "SELL", "SMART"),
                new TwsComboLeg(longCall.conId(), 1, "BUY", "SMART")));
    // buying the combo at a negative price is selling the condor for a credit
    double credit =
        sim.call(
            () ->
                market.quote(shortPut.conId()).bid()
                    + market.quote(shortCall.conId()).bid()
                    - market.quote(longPut.conId()).ask()
                    - market.quote(longCall.conId()).ask());
    double limit = Math.round((-credit + 0.30) * 100) / 100.0;
    int orderId = client.connection.nextOrderId();
    TwsOrder order =
        TwsOrder.limit("BUY", BigDecimal.valueOf(2), limit).withOrderRef("ic-1:OPEN:1");
    client.connection.send(w -> Requests.placeOrder(w, orderId, condor, order));
    OrderStatus filled =
        client.await(
            OrderStatus.class, s -> s.orderId() == orderId && s.status().equals("Filled"), "fill");
    assertThat(filled.avgFillPrice()).isLessThanOrEqualTo(limit);
    OpenOrder open = client.await(OpenOrder.class, o -> o.orderId() == orderId, "combo openOrder");
    assertThat(open.contract().secType()).isEqualTo("BAG");
    assertThat(open.contract().comboLegs())
        .extracting(TwsComboLeg::conId)
        .containsExactly(longPut.conId(), shortPut.conId(), shortCall.conId(), longCall.conId());
    assertThat(open.orderRef()).isEqualTo("ic-1:OPEN:1");
    SimClient.await(
        () ->
            client.all(ExecutionDetails.class).stream().filter(e -> e.orderId() == orderId).count()
                == 4,
        "four leg executions");
    assertThat(client.all(ExecutionDetails.class))
        .filteredOn(e -> e.orderId() == orderId)
        .allSatisfy(e -> assertThat(e.orderRef()).isEqualTo("ic-1:OPEN:1"))
        .extracting(ExecutionDetails::side)
        .containsExactlyInAnyOrder("BOT", "SLD", "SLD", "BOT");
    assertThat(sim.positions())
        .containsEntry(longPut.conId(), 2L)
        .containsEntry(shortPut.conId(), -2L)
        .containsEntry(shortCall.conId(), -2L)
        .containsEntry(longCall.conId(), 2L);
  }

  @Test
  void sizeBeyondTheQuoteFillsPartiallyOverSeveralSteps() {
    SimInstrument call = option(600, OptionType.CALL);
    int orderId = client.connection.nextOrderId();
    client.connection.send(
        w ->
            Requests.placeOrder(
                w, orderId, byConId(call), TwsOrder.market("BUY", BigDecimal.valueOf(400))));
    OrderStatus partial =
        client.await(
            OrderStatus.class,
            s -> s.orderId() == orderId && s.filled() > 0 && s.remaining() > 0,
            "a partial fill");
    assertThat(partial.filled() + partial.remaining()).isEqualTo(400);
    client.await(
        OrderStatus.class, s -> s.orderId() == orderId && s.status().equals("Filled"), "the rest");
    double executed =
        client.all(ExecutionDetails.class).stream()
            .filter(e -> e.orderId() == orderId)
            .mapToDouble(ExecutionDetails::shares)
            .sum();
    assertThat(executed).isEqualTo(400);
    assertThat(sim.positions()).containsEntry(call.conId(), 400L);
  }

  @Test
  void aModifiedOrderFillsAtItsNewPriceAndTheMasterClientSeesIt() throws Exception {
    SimInstrument put = option(590, OptionType.PUT);
    try (SimClient orders = new SimClient(sim.port(), 2, 50)) {
      assertThat(orders.connection.awaitReady(Duration.ofSeconds(10))).isTrue();
      int orderId = orders.connection.nextOrderId();
      orders.connection.send(
          w ->
              Requests.placeOrder(
                  w,
                  orderId,
                  byConId(put),
                  TwsOrder.limit("BUY", BigDecimal.ONE, 0.01).withOrderRef("m:1")));
      orders.await(
          OrderStatus.class,
          s -> s.orderId() == orderId && s.status().equals("Submitted"),
          "resting");
      double ask = sim.call(() -> market.quote(put.conId()).ask());
      double marketable = Math.round((ask + 0.50) * 100) / 100.0;
      orders.connection.send(
          w ->
              Requests.placeOrder(
                  w,
                  orderId,
                  byConId(put),
                  TwsOrder.limit("BUY", BigDecimal.ONE, marketable).withOrderRef("m:1")));
      orders.await(
          OrderStatus.class,
          s -> s.orderId() == orderId && s.status().equals("Filled"),
          "fill after modify");
      // client 1 is the master: it sees client 2's order, fill and execution
      OrderStatus seen =
          client.await(
              OrderStatus.class,
              s -> s.orderId() == orderId && s.clientId() == 2 && s.status().equals("Filled"),
              "the master's view");
      assertThat(seen.avgFillPrice()).isLessThanOrEqualTo(marketable);
      assertThat(
              client
                  .await(ExecutionDetails.class, e -> e.orderRef().equals("m:1"), "execution")
                  .clientId())
          .isEqualTo(2);
    }
  }

  @Test
  void reqOpenOrdersGivesAClientItsOwnAndReqAllOpenOrdersEveryClients() throws Exception {
    SimInstrument put = option(590, OptionType.PUT);
    try (SimClient placer = new SimClient(sim.port(), 2, 50);
        SimClient other = new SimClient(sim.port(), 3, 50)) {
      assertThat(placer.connection.awaitReady(Duration.ofSeconds(10))).isTrue();
      assertThat(other.connection.awaitReady(Duration.ofSeconds(10))).isTrue();
      int orderId = placer.connection.nextOrderId();
      placer.connection.send(
          w ->
              Requests.placeOrder(
                  w,
                  orderId,
                  byConId(put),
                  TwsOrder.limit("BUY", BigDecimal.ONE, 0.01).withOrderRef("resting:1")));
      placer.await(
          OrderStatus.class,
          s -> s.orderId() == orderId && s.status().equals("Submitted"),
          "resting");
      other.connection.send(Requests::reqOpenOrders);
      other.await(
          RequestEnd.class,
          e -> e.messageId() == IncomingMessageId.OPEN_ORDER_END,
          "its own open orders");
      assertThat(other.all(OpenOrder.class)).as("client 3 placed nothing").isEmpty();
      other.connection.send(Requests::reqAllOpenOrders);
      OpenOrder seen =
          other.await(OpenOrder.class, o -> o.orderRef().equals("resting:1"), "every client's");
      assertThat(seen.clientId()).isEqualTo(2);
    }
  }

  @Test
  void cancelsDuplicatesAndBadTicksGetIbsCodes() {
    SimInstrument put = option(560, OptionType.PUT);
    int resting = client.connection.nextOrderId();
    client.connection.send(
        w ->
            Requests.placeOrder(
                w, resting, byConId(put), TwsOrder.limit("BUY", BigDecimal.ONE, 0.01)));
    client.await(
        OrderStatus.class,
        s -> s.orderId() == resting && s.status().equals("Submitted"),
        "resting");
    client.connection.send(w -> Requests.cancelOrder(w, resting, ""));
    client.await(
        OrderStatus.class,
        s -> s.orderId() == resting && s.status().equals("Cancelled"),
        "cancelled");
    client.await(ErrorMessage.class, e -> e.id() == resting && e.errorCode() == 202, "202");

    client.connection.send(
        w ->
            Requests.placeOrder(
                w, resting, byConId(put), TwsOrder.limit("BUY", BigDecimal.ONE, 0.02)));
    client.await(
        ErrorMessage.class, e -> e.id() == resting && e.errorCode() == 104, "104 on a dead order");

    int skipped = client.connection.nextOrderId();
    int later = client.connection.nextOrderId();
    client.connection.send(
        w ->
            Requests.placeOrder(
                w, later, byConId(put), TwsOrder.limit("BUY", BigDecimal.ONE, 0.01)));
    client.await(OrderStatus.class, s -> s.orderId() == later, "the later order");
    client.connection.send(
        w ->
            Requests.placeOrder(
                w, skipped, byConId(put), TwsOrder.limit("BUY", BigDecimal.ONE, 0.01)));
    client.await(ErrorMessage.class, e -> e.id() == skipped && e.errorCode() == 103, "103");

    int offTick = client.connection.nextOrderId();
    client.connection.send(
        w ->
            Requests.placeOrder(
                w, offTick, byConId(put), TwsOrder.limit("BUY", BigDecimal.ONE, 0.015)));
    client.await(ErrorMessage.class, e -> e.id() == offTick && e.errorCode() == 110, "110");

    sim.inject(
        new Fault(
            Duration.ZERO,
            FaultKind.REJECT_ORDERS,
            Duration.ofMinutes(5),
            201,
            "risk desk says no"));
    int rejected = client.connection.nextOrderId();
    client.connection.send(
        w ->
            Requests.placeOrder(
                w, rejected, byConId(put), TwsOrder.limit("BUY", BigDecimal.ONE, 0.05)));
    ErrorMessage reject =
        client.await(ErrorMessage.class, e -> e.id() == rejected && e.errorCode() == 201, "201");
    assertThat(reject.errorMsg()).contains("risk desk says no");
  }

  @Test
  void subscriptionsAreBackWithinFiveSecondsAfterADropAndAfter1101() {
    for (int k = 0; k < 3; k++) {
      SimInstrument c = option(600 + k, OptionType.PUT);
      int reqId = client.connection.nextRequestId();
      client.connection.subscribe(
          "mkt:" + reqId, w -> Requests.reqMktData(w, reqId, byConId(c), "", false, false));
    }
    SimClient.await(() -> sim.activeSubscriptions(1) == 3, "three streams");

    sim.inject(new Fault(Duration.ZERO, FaultKind.DROP_CONNECTION, Duration.ZERO, 0, ""));
    SimClient.await(() -> sim.activeSubscriptions(1) == 0, "the drop");
    long dropped = System.nanoTime();
    SimClient.await(() -> sim.activeSubscriptions(1) == 3, "streams after reconnect");
    assertThat((System.nanoTime() - dropped) / 1_000_000).isLessThan(5_000);

    sim.inject(
        new Fault(
            Duration.ZERO, FaultKind.CONNECTIVITY_LOST_DATA_LOST, Duration.ofMillis(500), 0, ""));
    client.await(ErrorMessage.class, e -> e.errorCode() == 1101, "1101");
    long restored = System.nanoTime();
    SimClient.await(() -> sim.activeSubscriptions(1) == 3, "streams after 1101");
    assertThat((System.nanoTime() - restored) / 1_000_000).isLessThan(5_000);
  }

  @Test
  void aGarbageFrameIsSkippedAndTheStreamGoesOn() {
    SimInstrument call = option(610, OptionType.CALL);
    int reqId = client.connection.nextRequestId();
    client.connection.subscribe(
        "mkt", w -> Requests.reqMktData(w, reqId, byConId(call), "", false, false));
    client.await(TickPrice.class, t -> t.tickerId() == reqId, "first tick");
    sim.inject(new Fault(Duration.ZERO, FaultKind.GARBAGE_FRAME, Duration.ZERO, 0, ""));
    SimClient.await(() -> client.connection.malformedFrames() == 1, "the garbage frame");
    int before = client.all(TickPrice.class).size();
    SimClient.await(() -> client.all(TickPrice.class).size() > before, "ticks after the garbage");
    assertThat(client.connection.reconnects()).isZero();
  }

  @Test
  void aSecondConnectionWithTheSameClientIdGets326() {
    try (SimClient twin = new SimClient(sim.port(), 1, 50)) {
      twin.await(ErrorMessage.class, e -> e.errorCode() == 326, "326");
    }
    assertThat(client.connection.state().acceptsRequests()).isTrue();
  }
}
