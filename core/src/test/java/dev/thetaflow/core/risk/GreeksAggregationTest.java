package dev.thetaflow.core.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.thetaflow.core.analytics.Greeks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every expected number below is worked out by hand in the comments. */
class GreeksAggregationTest {

  static final double EPS = 1e-9;

  // Short 2 SPY puts, spot 600: per unit delta -0.25, gamma 0.01, vega 0.5, theta -3.65, rho -0.1.
  static final PositionGreeks SPY_PUTS =
      PositionGreeks.of("SPY", new Greeks(2.0, -0.25, 0.01, 0.5, -3.65, -0.1), 100, -2, 600);
  // Long 1 QQQ call, spot 500: delta 0.5, gamma 0.02, vega 0.3, theta -3.65, rho 0.05.
  static final PositionGreeks QQQ_CALL =
      PositionGreeks.of("QQQ", new Greeks(4.0, 0.5, 0.02, 0.3, -3.65, 0.05), 100, 1, 500);

  @Test
  void shortPutPositionByHand() {
    // units = 100 × -2 = -200
    assertThat(SPY_PUTS.delta()).isCloseTo(50, within(EPS)); // -0.25 × -200
    assertThat(SPY_PUTS.gamma()).isCloseTo(-2, within(EPS)); // 0.01 × -200
    assertThat(SPY_PUTS.vega()).isCloseTo(-100, within(EPS)); // 0.5 × -200
    assertThat(SPY_PUTS.vegaPerPoint()).isCloseTo(-1, within(EPS));
    assertThat(SPY_PUTS.theta()).isCloseTo(730, within(EPS)); // -3.65 × -200
    assertThat(SPY_PUTS.thetaPerDay()).isCloseTo(2, within(EPS));
    assertThat(SPY_PUTS.rho()).isCloseTo(20, within(EPS));
    assertThat(SPY_PUTS.dollarDelta()).isCloseTo(30_000, within(EPS)); // 50 × 600
    // ½ × -2 × (0.01 × 600)² = -36
    assertThat(SPY_PUTS.dollarGamma()).isCloseTo(-36, within(EPS));
    assertThat(SPY_PUTS.betaWeightedDelta(1.0, 600)).isCloseTo(50, within(EPS));
  }

  @Test
  void contractOverloadTakesSymbolAndMultiplierFromTheContract() {
    PositionGreeks viaContract =
        PositionGreeks.of(
            dev.thetaflow.core.strategy.StrategyTestData.put(650),
            new Greeks(2.0, -0.25, 0.01, 0.5, -3.65, -0.1),
            -2,
            600);
    assertThat(viaContract).isEqualTo(SPY_PUTS);
  }

  @Test
  void longCallAndBetaWeighting() {
    assertThat(QQQ_CALL.delta()).isCloseTo(50, within(EPS));
    assertThat(QQQ_CALL.dollarDelta()).isCloseTo(25_000, within(EPS));
    assertThat(QQQ_CALL.dollarGamma()).isCloseTo(25, within(EPS)); // ½ × 2 × 5²
    // 25,000 × 1.2 / 600 = 50 SPY shares
    assertThat(QQQ_CALL.betaWeightedDelta(1.2, 600)).isCloseTo(50, within(EPS));
    assertThatThrownBy(() -> QQQ_CALL.betaWeightedDelta(1.2, 0)).hasMessageContaining("benchmark");
  }

  @Test
  void portfolioSumsPerUnderlyingAndInCurrency() {
    PositionGreeks shares = PositionGreeks.ofShares("SPY", 100, 600);
    PortfolioGreeks p = PortfolioGreeks.sum(List.of(SPY_PUTS, QQQ_CALL, shares));
    PositionGreeks spy = p.byUnderlying().get("SPY");
    assertThat(spy.delta()).isCloseTo(150, within(EPS)); // 50 + 100
    assertThat(spy.dollarDelta()).isCloseTo(90_000, within(EPS));
    assertThat(spy.gamma()).isCloseTo(-2, within(EPS));
    assertThat(p.byUnderlying().keySet()).containsExactly("QQQ", "SPY");
    assertThat(p.dollarDelta()).isCloseTo(115_000, within(EPS)); // 90,000 + 25,000
    assertThat(p.dollarGamma()).isCloseTo(-11, within(EPS)); // -36 + 25
    assertThat(p.vega()).isCloseTo(-70, within(EPS)); // -100 + 30
    assertThat(p.theta()).isCloseTo(365, within(EPS)); // 730 - 365
    assertThat(p.thetaPerDay()).isCloseTo(1, within(EPS));
    // 90,000 × 1 / 600 + 25,000 × 1.2 / 600 = 150 + 50
    assertThat(p.betaWeightedDelta(Map.of("SPY", 1.0, "QQQ", 1.2), 600))
        .isCloseTo(200, within(EPS));
    assertThatThrownBy(() -> p.betaWeightedDelta(Map.of("SPY", 1.0), 600))
        .hasMessageContaining("no beta for underlying QQQ");
  }

  @Test
  void validation() {
    assertThatThrownBy(() -> SPY_PUTS.plus(QQQ_CALL)).hasMessageContaining("same underlying");
    assertThatThrownBy(() -> SPY_PUTS.plus(PositionGreeks.ofShares("SPY", 1, 601)))
        .hasMessageContaining("same underlying and spot");
    assertThatThrownBy(
            () -> PositionGreeks.of("SPY", new Greeks(1, Double.NaN, 0, 0, 0, 0), 100, 1, 600))
        .hasMessageContaining("delta must be finite, was NaN");
    assertThatThrownBy(() -> PositionGreeks.of("SPY", new Greeks(1, 0, 0, 0, 0, 0), 0, 1, 600))
        .hasMessageContaining("multiplier");
    assertThatThrownBy(() -> PositionGreeks.ofShares("SPY", 1, 0)).hasMessageContaining("spot");
  }
}
