package dev.thetaflow.core.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.instrument.Contract;
import dev.thetaflow.core.instrument.Leg;
import dev.thetaflow.core.order.OrderRef;
import dev.thetaflow.core.order.OrderRequest;
import dev.thetaflow.core.order.OrderType;
import dev.thetaflow.core.order.TimeInForce;
import dev.thetaflow.core.value.Side;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreTradeGateTest {
  private static final Contract PUT =
      Contract.equityOption(
          11, "SPY", LocalDate.of(2026, 12, 18), 570, OptionType.PUT, new BigDecimal("0.01"));
  private static final Contract WING =
      Contract.equityOption(
          12, "SPY", LocalDate.of(2026, 12, 18), 560, OptionType.PUT, new BigDecimal("0.01"));

  private static OrderRequest order(String ref, int ratio, long quantity) {
    return new OrderRequest(
        OrderRef.parse(ref),
        "DU1",
        List.of(new Leg(PUT, -ratio), new Leg(WING, 1)),
        Side.BUY,
        quantity,
        OrderType.MKT,
        null,
        null,
        null,
        Double.NaN,
        TimeInForce.DAY);
  }

  @Test
  void theSizeLimitCountsContractsPerLegAtTheLimitAndJustAbove() {
    PreTradeGate gate = new PreTradeGate(10);
    assertThat(gate.check(order("s:ENTRY:1", 2, 5))).isNull(); // 10 of the short leg
    assertThat(gate.check(order("s:ENTRY:1", 2, 6)).reason())
        .isEqualTo("s:ENTRY:1 refused: 12 contracts of 11 in one order, the limit is 10");
    assertThat(gate.check(order("s:ENTRY:1", 1, 11))).isNotNull();
  }

  @Test
  void pausedEntriesStillLetExitsOutAndTheKillSwitchLetsNothingOut() {
    PreTradeGate gate = new PreTradeGate(10);
    gate.pauseEntries();
    assertThat(gate.check(order("s:ENTRY:1", 1, 1)).reason())
        .isEqualTo("s:ENTRY:1 refused: entries are paused");
    assertThat(gate.check(order("s:EXIT:1", 1, 1))).isNull();
    gate.kill();
    assertThat(gate.check(order("s:EXIT:1", 1, 1)).reason())
        .isEqualTo("s:EXIT:1 refused: the kill switch is on");
    gate.release();
    gate.resumeEntries();
    assertThat(gate.check(order("s:ENTRY:1", 1, 1))).isNull();
    PreTradeGate restored = new PreTradeGate(10);
    restored.restore(true, false);
    assertThat(restored.check(order("s:EXIT:2", 1, 1))).isNotNull();
  }
}
