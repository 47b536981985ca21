package dev.thetaflow.sim.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.broker.BrokerEvent.DividendEvent;
import dev.thetaflow.ib.codec.Requests;
import dev.thetaflow.ib.codec.TickPrice;
import dev.thetaflow.ib.codec.TickString;
import dev.thetaflow.ib.codec.TwsContract;
import dev.thetaflow.ib.codec.TwsValues;
import dev.thetaflow.ib.mapping.Dividends;
import dev.thetaflow.sim.market.ContractQuery;
import dev.thetaflow.sim.market.MarketSpec;
import dev.thetaflow.sim.market.SimInstrument;
import dev.thetaflow.sim.market.SimMarket;
import dev.thetaflow.sim.scenario.ScenarioParser;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The scenario's next dividend reaches a client that asks for IB's dividend tick (456 → 59). */
class IbSimDividendTest {
  private SimMarket market;
  private IbSim sim;
  private SimClient client;

  @BeforeEach
  void start() throws Exception {
    market = SimMarket.create(MarketSpec.defaults(), 42, IbSimTest.OPEN);
    IbSim.Options defaults = IbSim.Options.defaults(0, 1.0, 42);
    IbSim.Options options =
        new IbSim.Options(0, 1.0, 1, 10, defaults.account(), 1_000_000, Duration.ofMillis(50));
    var scenario =
        ScenarioParser.parse(
            """
            name: dividend
            dividends:
              - underlying: SPY
                amount: 1.82
                exInDays: 2
            """,
            "test");
    sim = IbSim.start(options, market, scenario);
    client = new SimClient(sim.port(), 1, 50);
    assertThat(client.connection.awaitReady(Duration.ofSeconds(10))).isTrue();
  }

  @AfterEach
  void stop() {
    client.close();
    sim.close();
  }

  private SimInstrument resolve(String secType, double strike, OptionType right) {
    return sim.call(
        () ->
            market
                .resolve(
                    new ContractQuery(
                        0, "SPY", secType, right == null ? null : IbSimTest.EXPIRY, strike, right))
                .get(0));
  }

  private int subscribe(SimInstrument i, String genericTicks) {
    int reqId = client.connection.nextRequestId();
    TwsContract c =
        new TwsContract(
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
    client.connection.subscribe(
        "mkt:" + reqId, w -> Requests.reqMktData(w, reqId, c, genericTicks, false, false));
    client.await(TickPrice.class, t -> t.tickerId() == reqId, "a quote of " + reqId);
    return reqId;
  }

  @Test
  void aStockAskingFor456GetsItsNextDividendOnceAndOthersNone() {
    SimInstrument spy = resolve("STK", Double.NaN, null);
    SimInstrument call = resolve("OPT", 600, OptionType.CALL);
    int plain = subscribe(spy, "");
    int option = subscribe(call, "456");
    int asked = subscribe(spy, "100,456");
    TickString tick =
        client.await(
            TickString.class, t -> t.tickerId() == asked && t.tickType() == 59, "dividend tick");
    Instant received = Instant.parse("2026-11-24T15:00:00Z");
    assertThat(Dividends.parse(spy.conId(), tick.value(), received))
        .as("two days after the run's first trading day, 2026-11-24")
        .isEqualTo(new DividendEvent(spy.conId(), 1.82, LocalDate.of(2026, 11, 26), received));
    assertThat(tick.value()).isEqualTo("7.28,7.28,20261126,1.82");
    int before = client.all(TickPrice.class).size();
    SimClient.await(() -> client.all(TickPrice.class).size() > before + 2, "more ticks");
    assertThat(client.all(TickString.class))
        .as("once per subscription, only where 456 was asked for a stock")
        .extracting(TickString::tickerId)
        .containsExactly(asked)
        .doesNotContain(plain, option);
  }
}
