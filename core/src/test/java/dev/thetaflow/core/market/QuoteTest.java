package dev.thetaflow.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuoteTest {

  static final Instant T = Instant.parse("2026-11-23T15:00:00Z");

  @Test
  void midSpreadAndCrossed() {
    Quote q = new Quote(1, 1.20, 1.30, 1.25, 10, 12, 1, T);
    assertThat(q.mid()).isCloseTo(1.25, within(1e-15));
    assertThat(q.spread()).isCloseTo(0.10, within(1e-15));
    assertThat(q.isCrossed()).isFalse();
    assertThat(new Quote(1, 1.30, 1.30, Double.NaN, 1, 1, 0, T).isCrossed()).isFalse();
    assertThat(new Quote(1, 1.35, 1.30, Double.NaN, 1, 1, 0, T).isCrossed()).isTrue();
    // combo quote with a credit: negative prices are legitimate
    assertThat(new Quote(1, -1.30, -1.20, Double.NaN, 1, 1, 0, T).mid())
        .isCloseTo(-1.25, within(1e-15));
  }

  @Test
  void oneSidedQuoteHasNoMidOrSpread() {
    Quote q = new Quote(1, Double.NaN, 0.05, Double.NaN, 0, 100, 0, T);
    assertThat(q.isTwoSided()).isFalse();
    assertThat(q.mid()).isNaN();
    assertThat(q.spread()).isNaN();
    assertThat(q.isCrossed()).isFalse();
  }

  @Test
  void staleness() {
    Quote q = new Quote(1, 1, 2, 1.5, 1, 1, 1, T);
    assertThat(q.isStale(T.plusSeconds(5), Duration.ofSeconds(5))).isFalse();
    assertThat(q.isStale(T.plusSeconds(5).plusMillis(1), Duration.ofSeconds(5))).isTrue();
  }

  @Test
  void validation() {
    assertThatThrownBy(() -> new Quote(0, 1, 2, 1, 1, 1, 1, T)).hasMessageContaining("conId");
    assertThatThrownBy(() -> new Quote(1, Double.POSITIVE_INFINITY, 2, 1, 1, 1, 1, T))
        .hasMessageContaining("bid must be finite or NaN");
    assertThatThrownBy(() -> new Quote(1, 1, 2, 1, -1, 1, 1, T)).hasMessageContaining("sizes");
    assertThatThrownBy(() -> new Quote(1, 1, 2, 1, 1, 1, 1, null)).hasMessageContaining("time");
  }

  @Test
  void modelGreeksAcceptNaNButNotNonsense() {
    ModelGreeks g =
        new ModelGreeks(
            1, ModelTickSource.MODEL, 0.18, -0.16, 0.002, Double.NaN, -0.35, 2.1, 5980, T);
    assertThat(g.vega()).isNaN();
    assertThatThrownBy(
            () ->
                new ModelGreeks(
                    1,
                    ModelTickSource.MODEL,
                    -1,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    T))
        .hasMessageContaining("impliedVol must be >= 0 or NaN, was -1.0");
    assertThatThrownBy(
            () ->
                new ModelGreeks(
                    1,
                    ModelTickSource.BID,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    0,
                    T))
        .hasMessageContaining("underlyingPrice");
    assertThatThrownBy(
            () ->
                new ModelGreeks(
                    1,
                    ModelTickSource.BID,
                    Double.NaN,
                    Double.NEGATIVE_INFINITY,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    T))
        .hasMessageContaining("delta");
  }
}
