package dev.thetaflow.core.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thetaflow.core.analytics.ExerciseStyle;
import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.value.Side;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ContractTest {

  static final BigDecimal NICKEL = new BigDecimal("0.05");
  static final LocalDate DEC18 = LocalDate.of(2026, 12, 18);

  @Test
  void factoriesFillTheConventionalFields() {
    Contract spy = Contract.stock(756733, "SPY", "SMART", "USD");
    assertThat(spy.isOption()).isFalse();
    assertThat(spy.multiplier()).isEqualTo(1.0);
    assertThat(spy.strike()).isNaN();
    assertThat(spy.expiry()).isNull();
    assertThat(spy.toString()).isEqualTo("SPY");

    Contract spx = Contract.index(416904, "SPX", "CBOE", "USD");
    assertThat(spx.secType()).isEqualTo(SecType.IND);
    assertThat(spx.toString()).isEqualTo("SPX IND");
    Contract es =
        new Contract(
            3,
            "ES",
            SecType.FUT,
            DEC18,
            Double.NaN,
            null,
            50,
            "CME",
            "USD",
            "ES",
            new BigDecimal("0.25"),
            null,
            null);
    assertThat(es.toString()).isEqualTo("ES 2026-12-18 FUT");

    Contract put = Contract.equityOption(1, "SPY", DEC18, 450, OptionType.PUT, NICKEL);
    assertThat(put.isOption()).isTrue();
    assertThat(put.multiplier()).isEqualTo(100.0);
    assertThat(put.settlement()).isEqualTo(SettlementStyle.PM);
    assertThat(put.exerciseStyle()).isEqualTo(ExerciseStyle.AMERICAN);
    assertThat(put.toString()).isEqualTo("SPY 2026-12-18 450 P");
    assertThat(put.withConId(99).conId()).isEqualTo(99);

    Contract call =
        Contract.option(
            2,
            "SPX",
            DEC18,
            6012.5,
            OptionType.CALL,
            100,
            "CBOE",
            "USD",
            "SPX",
            NICKEL,
            SettlementStyle.AM,
            ExerciseStyle.EUROPEAN);
    assertThat(call.toString()).isEqualTo("SPX 2026-12-18 6012.5 C");
  }

  @Test
  void optionFieldsAreRequiredOnOptionsAndForbiddenElsewhere() {
    assertThatThrownBy(() -> Contract.equityOption(1, "SPY", null, 450, OptionType.PUT, NICKEL))
        .hasMessageContaining("expiry must be set");
    assertThatThrownBy(() -> Contract.equityOption(1, "SPY", DEC18, 0, OptionType.PUT, NICKEL))
        .hasMessageContaining("strike must be a finite number > 0, was 0.0");
    assertThatThrownBy(
            () -> Contract.equityOption(1, "SPY", DEC18, Double.NaN, OptionType.PUT, NICKEL))
        .hasMessageContaining("strike");
    assertThatThrownBy(() -> Contract.equityOption(1, "SPY", DEC18, 450, null, NICKEL))
        .hasMessageContaining("right");
    assertThatThrownBy(
            () ->
                new Contract(
                    1,
                    "SPY",
                    SecType.STK,
                    null,
                    450,
                    null,
                    1,
                    "SMART",
                    "USD",
                    "",
                    NICKEL,
                    null,
                    null))
        .hasMessageContaining("strike must be NaN");
    assertThatThrownBy(
            () ->
                new Contract(
                    1,
                    "SPY",
                    SecType.STK,
                    DEC18,
                    Double.NaN,
                    null,
                    1,
                    "SMART",
                    "USD",
                    "",
                    NICKEL,
                    null,
                    null))
        .hasMessageContaining("expiry must be null");
  }

  @Test
  void commonFieldsAreValidated() {
    assertThatThrownBy(() -> Contract.stock(-1, "SPY", "SMART", "USD"))
        .hasMessageContaining("conId");
    assertThatThrownBy(() -> Contract.stock(1, " ", "SMART", "USD")).hasMessageContaining("symbol");
    assertThatThrownBy(() -> Contract.stock(1, "SPY", "", "USD")).hasMessageContaining("exchange");
    assertThatThrownBy(() -> Contract.stock(1, "SPY", "SMART", "US"))
        .hasMessageContaining("currency");
    assertThatThrownBy(
            () ->
                Contract.option(
                    1,
                    "SPY",
                    DEC18,
                    450,
                    OptionType.PUT,
                    0,
                    "SMART",
                    "USD",
                    "SPY",
                    NICKEL,
                    SettlementStyle.PM,
                    ExerciseStyle.AMERICAN))
        .hasMessageContaining("multiplier");
    assertThatThrownBy(
            () -> Contract.equityOption(1, "SPY", DEC18, 450, OptionType.PUT, BigDecimal.ZERO))
        .hasMessageContaining("minTick");
  }

  @Test
  void legsCarryASignedRatio() {
    Contract put = Contract.equityOption(1, "SPY", DEC18, 450, OptionType.PUT, NICKEL);
    assertThat(Leg.shortLeg(put, 2).ratio()).isEqualTo(-2);
    assertThat(Leg.shortLeg(put, 2).action()).isEqualTo(Side.SELL);
    assertThat(Leg.longLeg(put, 1).action()).isEqualTo(Side.BUY);
    assertThat(Leg.shortLeg(put, 2).absRatio()).isEqualTo(2);
    assertThat(Leg.shortLeg(put, 1).toString()).isEqualTo("-1 SPY 2026-12-18 450 P");
    assertThatThrownBy(() -> new Leg(put, 0)).hasMessageContaining("non-zero");
    assertThatThrownBy(() -> new Leg(null, 1)).hasMessageContaining("contract");
  }
}
