package dev.thetaflow.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Dates from NYSE Group holiday announcements (cited per test) and hand-computed rule dates. */
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

  /**
   * NYSE Group, "NYSE Group announces 2025, 2026 and 2027 holiday and early closings calendar",
   * 2024-11-08, plus the unscheduled closure of 2025-01-09 (national day of mourning, President
   * Carter). Names as the calendar has always reported them.
   */
  static final Map<LocalDate, String> PUBLISHED_HOLIDAYS_2025_2027 =
      Map.ofEntries(
          Map.entry(LocalDate.of(2025, 1, 1), "New Year's Day"),
          Map.entry(LocalDate.of(2025, 1, 9), "National Day of Mourning (President Carter)"),
          Map.entry(LocalDate.of(2025, 1, 20), "Martin Luther King, Jr. Day"),
          Map.entry(LocalDate.of(2025, 2, 17), "Washington's Birthday"),
          Map.entry(LocalDate.of(2025, 4, 18), "Good Friday"),
          Map.entry(LocalDate.of(2025, 5, 26), "Memorial Day"),
          Map.entry(LocalDate.of(2025, 6, 19), "Juneteenth"),
          Map.entry(LocalDate.of(2025, 7, 4), "Independence Day"),
          Map.entry(LocalDate.of(2025, 9, 1), "Labor Day"),
          Map.entry(LocalDate.of(2025, 11, 27), "Thanksgiving Day"),
          Map.entry(LocalDate.of(2025, 12, 25), "Christmas Day"),
          Map.entry(LocalDate.of(2026, 1, 1), "New Year's Day"),
          Map.entry(LocalDate.of(2026, 1, 19), "Martin Luther King, Jr. Day"),
          Map.entry(LocalDate.of(2026, 2, 16), "Washington's Birthday"),
          Map.entry(LocalDate.of(2026, 4, 3), "Good Friday"),
          Map.entry(LocalDate.of(2026, 5, 25), "Memorial Day"),
          Map.entry(LocalDate.of(2026, 6, 19), "Juneteenth"),
          Map.entry(LocalDate.of(2026, 7, 3), "Independence Day (observed)"),
          Map.entry(LocalDate.of(2026, 9, 7), "Labor Day"),
          Map.entry(LocalDate.of(2026, 11, 26), "Thanksgiving Day"),
          Map.entry(LocalDate.of(2026, 12, 25), "Christmas Day"),
          Map.entry(LocalDate.of(2027, 1, 1), "New Year's Day"),
          Map.entry(LocalDate.of(2027, 1, 18), "Martin Luther King, Jr. Day"),
          Map.entry(LocalDate.of(2027, 2, 15), "Washington's Birthday"),
          Map.entry(LocalDate.of(2027, 3, 26), "Good Friday"),
          Map.entry(LocalDate.of(2027, 5, 31), "Memorial Day"),
          Map.entry(LocalDate.of(2027, 6, 18), "Juneteenth (observed)"),
          Map.entry(LocalDate.of(2027, 7, 5), "Independence Day (observed)"),
          Map.entry(LocalDate.of(2027, 9, 6), "Labor Day"),
          Map.entry(LocalDate.of(2027, 11, 25), "Thanksgiving Day"),
          Map.entry(LocalDate.of(2027, 12, 24), "Christmas Day (observed)"));

  /** Same announcement: the only 13:00 closes of 2025–2027 (no 2026-07-02, no 2027-12-23). */
  static final Set<LocalDate> PUBLISHED_EARLY_CLOSES_2025_2027 =
      Set.of(
          LocalDate.of(2025, 7, 3),
          LocalDate.of(2025, 11, 28),
          LocalDate.of(2025, 12, 24),
          LocalDate.of(2026, 11, 27),
          LocalDate.of(2026, 12, 24),
          LocalDate.of(2027, 11, 26));

  @Test
  void rulesReproduceThePublished2025To2027TableExactly() {
    Map<LocalDate, String> holidays = new HashMap<>();
    Set<LocalDate> earlyCloses = new HashSet<>();
    for (int year = 2025; year <= 2027; year++) {
      holidays.putAll(holidays(year));
      earlyCloses.addAll(earlyCloses(year));
    }
    assertThat(holidays).isEqualTo(PUBLISHED_HOLIDAYS_2025_2027);
    assertThat(earlyCloses).isEqualTo(PUBLISHED_EARLY_CLOSES_2025_2027);
  }

  @Test
  void year2028MatchesTheNyseAnnouncementOf2025_12_23() {
    // "NYSE Group announces 2026, 2027 and 2028 holiday and early closings calendar": New Year's
    // Day 2028 is a Saturday and not observed; early closes Mon July 3 and Fri Nov 24 only
    // (Dec 24 2028 is a Sunday).
    assertThat(holidays(2028).keySet())
        .containsExactlyInAnyOrder(
            dates(
                "2028-01-17",
                "2028-02-21",
                "2028-04-14",
                "2028-05-29",
                "2028-06-19",
                "2028-07-04",
                "2028-09-04",
                "2028-11-23",
                "2028-12-25"));
    assertThat(earlyCloses(2028)).containsExactlyInAnyOrder(dates("2028-07-03", "2028-11-24"));
    assertThat(UsEquityCalendar.covers(LocalDate.of(2028, 12, 29))).isTrue();
  }

  @Test
  void year2029MatchesDatesComputedByHand() {
    // Not yet published. By hand: Jan 1 2029 is a Monday (2028 is a leap year starting on a
    // Saturday). MLK 3rd Monday Jan 15; Feb 1 is a Thursday, so 3rd Monday Feb 19; Easter is
    // April 1 (published Easter tables), Good Friday March 30; May 31 is a Thursday, last Monday
    // May 28; June 19 a Tuesday; July 4 a Wednesday, so July 3 (Tuesday) closes early; Sep 1 a
    // Saturday, Labor Day Sep 3; Nov 1 a Thursday, Thanksgiving Nov 22, early close Nov 23;
    // Dec 25 a Tuesday, so Dec 24 (Monday) closes early.
    assertThat(holidays(2029).keySet())
        .containsExactlyInAnyOrder(
            dates(
                "2029-01-01",
                "2029-01-15",
                "2029-02-19",
                "2029-03-30",
                "2029-05-28",
                "2029-06-19",
                "2029-07-04",
                "2029-09-03",
                "2029-11-22",
                "2029-12-25"));
    assertThat(earlyCloses(2029))
        .containsExactlyInAnyOrder(dates("2029-07-03", "2029-11-23", "2029-12-24"));
    assertThat(UsEquityCalendar.covers(LocalDate.of(2029, 1, 2))).isFalse();
  }

  @Test
  void earlierPublishedYearsAreReproduced() {
    // NYSE Group announcement of 2021-12-27 (2022–2024).
    assertThat(holidays(2022).keySet())
        .containsExactlyInAnyOrder(
            dates(
                "2022-01-17",
                "2022-02-21",
                "2022-04-15",
                "2022-05-30",
                "2022-06-20",
                "2022-07-04",
                "2022-09-05",
                "2022-11-24",
                "2022-12-26"));
    assertThat(earlyCloses(2022)).containsExactlyInAnyOrder(dates("2022-11-25"));
    assertThat(holidays(2023).keySet())
        .containsExactlyInAnyOrder(
            dates(
                "2023-01-02",
                "2023-01-16",
                "2023-02-20",
                "2023-04-07",
                "2023-05-29",
                "2023-06-19",
                "2023-07-04",
                "2023-09-04",
                "2023-11-23",
                "2023-12-25"));
    assertThat(earlyCloses(2023)).containsExactlyInAnyOrder(dates("2023-07-03", "2023-11-24"));
    assertThat(holidays(2024).keySet())
        .containsExactlyInAnyOrder(
            dates(
                "2024-01-01",
                "2024-01-15",
                "2024-02-19",
                "2024-03-29",
                "2024-05-27",
                "2024-06-19",
                "2024-07-04",
                "2024-09-02",
                "2024-11-28",
                "2024-12-25"));
    assertThat(earlyCloses(2024))
        .containsExactlyInAnyOrder(dates("2024-07-03", "2024-11-29", "2024-12-24"));
    // Announcement of 2020-12-28 (2021): no Juneteenth yet, July 5 and Dec 24 observed, and
    // neither July 2 nor Dec 23 closes early.
    assertThat(holidays(2021).keySet())
        .containsExactlyInAnyOrder(
            dates(
                "2021-01-01",
                "2021-01-18",
                "2021-02-15",
                "2021-04-02",
                "2021-05-31",
                "2021-07-05",
                "2021-09-06",
                "2021-11-25",
                "2021-12-24"));
    assertThat(earlyCloses(2021)).containsExactlyInAnyOrder(dates("2021-11-26"));
    // NYSE schedule 2011–2016 as reprinted in 2013; 2011-01-01 was a Saturday and not observed.
    assertThat(holidays(2011).keySet())
        .containsExactlyInAnyOrder(
            dates(
                "2011-01-17",
                "2011-02-21",
                "2011-04-22",
                "2011-05-30",
                "2011-07-04",
                "2011-09-05",
                "2011-11-24",
                "2011-12-26"));
    assertThat(UsEquityCalendar.isTradingDay(LocalDate.of(2010, 12, 31))).isTrue();
    assertThat(holidays(2012).keySet()) // plus Hurricane Sandy, Oct 29–30
        .containsExactlyInAnyOrder(
            dates(
                "2012-01-02",
                "2012-01-16",
                "2012-02-20",
                "2012-04-06",
                "2012-05-28",
                "2012-07-04",
                "2012-09-03",
                "2012-10-29",
                "2012-10-30",
                "2012-11-22",
                "2012-12-25"));
    assertThat(holidays(2014).keySet())
        .containsExactlyInAnyOrder(
            dates(
                "2014-01-01",
                "2014-01-20",
                "2014-02-17",
                "2014-04-18",
                "2014-05-26",
                "2014-07-04",
                "2014-09-01",
                "2014-11-27",
                "2014-12-25"));
    assertThat(earlyCloses(2014))
        .containsExactlyInAnyOrder(dates("2014-07-03", "2014-11-28", "2014-12-24"));
    assertThat(holidays(2015).keySet())
        .containsExactlyInAnyOrder(
            dates(
                "2015-01-01",
                "2015-01-19",
                "2015-02-16",
                "2015-04-03",
                "2015-05-25",
                "2015-07-03",
                "2015-09-07",
                "2015-11-26",
                "2015-12-25"));
    assertThat(earlyCloses(2015)).containsExactlyInAnyOrder(dates("2015-11-27", "2015-12-24"));
    assertThat(holidays(2016).keySet())
        .containsExactlyInAnyOrder(
            dates(
                "2016-01-01",
                "2016-01-18",
                "2016-02-15",
                "2016-03-25",
                "2016-05-30",
                "2016-07-04",
                "2016-09-05",
                "2016-11-24",
                "2016-12-26"));
  }

  @Test
  void observanceShiftsNameTheObservedHoliday() {
    // 2033: Jan 1 Saturday (not observed), June 19 Sunday, July 4 Monday, Dec 25 Sunday.
    assertThat(UsEquityCalendar.isTradingDay(LocalDate.of(2032, 12, 31))).isTrue();
    assertThat(UsEquityCalendar.holidayName(LocalDate.of(2033, 6, 20)))
        .isEqualTo("Juneteenth (observed)");
    assertThat(UsEquityCalendar.holidayName(LocalDate.of(2033, 12, 26)))
        .isEqualTo("Christmas Day (observed)");
    // 2034: Jan 1 Sunday -> Monday Jan 2.
    assertThat(UsEquityCalendar.holidayName(LocalDate.of(2034, 1, 2)))
        .isEqualTo("New Year's Day (observed)");
    // 2032: July 4 Sunday -> Monday July 5; Friday July 2 is a full day.
    assertThat(UsEquityCalendar.holidayName(LocalDate.of(2032, 7, 5)))
        .isEqualTo("Independence Day (observed)");
    assertThat(UsEquityCalendar.isEarlyClose(LocalDate.of(2032, 7, 2))).isFalse();
  }

  @Test
  void datesAfterThePublishedYearsAreAnsweredNotRejected() {
    // A 2029 LEAPS expiring Friday Dec 21 2029 must know its calendar.
    assertThat(UsEquityCalendar.isTradingDay(LocalDate.of(2029, 12, 21))).isTrue();
    assertThat(UsEquityCalendar.nextTradingDay(LocalDate.of(2027, 12, 31)))
        .isEqualTo(LocalDate.of(2028, 1, 3));
    assertThat(UsEquityCalendar.previousTradingDay(LocalDate.of(2028, 1, 3)))
        .isEqualTo(LocalDate.of(2027, 12, 31));
    assertThat(UsEquityCalendar.sessionClose(LocalDate.of(2028, 11, 24)))
        .isEqualTo(Instant.parse("2028-11-24T18:00:00Z"));
    // Far beyond the cached years still works: Easter 2285 is March 22, the earliest possible.
    assertThat(UsEquityCalendar.holidayName(LocalDate.of(2285, 3, 20))).isEqualTo("Good Friday");
    assertThat(UsEquityCalendar.covers(LocalDate.of(2024, 12, 31))).isFalse();
  }

  @Test
  void unscheduledClosuresSince2003AreKept() {
    for (String d : new String[] {"2004-06-11", "2007-01-02", "2012-10-29", "2018-12-05"}) {
      assertThat(UsEquityCalendar.isTradingDay(LocalDate.parse(d))).as(d).isFalse();
    }
    assertThat(UsEquityCalendar.isEarlyClose(LocalDate.of(2003, 12, 26))).isTrue();
  }

  @Test
  void datesBeforeTheRulesHoldAreRejected() {
    assertThatThrownBy(() -> UsEquityCalendar.isTradingDay(LocalDate.of(2002, 7, 5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2003");
  }

  /** Every weekday of the year the calendar reports as a holiday, with its name. */
  private static Map<LocalDate, String> holidays(int year) {
    Map<LocalDate, String> result = new HashMap<>();
    for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
      String name = UsEquityCalendar.holidayName(d);
      if (name != null) {
        assertThat(UsEquityCalendar.isTradingDay(d)).as(d.toString()).isFalse();
        result.put(d, name);
      }
    }
    return result;
  }

  private static Set<LocalDate> earlyCloses(int year) {
    Set<LocalDate> result = new HashSet<>();
    for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
      if (UsEquityCalendar.isEarlyClose(d)) {
        assertThat(UsEquityCalendar.isTradingDay(d)).as(d.toString()).isTrue();
        result.add(d);
      }
    }
    return result;
  }

  private static LocalDate[] dates(String... isoDates) {
    return Arrays.stream(isoDates).map(LocalDate::parse).toArray(LocalDate[]::new);
  }
}
