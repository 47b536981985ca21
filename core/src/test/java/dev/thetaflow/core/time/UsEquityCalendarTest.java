package dev.thetaflow.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Dates from the NYSE Group holiday announcement of 2024-11-08 (2025–2027). */
class UsEquityCalendarTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-01-01",
        "2025-01-09",
        "2025-04-18",
        "2025-06-19",
        "2025-07-04",
        "2025-11-27",
        "2026-01-19",
        "2026-04-03",
        "2026-07-03",
        "2026-09-07",
        "2026-12-25",
        "2027-03-26",
        "2027-06-18",
        "2027-07-05",
        "2027-11-25",
        "2027-12-24"
      })
  void holidaysAreClosed(String date) {
    LocalDate d = LocalDate.parse(date);
    assertThat(UsEquityCalendar.isTradingDay(d)).isFalse();
    assertThat(UsEquityCalendar.holidayName(d)).isNotBlank();
  }

  @Test
  void ordinaryDaysAndWeekends() {
    assertThat(UsEquityCalendar.isTradingDay(LocalDate.of(2026, 11, 23))).isTrue(); // Monday
    assertThat(UsEquityCalendar.isTradingDay(LocalDate.of(2026, 11, 21))).isFalse(); // Saturday
    assertThat(UsEquityCalendar.isTradingDay(LocalDate.of(2026, 7, 2))).isTrue();
    assertThat(UsEquityCalendar.isEarlyClose(LocalDate.of(2026, 7, 2))).isFalse();
    assertThat(UsEquityCalendar.holidayName(LocalDate.of(2026, 11, 23))).isNull();
    // Dec 31 2027: New Year's Day 2028 falls on a Saturday and is not observed on the Friday.
    assertThat(UsEquityCalendar.isTradingDay(LocalDate.of(2027, 12, 31))).isTrue();
  }

  @Test
  void regularSessionInUtcFollowsDaylightSaving() {
    // EST (UTC-5) in January, EDT (UTC-4) in July.
    assertThat(UsEquityCalendar.sessionOpen(LocalDate.of(2026, 1, 5)))
        .isEqualTo(Instant.parse("2026-01-05T14:30:00Z"));
    assertThat(UsEquityCalendar.sessionClose(LocalDate.of(2026, 1, 5)))
        .isEqualTo(Instant.parse("2026-01-05T21:00:00Z"));
    assertThat(UsEquityCalendar.sessionOpen(LocalDate.of(2026, 7, 6)))
        .isEqualTo(Instant.parse("2026-07-06T13:30:00Z"));
    assertThat(UsEquityCalendar.sessionClose(LocalDate.of(2026, 7, 6)))
        .isEqualTo(Instant.parse("2026-07-06T20:00:00Z"));
  }

  @Test
  void earlyClosesAtOnePm() {
    for (String d :
        new String[] {
          "2025-07-03", "2025-11-28", "2025-12-24", "2026-11-27", "2026-12-24", "2027-11-26"
        }) {
      LocalDate date = LocalDate.parse(d);
      assertThat(UsEquityCalendar.isEarlyClose(date)).as(d).isTrue();
      assertThat(UsEquityCalendar.sessionClose(date).atZone(UsEquityCalendar.ZONE).getHour())
          .as(d)
          .isEqualTo(13);
    }
    assertThat(UsEquityCalendar.sessionClose(LocalDate.of(2026, 11, 27)))
        .isEqualTo(Instant.parse("2026-11-27T18:00:00Z"));
  }

  @Test
  void regularHoursAreOpenInclusiveCloseExclusive() {
    assertThat(UsEquityCalendar.isRegularHours(Instant.parse("2026-11-23T14:29:59Z"))).isFalse();
    assertThat(UsEquityCalendar.isRegularHours(Instant.parse("2026-11-23T14:30:00Z"))).isTrue();
    assertThat(UsEquityCalendar.isRegularHours(Instant.parse("2026-11-23T20:59:59Z"))).isTrue();
    assertThat(UsEquityCalendar.isRegularHours(Instant.parse("2026-11-23T21:00:00Z"))).isFalse();
    assertThat(UsEquityCalendar.isRegularHours(Instant.parse("2026-11-27T18:30:00Z"))).isFalse();
    assertThat(UsEquityCalendar.isRegularHours(Instant.parse("2026-11-26T16:00:00Z"))).isFalse();
  }

  @Test
  void tradingDayNavigationSkipsHolidaysAndWeekends() {
    assertThat(UsEquityCalendar.previousTradingDay(LocalDate.of(2026, 4, 6)))
        .isEqualTo(LocalDate.of(2026, 4, 2)); // over Good Friday
    assertThat(UsEquityCalendar.nextTradingDay(LocalDate.of(2026, 12, 24)))
        .isEqualTo(LocalDate.of(2026, 12, 28));
    assertThatThrownBy(() -> UsEquityCalendar.sessionOpen(LocalDate.of(2026, 12, 25)))
        .hasMessageContaining("not a US equity trading day");
  }

  @Test
  void datesOutsideTheTableFailInsteadOfGuessing() {
    assertThatThrownBy(() -> UsEquityCalendar.isTradingDay(LocalDate.of(2028, 1, 3)))
        .hasMessageContaining("2025-2027");
    assertThat(UsEquityCalendar.covers(LocalDate.of(2024, 12, 31))).isFalse();
  }
}
