package dev.thetaflow.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VolatilityScalingTest {
  private final VolatilityScaling s = new VolatilityScaling(0.30, 0.8, 1.5);

  @Test
  void theFactorIsIvOverTheBaselineWithinItsBounds() {
    assertThat(s.factor(0.30)).isEqualTo(1);
    assertThat(s.factor(0.33)).isCloseTo(1.1, within(1e-12));
    assertThat(s.factor(0.27)).isCloseTo(0.9, within(1e-12));
    assertThat(s.factor(0.24)).isCloseTo(0.8, within(1e-12)); // at the lower bound
    assertThat(s.factor(0.10)).isEqualTo(0.8);
    assertThat(s.factor(0.45)).isCloseTo(1.5, within(1e-12)); // at the upper bound
    assertThat(s.factor(0.90)).isEqualTo(1.5);
    assertThat(s.factor(0)).isEqualTo(0.8);
  }

  @Test
  void anUnknownIvLeavesDistancesAsConfigured() {
    assertThat(s.factor(Double.NaN)).isEqualTo(1);
    assertThat(s.factor(-0.1)).isEqualTo(1);
    assertThat(s.factor(Double.POSITIVE_INFINITY)).isEqualTo(1);
    assertThat(VolatilityScaling.NONE.factor(0.9)).isEqualTo(1);
    assertThat(VolatilityScaling.NONE.factor(0.01)).isEqualTo(1);
  }

  @Test
  void describesTheAdjustmentForAReason() {
    assertThat(s.describe(0.33)).isEqualTo(", widened 1.10x for IV 33% vs 30% baseline");
    assertThat(s.describe(0.27)).isEqualTo(", narrowed 0.90x for IV 27% vs 30% baseline");
    assertThat(s.describe(0.30)).isEmpty();
    assertThat(s.describe(Double.NaN)).isEmpty();
  }

  @Test
  void boundsAreValidatedByName() {
    assertThatThrownBy(() -> new VolatilityScaling(0, 0.8, 1.5))
        .hasMessage("volatility scaling threshold baseline must be above 0 and at most 5, was 0.0");
    assertThatThrownBy(() -> new VolatilityScaling(0.3, 1.2, 1.5))
        .hasMessage(
            "volatility scaling threshold minFactor must be above 0 and at most 1, was 1.2");
    assertThatThrownBy(() -> new VolatilityScaling(0.3, 0.8, 0.9))
        .hasMessage("volatility scaling threshold maxFactor must be from 1 to 10, was 0.9");
    assertThatThrownBy(() -> new VolatilityScaling(0.3, 0.8, Double.NaN))
        .hasMessageContaining("maxFactor");
  }

  @Test
  void readsItsBoundsFromConfiguration() {
    var p =
        new RuleParams(
            "rules.volatility", Map.of("baseline", "0.30", "minFactor", "0.8", "maxFactor", "1.5"));
    assertThat(VolatilityScaling.from(p)).isEqualTo(s);
    var unknown =
        new RuleParams(
            "rules.volatility",
            Map.of("baseline", "0.30", "minFactor", "0.8", "maxFactor", "1.5", "max", "2"));
    assertThatThrownBy(() -> VolatilityScaling.from(unknown))
        .hasMessageStartingWith("rules.volatility: unknown key max");
    var zero =
        new RuleParams(
            "rules.volatility", Map.of("baseline", "0", "minFactor", "0.8", "maxFactor", "1.5"));
    assertThatThrownBy(() -> VolatilityScaling.from(zero))
        .hasMessageStartingWith("rules.volatility: volatility scaling threshold baseline");
    var outOfRange =
        new RuleParams(
            "rules.volatility", Map.of("baseline", "0.3", "minFactor", "0.8", "maxFactor", "20"));
    assertThatThrownBy(() -> VolatilityScaling.from(outOfRange))
        .hasMessage("rules.volatility.maxFactor must be a number from 1.0 to 10.0, was '20'");
  }
}
