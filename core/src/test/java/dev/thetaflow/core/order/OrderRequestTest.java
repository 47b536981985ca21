package dev.thetaflow.core.order;

import static dev.thetaflow.core.strategy.StrategyTestData.call;
import static dev.thetaflow.core.strategy.StrategyTestData.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thetaflow.core.instrument.Leg;
import dev.thetaflow.core.value.Price;
import dev.thetaflow.core.value.Side;
import dev.thetaflow.core.value.TickRounding;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderRequestTest {

  static final OrderRef REF = new OrderRef("ic-1", OrderPurpose.ENTRY, 1);
  static final List<Leg> ONE = List.of(new Leg(put(650), 1));
  static final Price P = Price.of(1.25, 0.01, TickRounding.NEAREST);
  static final Price STOP = Price.of(2.5, 0.01, TickRounding.NEAREST);

  static OrderRequest of(OrderType type, Price limit, Price stop, Price trailAmt, double trailPct) {
    return new OrderRequest(
        REF, "DU123", ONE, Side.BUY, 1, type, limit, stop, trailAmt, trailPct, TimeInForce.DAY);
  }

  @Test
  void eachTypeAcceptsExactlyItsPriceFields() {
    assertThat(of(OrderType.LMT, P, null, null, Double.NaN).limitPrice()).isEqualTo(P);
    assertThat(of(OrderType.MKT, null, null, null, Double.NaN).orderType())
        .isEqualTo(OrderType.MKT);
    assertThat(of(OrderType.STP, null, STOP, null, Double.NaN).stopPrice()).isEqualTo(STOP);
    assertThat(of(OrderType.STP_LMT, P, STOP, null, Double.NaN).stopPrice()).isEqualTo(STOP);
    assertThat(of(OrderType.TRAIL, null, null, P, Double.NaN).trailingAmount()).isEqualTo(P);
    assertThat(of(OrderType.TRAIL, null, STOP, null, 1.5).trailingPercent()).isEqualTo(1.5);
  }

  @Test
  void missingOrExtraPriceFieldsAreRejected() {
    assertThatThrownBy(() -> of(OrderType.LMT, null, null, null, Double.NaN))
        .hasMessageContaining("LMT needs a limit price");
    assertThatThrownBy(() -> of(OrderType.MKT, P, null, null, Double.NaN))
        .hasMessageContaining("MKT must not have a limit price");
    assertThatThrownBy(() -> of(OrderType.STP, null, null, null, Double.NaN))
        .hasMessageContaining("STP needs a stop price");
    assertThatThrownBy(() -> of(OrderType.STP_LMT, null, STOP, null, Double.NaN))
        .hasMessageContaining("STP_LMT needs a limit price");
    assertThatThrownBy(() -> of(OrderType.STP_LMT, P, null, null, Double.NaN))
        .hasMessageContaining("STP_LMT needs a stop price");
    assertThatThrownBy(() -> of(OrderType.LMT, P, STOP, null, Double.NaN))
        .hasMessageContaining("LMT must not have a stop price");
    assertThatThrownBy(() -> of(OrderType.TRAIL, null, null, null, Double.NaN))
        .hasMessageContaining("exactly one of trailingAmount or trailingPercent");
    assertThatThrownBy(() -> of(OrderType.TRAIL, null, null, P, 1.0))
        .hasMessageContaining("exactly one");
    assertThatThrownBy(() -> of(OrderType.TRAIL, null, null, null, 100.0))
        .hasMessageContaining("trailingPercent must be in (0, 100)");
    assertThatThrownBy(() -> of(OrderType.TRAIL, null, null, P.negate(), Double.NaN))
        .hasMessageContaining("trailingAmount must be > 0");
    assertThatThrownBy(() -> of(OrderType.LMT, P, null, P, Double.NaN))
        .hasMessageContaining("only TRAIL");
  }

  @Test
  void commonFieldsAndLegsAreValidated() {
    assertThatThrownBy(() -> OrderRequest.limit(REF, " ", ONE, Side.BUY, 1, P, TimeInForce.DAY))
        .hasMessageContaining("order ic-1:ENTRY:1: account is required");
    assertThatThrownBy(() -> OrderRequest.limit(REF, "DU1", ONE, Side.BUY, 0, P, TimeInForce.DAY))
        .hasMessageContaining("quantity must be > 0, was 0");
    assertThatThrownBy(
            () -> OrderRequest.limit(REF, "DU1", List.of(), Side.BUY, 1, P, TimeInForce.DAY))
        .hasMessageContaining("at least one leg");
    assertThatThrownBy(
            () ->
                OrderRequest.limit(
                    REF, "DU1", List.of(new Leg(put(650), -1)), Side.BUY, 1, P, TimeInForce.DAY))
        .hasMessageContaining("single-leg order has ratio +1");
    assertThatThrownBy(
            () ->
                OrderRequest.limit(
                    REF,
                    "DU1",
                    List.of(new Leg(put(650), -1), new Leg(put(650), 1)),
                    Side.BUY,
                    1,
                    P,
                    TimeInForce.DAY))
        .hasMessageContaining("appears twice");
    assertThatThrownBy(() -> OrderRequest.market(null, "DU1", ONE, Side.BUY, 1, TimeInForce.IOC))
        .hasMessageContaining("orderRef is required");
    OrderRequest combo =
        OrderRequest.limit(
            REF,
            "DU1",
            List.of(new Leg(put(650), -1), new Leg(put(640), 1)),
            Side.SELL,
            2,
            P,
            TimeInForce.DAY);
    assertThat(combo.isCombo()).isTrue();
  }

  @Test
  void orderRefFormatRoundTrips() {
    OrderRef ref = OrderRef.parse("ic-spx_2026.12:EXIT:12");
    assertThat(ref).isEqualTo(new OrderRef("ic-spx_2026.12", OrderPurpose.EXIT, 12));
    assertThat(ref.toString()).isEqualTo("ic-spx_2026.12:EXIT:12");
    assertThat(ref.next().seq()).isEqualTo(13);
    assertThatThrownBy(() -> OrderRef.parse("ic:EXIT:0")).hasMessageContaining("<strategyId>");
    assertThatThrownBy(() -> OrderRef.parse("ic:exit:1")).hasMessageContaining("<strategyId>");
    assertThatThrownBy(() -> OrderRef.parse("ic:CLOSE:1")).hasMessageContaining("unknown purpose");
    assertThatThrownBy(() -> OrderRef.parse("a:b:ENTRY:1")).hasMessageContaining("<strategyId>");
    assertThatThrownBy(() -> OrderRef.parse(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OrderRef("ic", OrderPurpose.ROLL, 0)).hasMessageContaining("seq");
  }

  @Test
  void statusesKnowWhenTheyAreDone() {
    assertThat(OrderStatus.FILLED.isTerminal()).isTrue();
    assertThat(OrderStatus.CANCELLED.isTerminal()).isTrue();
    assertThat(OrderStatus.REJECTED.isTerminal()).isTrue();
    assertThat(OrderStatus.INACTIVE.isTerminal()).isFalse();
    assertThat(OrderStatus.PENDING_CANCEL.isTerminal()).isFalse();
    assertThat(OrderStatus.PENDING_CANCEL.isWorking()).isTrue();
    assertThat(OrderStatus.PRE_SUBMITTED.isWorking()).isFalse();
  }

  @Test
  void intentChecksItsCause() {
    var stop =
        dev.thetaflow.core.decision.Decision.of(
            "other",
            dev.thetaflow.core.decision.DecisionAction.CLOSE,
            dev.thetaflow.core.decision.Urgency.HIGH,
            dev.thetaflow.core.decision.RuleId.STOP_LOSS,
            "x",
            List.of(),
            java.time.Instant.EPOCH);
    assertThatThrownBy(
            () ->
                new OrderIntent(
                    "ic-1",
                    OrderPurpose.EXIT,
                    Side.BUY,
                    List.of(new Leg(call(720), 1)),
                    1,
                    null,
                    stop,
                    java.time.Instant.EPOCH))
        .hasMessageContaining("caused by a decision about other");
    assertThatThrownBy(
            () ->
                new OrderIntent(
                    "ic-1",
                    OrderPurpose.ENTRY,
                    Side.SELL,
                    ONE,
                    -1,
                    P,
                    null,
                    java.time.Instant.EPOCH))
        .hasMessageContaining("quantity must be > 0");
  }
}
