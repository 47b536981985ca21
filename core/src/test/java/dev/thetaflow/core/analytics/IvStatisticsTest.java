package dev.thetaflow.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IvStatisticsTest {

  @Test
  void rankAndPercentileByHand() {
    // Range 0.10..0.30; 0.25 sits 75% of the way up; 3 of 5 values (0.10, 0.15, 0.20) are lower.
    IvStatistics s = IvStatistics.of(0.25, new double[] {0.20, 0.10, 0.30, 0.15, 0.28});
    assertThat(s.rank()).isCloseTo(75.0, within(1e-12));
    assertThat(s.percentile()).isCloseTo(60.0, within(1e-12));
    assertThat(s.low()).isEqualTo(0.10);
    assertThat(s.high()).isEqualTo(0.30);
    assertThat(s.observations()).isEqualTo(5);
  }

  @Test
  void oneSpikeMovesRankMoreThanPercentile() {
    double[] history = new double[252];
    for (int i = 0; i < history.length; i++) {
      history[i] = 0.15 + 0.05 * i / 251.0; // a steady climb from 15% to 20%
    }
    history[100] = 0.80; // a single panic day
    IvStatistics s = IvStatistics.of(0.19, history);
    assertThat(s.rank()).isCloseTo(100.0 * (0.19 - 0.15) / (0.80 - 0.15), within(1e-12));
    assertThat(s.rank()).isLessThan(7.0);
    assertThat(s.percentile()).isGreaterThan(75.0);
  }

  @Test
  void valuesEqualToCurrentAreNotBelowIt() {
    IvStatistics s = IvStatistics.of(0.2, new double[] {0.2, 0.2, 0.1, 0.3});
    assertThat(s.percentile()).isEqualTo(25.0);
  }

  @Test
  void currentOutsideTheRangeGivesRankOutside0To100() {
    assertThat(IvStatistics.of(0.40, new double[] {0.1, 0.3}).rank())
        .isCloseTo(150.0, within(1e-12));
    assertThat(IvStatistics.of(0.05, new double[] {0.1, 0.3}).rank())
        .isCloseTo(-25.0, within(1e-12));
    assertThat(IvStatistics.of(0.40, new double[] {0.1, 0.3}).percentile()).isEqualTo(100.0);
  }

  @Test
  void flatHistoryHasNoRank() {
    IvStatistics s = IvStatistics.of(0.2, new double[] {0.2, 0.2});
    assertThat(s.rank()).isNaN();
    assertThat(s.percentile()).isZero();
  }

  @Test
  void missingDaysAreSkipped() {
    IvStatistics s = IvStatistics.of(0.2, new double[] {Double.NaN, 0.1, Double.NaN, 0.3});
    assertThat(s.observations()).isEqualTo(2);
    assertThat(s.rank()).isCloseTo(50.0, within(1e-12));
  }

  @Test
  void badInputNamesTheValue() {
    assertThatThrownBy(() -> IvStatistics.of(0.2, new double[] {0.1, -0.3}))
        .hasMessageContaining("history[1]")
        .hasMessageContaining("-0.3");
    assertThatThrownBy(() -> IvStatistics.of(Double.NaN, new double[] {0.1}))
        .hasMessageContaining("current");
    assertThatThrownBy(() -> IvStatistics.of(0.2, new double[] {Double.NaN}))
        .hasMessageContaining("no values");
  }
}
