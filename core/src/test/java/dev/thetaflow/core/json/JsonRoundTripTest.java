package dev.thetaflow.core.json;

import static dev.thetaflow.core.strategy.StrategyTestData.call;
import static dev.thetaflow.core.strategy.StrategyTestData.put;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaflow.core.alert.Alert;
import dev.thetaflow.core.alert.Severity;
import dev.thetaflow.core.decision.Decision;
import dev.thetaflow.core.decision.DecisionAction;
import dev.thetaflow.core.decision.Measurement;
import dev.thetaflow.core.decision.RuleId;
import dev.thetaflow.core.decision.Urgency;
import dev.thetaflow.core.instrument.Contract;
import dev.thetaflow.core.instrument.Leg;
import dev.thetaflow.core.market.ModelGreeks;
import dev.thetaflow.core.market.ModelTickSource;
import dev.thetaflow.core.market.Quote;
import dev.thetaflow.core.order.Fill;
import dev.thetaflow.core.order.OrderPurpose;
import dev.thetaflow.core.order.OrderRef;
import dev.thetaflow.core.order.OrderRequest;
import dev.thetaflow.core.order.OrderType;
import dev.thetaflow.core.order.Position;
import dev.thetaflow.core.order.TimeInForce;
import dev.thetaflow.core.strategy.Strategies;
import dev.thetaflow.core.strategy.Strategy;
import dev.thetaflow.core.strategy.StrategyState;
import dev.thetaflow.core.value.Money;
import dev.thetaflow.core.value.Price;
import dev.thetaflow.core.value.Side;
import dev.thetaflow.core.value.TickRounding;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Domain records survive JSON unchanged through the shared mapper. */
class JsonRoundTripTest {

  static final ObjectMapper MAPPER = DomainJson.newMapper();

  static <T> T roundTrip(T value, Class<T> type) throws Exception {
    return MAPPER.readValue(MAPPER.writeValueAsString(value), type);
  }

  @Test
  void strategyRoundTrips() throws Exception {
    Instant t0 = Instant.parse("2026-11-23T15:00:00.123456789Z");
    Strategy ic =
        Strategies.ironCondor("ic-1", put(640), put(650), call(720), call(730), 3, t0)
            .withOpeningNetPrice(Price.of(1.2000000000000002, 0.05, TickRounding.NEAREST))
            .withState(StrategyState.OPEN, t0);
    Strategy back = roundTrip(ic, Strategy.class);
    assertThat(back).isEqualTo(ic);
    assertThat(back.openingNetPrice().toWire()).isEqualTo("1.2");
    String json = MAPPER.writeValueAsString(ic);
    assertThat(json)
        .doesNotContain("1.2000000000000002")
        .contains("\"expiry\":\"2026-12-18\"")
        .contains("\"openedAt\":\"2026-11-23T15:00:00.123456789Z\"");
  }

  @Test
  void orderRequestRoundTripsWithItsRefAsText() throws Exception {
    OrderRequest req =
        new OrderRequest(
            new OrderRef("ic-1", OrderPurpose.EXIT, 2),
            "DU123",
            List.of(new Leg(put(650), 1), new Leg(put(640), -1)),
            Side.BUY,
            2,
            OrderType.TRAIL,
            null,
            null,
            null,
            2.5,
            TimeInForce.GTC);
    String json = MAPPER.writeValueAsString(req);
    assertThat(json).contains("\"orderRef\":\"ic-1:EXIT:2\"");
    assertThat(roundTrip(req, OrderRequest.class)).isEqualTo(req);
  }

  @Test
  void eventsRoundTrip() throws Exception {
    Instant t = Instant.parse("2026-11-23T15:00:00Z");
    Quote oneSided = new Quote(6500, Double.NaN, 0.05, Double.NaN, 0, 100, 0, t);
    Quote back = roundTrip(oneSided, Quote.class);
    assertThat(back.bid()).isNaN();
    assertThat(back).isEqualTo(oneSided);
    ModelGreeks g =
        new ModelGreeks(
            6500, ModelTickSource.MODEL, 0.18, -0.16, 0.002, Double.NaN, -0.35, 2.1, 600, t);
    assertThat(roundTrip(g, ModelGreeks.class)).isEqualTo(g);
    Fill f =
        new Fill(
            "e1",
            OrderRef.parse("ic-1:ENTRY:1"),
            17,
            "DU1",
            6500,
            Side.SELL,
            2,
            new BigDecimal("1.235"),
            Money.of("1.30", "USD"),
            t);
    assertThat(roundTrip(f, Fill.class)).isEqualTo(f);
    Decision d =
        Decision.of(
            "ic-1",
            DecisionAction.CLOSE,
            Urgency.HIGH,
            RuleId.STOP_LOSS,
            "2x",
            List.of(new Measurement("loss / credit", 2.1, 2, "x")),
            t);
    assertThat(roundTrip(d, Decision.class)).isEqualTo(d);
    Alert a = new Alert("a1", t, Severity.WARNING, "risk-gate", "ORDER_DENIED", "limit", null);
    assertThat(roundTrip(a, Alert.class)).isEqualTo(a);
    Position p = new Position("DU1", put(650), -2, new BigDecimal("1.25"));
    assertThat(roundTrip(p, Position.class)).isEqualTo(p);
  }

  @Test
  void nonOptionContractKeepsItsNaNStrike() throws Exception {
    Contract spy = Contract.stock(756733, "SPY", "SMART", "USD");
    Contract back = roundTrip(spy, Contract.class);
    assertThat(back).isEqualTo(spy);
    assertThat(back.strike()).isNaN();
  }
}
