package dev.thetaflow.core.time;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * US equity and equity-option regular trading hours: 09:30–16:00 America/New_York on NYSE trading
 * days, 09:30–13:00 on early-close days.
 *
 * <p><b>Rule-derived, every year from {@value #FIRST_RULE_YEAR} on.</b> Full-day holidays follow
 * NYSE Rule 7.2: New Year's Day (Jan 1, Sunday → Monday, a Saturday one is not observed), Martin
 * Luther King, Jr. Day (3rd Monday of January), Washington's Birthday (3rd Monday of February),
 * Good Friday (Easter by the anonymous Gregorian algorithm), Memorial Day (last Monday of May),
 * Juneteenth (June 19, from 2022), Independence Day (July 4), Labor Day (1st Monday of September),
 * Thanksgiving Day (4th Thursday of November) and Christmas Day (Dec 25); Juneteenth, Independence
 * Day and Christmas move Saturday → Friday and Sunday → Monday. Early closes at 13:00 fall on the
 * day after Thanksgiving and on July 3 and Dec 24 when those are Monday–Thursday (on a Friday they
 * are the observed holiday, and the early close is then not moved to another day).
 *
 * <p><b>Explicit exceptions</b>, which no rule can know: unscheduled closures (days of mourning for
 * Presidents Reagan 2004, Ford 2007, G. H. W. Bush 2018 and Carter 2025-01-09; Hurricane Sandy
 * 2012-10-29/30) and the 13:00 close of 2003-12-26. Add new ones there when NYSE announces them.
 *
 * <p><b>Published</b> ({@link #covers}): the tests check the rules against NYSE Group's
 * announcements of 2024-11-08 (2025–2027) and 2025-12-23 (2026–2028) day by day, so for {@value
 * #FIRST_YEAR}–{@value #LAST_YEAR} the calendar is the published one; later years are rule-derived
 * and correct unless NYSE changes its rules or adds an unscheduled closure. Years before {@value
 * #FIRST_RULE_YEAR} are rejected: NYSE practice differed then.
 *
 * <p>On early-close days eligible options trade until 13:15; this class models the 13:00 equity
 * close only. Times are exchange wall-clock times; conversion to an {@link Instant} goes through
 * the zone rules, so daylight-saving changes are handled by {@code java.time}. Lookups read a
 * per-year table built once and cached, without allocating, so they are cheap enough to call per
 * tick.
 */
public final class UsEquityCalendar {

  /** The exchange time zone of US equities and options. */
  public static final ZoneId ZONE = ZoneId.of("America/New_York");

  public static final LocalTime OPEN = LocalTime.of(9, 30);
  public static final LocalTime CLOSE = LocalTime.of(16, 0);
  public static final LocalTime EARLY_CLOSE = LocalTime.of(13, 0);

  /** First year of the published calendars the rules are checked against. */
  public static final int FIRST_YEAR = 2025;

  /** Last year NYSE has published (announcement of 2025-12-23); later years are rule-derived. */
  public static final int LAST_YEAR = 2028;

  /** First year the calendar answers for; earlier dates are rejected. */
  public static final int FIRST_RULE_YEAR = NyseYear.FIRST_RULE_YEAR;

  /** Years cached after first use; later years (beyond any listed option) are derived per call. */
  private static final int LAST_CACHED_YEAR = 2200;

  private static final AtomicReferenceArray<NyseYear> YEARS =
      new AtomicReferenceArray<>(LAST_CACHED_YEAR - FIRST_RULE_YEAR + 1);

  private UsEquityCalendar() {}

  /** The exchange-local date of an instant (what a trader in New York calls "today"). */
  public static LocalDate exchangeDate(Instant instant) {
    return instant.atZone(ZONE).toLocalDate();
  }

  /**
   * True if the date is in a year NYSE has published ({@value #FIRST_YEAR}–{@value #LAST_YEAR}).
   * Every other date from {@value #FIRST_RULE_YEAR} on is still answered, from the rules.
   */
  public static boolean covers(LocalDate date) {
    return date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR;
  }

  /**
   * A weekday that is not a full-day holiday.
   *
   * @throws IllegalArgumentException for dates before {@value #FIRST_RULE_YEAR}
   */
  public static boolean isTradingDay(LocalDate date) {
    NyseYear year = year(date.getYear());
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY
        && day != DayOfWeek.SUNDAY
        && !year.isHoliday(date.getDayOfYear());
  }

  /** The holiday's name, or null when the date is not a full-day holiday. */
  public static String holidayName(LocalDate date) {
    return year(date.getYear()).holidayName(date.getDayOfYear());
  }

  /** True on a 13:00 early-close trading day. */
  public static boolean isEarlyClose(LocalDate date) {
    return year(date.getYear()).isEarlyClose(date.getDayOfYear());
  }

  /** The regular-session open of a trading day; fails on a non-trading day. */
  public static Instant sessionOpen(LocalDate date) {
    requireTradingDay(date);
    return date.atTime(OPEN).atZone(ZONE).toInstant();
  }

  /** The regular-session close of a trading day (13:00 on early-close days). */
  public static Instant sessionClose(LocalDate date) {
    requireTradingDay(date);
    return date.atTime(isEarlyClose(date) ? EARLY_CLOSE : CLOSE).atZone(ZONE).toInstant();
  }

  /** True inside the regular session: open inclusive, close exclusive. */
  public static boolean isRegularHours(Instant instant) {
    LocalDate date = exchangeDate(instant);
    if (!isTradingDay(date)) {
      return false;
    }
    return !instant.isBefore(sessionOpen(date)) && instant.isBefore(sessionClose(date));
  }

  /** The first trading day strictly after {@code date}. */
  public static LocalDate nextTradingDay(LocalDate date) {
    LocalDate d = date.plusDays(1);
    while (!isTradingDay(d)) {
      d = d.plusDays(1);
    }
    return d;
  }

  /** The last trading day strictly before {@code date}. */
  public static LocalDate previousTradingDay(LocalDate date) {
    LocalDate d = date.minusDays(1);
    while (!isTradingDay(d)) {
      d = d.minusDays(1);
    }
    return d;
  }

  private static void requireTradingDay(LocalDate date) {
    if (!isTradingDay(date)) {
      throw new IllegalArgumentException(date + " is not a US equity trading day");
    }
  }

  /** The year's table, built on first use; racing builders produce equal tables, one wins. */
  private static NyseYear year(int year) {
    int index = year - FIRST_RULE_YEAR;
    if (index < 0 || index >= YEARS.length()) {
      return NyseYear.of(year); // throws before FIRST_RULE_YEAR
    }
    NyseYear cached = YEARS.get(index);
    if (cached == null) {
      cached = NyseYear.of(year);
      if (!YEARS.compareAndSet(index, null, cached)) {
        cached = YEARS.get(index);
      }
    }
    return cached;
  }
}
