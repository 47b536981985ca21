package dev.thetaflow.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceTest {

  @ParameterizedTest(name = "{0} at tick {1} rounded {2} = {3}")
  @CsvSource({
    "1.23, 0.05, DOWN, 1.2",
    "1.23, 0.05, UP, 1.25",
    "1.23, 0.05, NEAREST, 1.25",
    "1.22, 0.05, NEAREST, 1.2",
    "1.225, 0.05, NEAREST, 1.25",
    "1.20, 0.05, UP, 1.2",
    "1.20, 0.05, DOWN, 1.2",
    "0.004, 0.01, UP, 0.01",
    "0.004, 0.01, DOWN, 0",
    "2.345, 0.01, NEAREST, 2.35",
    "2.3449, 0.01, NEAREST, 2.34",
    "-0.73, 0.05, DOWN, -0.75",
    "-0.73, 0.05, UP, -0.7",
    "-0.73, 0.05, NEAREST, -0.75",
    "-0.725, 0.05, NEAREST, -0.75",
    "5123.47, 0.10, NEAREST, 5123.5",
    "5123.44, 0.25, DOWN, 5123.25"
  })
  void roundsOntoTheGrid(double raw, double tick, TickRounding rounding, String wire) {
    assertThat(Price.of(raw, tick, rounding).toWire()).isEqualTo(wire);
  }

  @Test
  void floatingPointNoiseDoesNotMoveAWholeTick() {
    double noisy = 24 * 0.05; // 1.2000000000000002
    assertThat(noisy).isNotEqualTo(1.2);
    assertThat(Price.of(noisy, 0.05, TickRounding.UP).toWire()).isEqualTo("1.2");
    assertThat(Price.of(0.1 + 0.2, 0.01, TickRounding.UP).toWire()).isEqualTo("0.3");
    assertThat(Price.of(0.7 - 0.6, 0.01, TickRounding.DOWN).toWire()).isEqualTo("0.1");
    // 300000.30000000005: the noise is 5e-9 ticks at 0.01, above a fixed 1e-9 tolerance
    assertThat(Price.of(100000.1 * 3, 0.01, TickRounding.UP).toWire()).isEqualTo("300000.3");
    // a genuine sub-tick excess still rounds
    assertThat(Price.of(1.2001, 0.05, TickRounding.UP).toWire()).isEqualTo("1.25");
    assertThat(Price.of(300000.301, 0.01, TickRounding.UP).toWire()).isEqualTo("300000.31");
  }

  @Test
  void everyMultipleOfAFiveCentTickPrintsExactly() {
    BigDecimal tick = new BigDecimal("0.05");
    for (int i = -200; i <= 2000; i++) {
      String expected = tick.multiply(BigDecimal.valueOf(i)).stripTrailingZeros().toPlainString();
      if (i == 0) {
        expected = "0";
      }
      assertThat(Price.of(i * 0.05, 0.05, TickRounding.NEAREST).toWire()).isEqualTo(expected);
      assertThat(Price.of(0, 0.05, TickRounding.NEAREST).plusTicks(i).toWire()).isEqualTo(expected);
    }
  }

  @Test
  void ticksAndEqualityIgnoreHowTheDecimalWasWritten() {
    Price a = Price.of(1.2, 0.05, TickRounding.NEAREST);
    Price b = new Price(new BigDecimal("1.2000"), new BigDecimal("0.050"));
    assertThat(a).isEqualTo(b);
    assertThat(a.ticks()).isEqualTo(24);
    assertThat(a.toDouble()).isEqualTo(1.2);
    assertThat(a.negate().toWire()).isEqualTo("-1.2");
    assertThat(a.compareTo(a.plusTicks(1))).isNegative();
    assertThat(Price.of(3.0, 0.01, TickRounding.NEAREST).toWire()).isEqualTo("3");
  }

  @Test
  void parseAcceptsOnlyOnGridText() {
    assertThat(Price.parse("1.25", new BigDecimal("0.05")).ticks()).isEqualTo(25);
    assertThatThrownBy(() -> Price.parse("1.23", new BigDecimal("0.05")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("multiple of tick 0.05");
  }

  @Test
  void rejectsNonFiniteValuesAndBadTicks() {
    assertThatThrownBy(() -> Price.of(Double.NaN, 0.05, TickRounding.NEAREST))
        .hasMessageContaining("finite");
    assertThatThrownBy(() -> Price.of(Double.POSITIVE_INFINITY, 0.05, TickRounding.UP))
        .hasMessageContaining("finite");
    assertThatThrownBy(() -> Price.of(1.0, 0.0, TickRounding.UP)).hasMessageContaining("tick");
    assertThatThrownBy(() -> Price.of(1.0, -0.05, TickRounding.UP)).hasMessageContaining("tick");
    assertThatThrownBy(() -> Price.of(1.0, Double.NaN, TickRounding.UP))
        .hasMessageContaining("tick");
    assertThatThrownBy(() -> Price.of(1.0, 0.05, null)).hasMessageContaining("rounding");
    assertThatThrownBy(() -> new Price(null, BigDecimal.ONE)).hasMessageContaining("value");
  }

  @Test
  void passiveRoundingFollowsTheSide() {
    assertThat(Price.of(1.23, 0.05, Side.BUY.passiveRounding()).toWire()).isEqualTo("1.2");
    assertThat(Price.of(1.23, 0.05, Side.SELL.passiveRounding()).toWire()).isEqualTo("1.25");
  }
}
