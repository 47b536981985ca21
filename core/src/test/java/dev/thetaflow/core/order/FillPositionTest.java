package dev.thetaflow.core.order;

import static dev.thetaflow.core.strategy.StrategyTestData.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.thetaflow.core.value.Money;
import dev.thetaflow.core.value.Side;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FillPositionTest {

  static final Instant T = Instant.parse("2026-11-23T15:00:00Z");

  @Test
  void commissionArrivesLater() {
    Fill f =
        new Fill(
            "0001f4e8.6563b1c2.01.01",
            OrderRef.parse("ic-1:ENTRY:1"),
            17,
            "DU1",
            6500,
            Side.SELL,
            2,
            new BigDecimal("1.235"),
            null,
            T);
    assertThat(f.commission()).isNull();
    assertThat(f.signedQuantity()).isEqualTo(-2);
    Fill done = f.withCommission(Money.of("1.30", "USD"));
    assertThat(done.commission().amount()).isEqualByComparingTo("1.30");
    assertThat(done.execId()).isEqualTo(f.execId());
    assertThatThrownBy(() -> f.withCommission(null)).hasMessageContaining("commission");
  }

  @Test
  void fillValidation() {
    assertThatThrownBy(() -> new Fill("", null, 0, "DU1", 1, Side.BUY, 1, BigDecimal.ONE, null, T))
        .hasMessageContaining("execId");
    assertThatThrownBy(() -> new Fill("e", null, 0, "DU1", 1, Side.BUY, 0, BigDecimal.ONE, null, T))
        .hasMessageContaining("fill e: quantity must be > 0, was 0");
    assertThatThrownBy(() -> new Fill("e", null, 0, "DU1", 0, Side.BUY, 1, BigDecimal.ONE, null, T))
        .hasMessageContaining("conId");
    assertThatThrownBy(
            () -> new Fill("e", null, -1, "DU1", 1, Side.BUY, 1, BigDecimal.ONE, null, T))
        .hasMessageContaining("orderId");
  }

  @Test
  void positionCostBasisUsesMultiplierAndSign() {
    Position short2 = new Position("DU1", put(650), -2, new BigDecimal("1.25"));
    assertThat(short2.costBasis()).isCloseTo(-250.0, within(1e-9)); // 1.25 × 100 × -2
    assertThatThrownBy(() -> new Position("", put(650), 1, BigDecimal.ONE))
        .hasMessageContaining("account");
    assertThatThrownBy(() -> new Position("DU1", put(650), 1, null))
        .hasMessageContaining("averagePrice");
  }
}
