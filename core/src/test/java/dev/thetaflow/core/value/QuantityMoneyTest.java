package dev.thetaflow.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class QuantityMoneyTest {

  @Test
  void quantityIsWholeAndNonNegative() {
    assertThat(Quantity.of(3).plus(Quantity.of(2))).isEqualTo(Quantity.of(5));
    assertThat(Quantity.of(3).minus(Quantity.of(3)).isZero()).isTrue();
    assertThatThrownBy(() -> Quantity.of(-1)).hasMessage("quantity must be >= 0, was -1");
    assertThatThrownBy(() -> Quantity.of(1).minus(Quantity.of(2)))
        .hasMessageContaining("would be negative");
    assertThatThrownBy(() -> Quantity.of(Long.MAX_VALUE).plus(Quantity.of(1)))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void moneyIsExactAndSingleCurrency() {
    Money a = Money.of(0.1, "USD");
    Money b = Money.of(0.2, "USD");
    assertThat(a.plus(b).amount()).isEqualByComparingTo(new BigDecimal("0.3"));
    assertThat(a.minus(b).toString()).isEqualTo("-0.1 USD");
    assertThat(a.negate().amount()).isEqualByComparingTo("-0.1");
    assertThat(Money.of("1.05", "EUR").amount()).isEqualByComparingTo("1.05");
    assertThatThrownBy(() -> a.plus(Money.of(1, "EUR"))).hasMessageContaining("USD with EUR");
    assertThatThrownBy(() -> Money.of(Double.NaN, "USD")).hasMessageContaining("finite");
    assertThatThrownBy(() -> Money.of(1, "usd")).hasMessageContaining("ISO 4217");
    assertThatThrownBy(() -> Money.of(1, null)).hasMessageContaining("ISO 4217");
  }

  @Test
  void sideSigns() {
    assertThat(Side.BUY.sign()).isEqualTo(1);
    assertThat(Side.SELL.sign()).isEqualTo(-1);
    assertThat(Side.BUY.opposite()).isEqualTo(Side.SELL);
    assertThat(Side.ofSign(-3)).isEqualTo(Side.SELL);
    assertThatThrownBy(() -> Side.ofSign(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void strategyIdsHaveNoColon() {
    assertThat(Ids.requireStrategyId("ic-spx_2026.12")).isEqualTo("ic-spx_2026.12");
    assertThatThrownBy(() -> Ids.requireStrategyId("a:b")).hasMessageContaining("'a:b'");
    assertThatThrownBy(() -> Ids.requireStrategyId(""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Ids.requireStrategyId("x".repeat(65)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Ids.requireStrategyId("x".repeat(64))).hasSize(64);
    assertThatThrownBy(() -> Ids.requireStrategyId(null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void strategyIdsAcceptExactlyWhatTheDocumentedPatternAccepts() {
    java.util.regex.Pattern documented = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,64}");
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      String id = "a" + c + "1"; // non-ASCII letters and digits (é, ٣) are not ids
      boolean accepted;
      try {
        Ids.requireStrategyId(id);
        accepted = true;
      } catch (IllegalArgumentException e) {
        accepted = false;
      }
      assertThat(accepted).as("U+%04X", (int) c).isEqualTo(documented.matcher(id).matches());
    }
  }
}
