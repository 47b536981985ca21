package dev.thetaflow.core.time;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

/**
 * US equity and equity-option regular trading hours: 09:30–16:00 America/New_York on NYSE trading
 * days, 09:30–13:00 on early-close days.
 *
 * <p>Holidays and early closes cover 2025–2027, as published by NYSE Group on 2024-11-08 ("NYSE
 * Group announces 2025, 2026 and 2027 holiday and early closings calendar"), plus the unscheduled
 * closure on 2025-01-09 (national day of mourning for President Carter). On early-close days
 * eligible options trade until 13:15; this class models the 13:00 equity close only. Dates outside
 * the covered years fail rather than guess: extend the tables when NYSE publishes the next year.
 *
 * <p>Times are exchange wall-clock times; conversion to an {@link Instant} goes through the zone
 * rules, so daylight-saving changes are handled by {@code java.time}.
 */
public final class UsEquityCalendar {

  /** The exchange time zone of US equities and options. */
  public static final ZoneId ZONE = ZoneId.of("America/New_York");

  public static final LocalTime OPEN = LocalTime.of(9, 30);
  public static final LocalTime CLOSE = LocalTime.of(16, 0);
  public static final LocalTime EARLY_CLOSE = LocalTime.of(13, 0);

  public static final int FIRST_YEAR = 2025;
  public static final int LAST_YEAR = 2027;

  /** Full-day closures, with the reason for readability of logs and alerts. */
  private static final Map<LocalDate, String> HOLIDAYS =
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

  /** 13:00 closes: July 3 2025, the days after Thanksgiving, Christmas Eve 2025 and 2026. */
  private static final Set<LocalDate> EARLY_CLOSES =
      Set.of(
          LocalDate.of(2025, 7, 3),
          LocalDate.of(2025, 11, 28),
          LocalDate.of(2025, 12, 24),
          LocalDate.of(2026, 11, 27),
          LocalDate.of(2026, 12, 24),
          LocalDate.of(2027, 11, 26));

  private UsEquityCalendar() {}

  /** The exchange-local date of an instant (what a trader in New York calls "today"). */
  public static LocalDate exchangeDate(Instant instant) {
    return instant.atZone(ZONE).toLocalDate();
  }

  /** True if the date is in the covered years. */
  public static boolean covers(LocalDate date) {
    return date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR;
  }

  /** A weekday that is not a full-day holiday. */
  public static boolean isTradingDay(LocalDate date) {
    requireCovered(date);
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !HOLIDAYS.containsKey(date);
  }

  /** The holiday's name, or null when the date is not a full-day holiday. */
  public static String holidayName(LocalDate date) {
    requireCovered(date);
    return HOLIDAYS.get(date);
  }

  /** True on a 13:00 early-close trading day. */
  public static boolean isEarlyClose(LocalDate date) {
    requireCovered(date);
    return EARLY_CLOSES.contains(date);
  }

  /** The regular-session open of a trading day; fails on a non-trading day. */
  public static Instant sessionOpen(LocalDate date) {
    requireTradingDay(date);
    return date.atTime(OPEN).atZone(ZONE).toInstant();
  }

  /** The regular-session close of a trading day (13:00 on early-close days). */
  public static Instant sessionClose(LocalDate date) {
    requireTradingDay(date);
    return date.atTime(EARLY_CLOSES.contains(date) ? EARLY_CLOSE : CLOSE).atZone(ZONE).toInstant();
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

  private static void requireCovered(LocalDate date) {
    if (!covers(date)) {
      throw new IllegalArgumentException(
          "US equity calendar covers " + FIRST_YEAR + "-" + LAST_YEAR + " only, asked for " + date);
    }
  }
}
