package dev.thetaflow.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** DecimalText must print exactly what the Formatter prints, or rule reasons would change. */
class DecimalTextTest {

  @Test
  void printsWhatTheFormatterPrints() {
    List<Double> values = values();
    int checked = 0;
    for (double v : values) {
      for (int decimals = 0; decimals <= 2; decimals++) {
        String grouped = String.format(Locale.US, "%,." + decimals + "f", v);
        String plain = String.format(Locale.US, "%." + decimals + "f", v);
        assertThat(DecimalText.fixed(v, decimals, true).toString())
            .as("%,.%df of %s", decimals, v)
            .isEqualTo(grouped);
        assertThat(DecimalText.fixed(v, decimals, false).toString())
            .as("%.%df of %s", decimals, v)
            .isEqualTo(plain);
        checked += 2;
      }
    }
    assertThat(checked).isGreaterThan(1_000_000);
  }

  @Test
  void namedFormatsMatchExitText() {
    for (double v : values().subList(0, 20_000)) {
      assertThat(DecimalText.money(v)).isEqualTo(ExitText.money(v));
      assertThat(DecimalText.price(v)).isEqualTo(ExitText.price(v));
      assertThat(DecimalText.times(v)).isEqualTo(ExitText.times(v));
      assertThat(DecimalText.percent(v)).isEqualTo(ExitText.percent(v));
      assertThat(DecimalText.percent1(v)).isEqualTo(ExitText.percent1(v));
      assertThat(DecimalText.days(v)).isEqualTo(ExitText.days(v));
    }
  }

  @Test
  void scalingSaysWhatVolatilityScalingSays() {
    List<VolatilityScaling> scalings =
        List.of(
            VolatilityScaling.NONE,
            new VolatilityScaling(0.20, 0.75, 1.5),
            new VolatilityScaling(0.30, 0.5, 3));
    SplittableRandom r = new SplittableRandom(7);
    for (VolatilityScaling s : scalings) {
      for (int i = 0; i < 5_000; i++) {
        double iv = i < 100 ? i / 100.0 : r.nextDouble() * 2;
        assertThat(DecimalText.scaling(s, iv)).isEqualTo(s.describe(iv));
      }
      assertThat(DecimalText.scaling(s, Double.NaN)).isEqualTo(s.describe(Double.NaN));
    }
    assertThat(DecimalText.scaling(scalings.get(1), 0.33))
        .isEqualTo(", widened 1.50x for IV 33% vs 20% baseline");
  }

  @Test
  void roundsHalfUpOnTheShortestDigitsAndSignsNegativeZero() {
    assertThat(DecimalText.fixed(1.005, 2, false).toString()).isEqualTo("1.01"); // 1.00499999...
    assertThat(DecimalText.fixed(2.5, 0, false).toString()).isEqualTo("3");
    assertThat(DecimalText.fixed(-0.3, 0, true).toString()).isEqualTo("-0");
    assertThat(DecimalText.fixed(-0.0, 1, true).toString()).isEqualTo("-0.0");
    assertThat(DecimalText.fixed(1234567.891, 2, true).toString()).isEqualTo("1,234,567.89");
    assertThat(DecimalText.fixed(Double.NaN, 2, true).toString()).isEqualTo("NaN");
  }

  /** Ties at every place shown, their neighbours, and random values over 22 decades. */
  private static List<Double> values() {
    List<Double> vs = new ArrayList<>();
    SplittableRandom r = new SplittableRandom(20261202L);
    for (int k = 0; k < 40_000; k++) {
      double tie = k / 1000.0 + 0.0005; // x.xx5 in decimal, rarely in binary
      vs.add(tie);
      vs.add(-tie);
      vs.add(Math.nextUp(tie));
      vs.add(Math.nextDown(tie));
      vs.add(k * 0.005);
      vs.add(k * 0.05 + 1000);
      vs.add(k + 0.5);
    }
    for (int i = 0; i < 150_000; i++) {
      double v = Math.pow(10, -8 + 16 * r.nextDouble());
      vs.add(r.nextBoolean() ? v : -v);
      vs.add(Math.round(v * 100) / 100.0);
    }
    vs.addAll(
        List.of(
            0.0,
            -0.0,
            0.0005,
            0.001,
            0.00049999,
            0.0049999,
            0.005,
            0.995,
            9_999_999.995,
            1e7,
            -1e7,
            1e7 - 0.001,
            123_456_789.5,
            Double.MAX_VALUE,
            Double.MIN_VALUE,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            Double.NaN));
    return vs;
  }
}
