package dev.thetaflow.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.thetaflow.core.analytics.ExerciseStyle;
import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.instrument.Contract;
import dev.thetaflow.core.instrument.SettlementStyle;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ExpiriesTest {

  static Contract spx(LocalDate expiry, SettlementStyle style) {
    return Contract.option(
        1,
        "SPX",
        expiry,
        6000,
        OptionType.PUT,
        100,
        "CBOE",
        "USD",
        style == SettlementStyle.AM ? "SPX" : "SPXW",
        new BigDecimal("0.05"),
        style,
        ExerciseStyle.EUROPEAN);
  }

  @Test
  void pmExpiryIsFourPmNewYorkInEitherDaylightRegime() {
    // Friday before / after the 2026-03-08 switch to EDT; and around the 2026-11-01 switch back.
    assertThat(Expiries.expiryInstant(LocalDate.of(2026, 3, 6), SettlementStyle.PM))
        .isEqualTo(Instant.parse("2026-03-06T21:00:00Z"));
    assertThat(Expiries.expiryInstant(LocalDate.of(2026, 3, 13), SettlementStyle.PM))
        .isEqualTo(Instant.parse("2026-03-13T20:00:00Z"));
    assertThat(Expiries.expiryInstant(LocalDate.of(2026, 10, 30), SettlementStyle.PM))
        .isEqualTo(Instant.parse("2026-10-30T20:00:00Z"));
    assertThat(Expiries.expiryInstant(LocalDate.of(2026, 11, 6), SettlementStyle.PM))
        .isEqualTo(Instant.parse("2026-11-06T21:00:00Z"));
  }

  @Test
  void amExpiryIsTheOpenOfExpirationDayAndTradingStopsTheDayBefore() {
    Contract dec = spx(LocalDate.of(2026, 12, 18), SettlementStyle.AM);
    assertThat(Expiries.expiryInstant(dec)).isEqualTo(Instant.parse("2026-12-18T14:30:00Z"));
    assertThat(Expiries.lastTradingDay(dec)).isEqualTo(LocalDate.of(2026, 12, 17));
    Contract mar = spx(LocalDate.of(2026, 3, 20), SettlementStyle.AM);
    assertThat(Expiries.expiryInstant(mar)).isEqualTo(Instant.parse("2026-03-20T13:30:00Z"));
    Contract weekly = spx(LocalDate.of(2026, 12, 18), SettlementStyle.PM);
    assertThat(Expiries.lastTradingDay(weekly)).isEqualTo(LocalDate.of(2026, 12, 18));
    // A (hypothetical) AM expiry on the Monday after Good Friday last trades on Thursday.
    assertThat(Expiries.lastTradingDay(spx(LocalDate.of(2026, 4, 6), SettlementStyle.AM)))
        .isEqualTo(LocalDate.of(2026, 4, 2));
  }

  @Test
  void lastTradingDayOfLeapsBeyondThePublishedCalendar() {
    // SPX Dec 2029 (third Friday Dec 21) stops trading Thursday Dec 20.
    assertThat(Expiries.lastTradingDay(spx(LocalDate.of(2029, 12, 21), SettlementStyle.AM)))
        .isEqualTo(LocalDate.of(2029, 12, 20));
    // A (hypothetical) AM expiry on Monday 2028-04-17 last trades before Good Friday 2028-04-14.
    assertThat(Expiries.lastTradingDay(spx(LocalDate.of(2028, 4, 17), SettlementStyle.AM)))
        .isEqualTo(LocalDate.of(2028, 4, 13));
  }

  @Test
  void dteUsesTheNewYorkDateNotTheUtcDate() {
    LocalDate expiry = LocalDate.of(2026, 12, 18);
    // 22:30 New York on Dec 17 is already Dec 18 in UTC: still 1 day to go.
    assertThat(Expiries.daysToExpiry(Instant.parse("2026-12-18T03:30:00Z"), expiry)).isEqualTo(1);
    assertThat(Expiries.daysToExpiry(Instant.parse("2026-12-18T04:59:59Z"), expiry)).isEqualTo(1);
    assertThat(Expiries.daysToExpiry(Instant.parse("2026-12-18T05:00:00Z"), expiry)).isEqualTo(0);
    assertThat(Expiries.daysToExpiry(Instant.parse("2026-12-19T05:00:00Z"), expiry)).isEqualTo(-1);
    assertThat(Expiries.daysToExpiry(Instant.parse("2026-11-23T21:00:00Z"), expiry)).isEqualTo(25);
    Clock clock = Clock.fixed(Instant.parse("2026-12-11T15:00:00Z"), ZoneOffset.UTC);
    assertThat(Expiries.daysToExpiry(clock, expiry)).isEqualTo(7);
  }

  @Test
  void yearFractionIsExactSecondsOver365Days() {
    Contract weekly = spx(LocalDate.of(2026, 12, 18), SettlementStyle.PM);
    // 7 days 6.5 hours = 628,200 s; / 31,536,000.
    assertThat(Expiries.yearFraction(Instant.parse("2026-12-11T14:30:00Z"), weekly))
        .isCloseTo(628_200.0 / 31_536_000.0, within(1e-18));
    assertThat(
            Expiries.yearFraction(
                Instant.parse("2026-12-18T20:59:59.500Z"), Instant.parse("2026-12-18T21:00:00Z")))
        .isCloseTo(0.5 / 31_536_000.0, within(1e-20));
    assertThat(Expiries.yearFraction(Instant.parse("2026-12-18T21:00:01Z"), weekly)).isZero();
    Clock clock = Clock.fixed(Instant.parse("2026-12-18T20:00:00Z"), ZoneOffset.UTC);
    assertThat(Expiries.yearFraction(clock, weekly))
        .isCloseTo(3600.0 / 31_536_000.0, within(1e-18));
  }

  @Test
  void yearFractionCountsRealHoursAcrossDaylightSavingChanges() {
    // Sat 2026-03-07 16:00 EST -> Mon 2026-03-09 16:00 EDT: 47 real hours.
    Instant satMarch =
        LocalDate.of(2026, 3, 7).atTime(16, 0).atZone(UsEquityCalendar.ZONE).toInstant();
    assertThat(
            Expiries.yearFraction(
                satMarch, Expiries.expiryInstant(LocalDate.of(2026, 3, 9), SettlementStyle.PM)))
        .isCloseTo(47 * 3600.0 / 31_536_000.0, within(1e-18));
    // Sat 2026-10-31 16:00 EDT -> Mon 2026-11-02 16:00 EST: 49 real hours.
    Instant satOct =
        LocalDate.of(2026, 10, 31).atTime(16, 0).atZone(UsEquityCalendar.ZONE).toInstant();
    assertThat(
            Expiries.yearFraction(
                satOct, Expiries.expiryInstant(LocalDate.of(2026, 11, 2), SettlementStyle.PM)))
        .isCloseTo(49 * 3600.0 / 31_536_000.0, within(1e-18));
  }

  @Test
  void nonOptionsAndNullsAreRejected() {
    Contract spy = Contract.stock(1, "SPY", "SMART", "USD");
    assertThatThrownBy(() -> Expiries.expiryInstant(spy)).hasMessageContaining("option contract");
    assertThatThrownBy(() -> Expiries.daysToExpiry((Instant) null, LocalDate.of(2026, 1, 2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Expiries.expiryInstant(null, SettlementStyle.PM))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
