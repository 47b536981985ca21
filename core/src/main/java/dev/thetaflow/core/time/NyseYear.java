package dev.thetaflow.core.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One calendar year of NYSE full-day closures and 13:00 early closes, derived from the standing
 * holiday rules (NYSE Rule 7.2) plus the few closures no rule can know. Immutable; built once per
 * year by {@link UsEquityCalendar} and then only read, without allocation.
 */
final class NyseYear {

  /**
   * First year the rules reproduce NYSE's actual calendar. Before it NYSE closed early on the
   * Friday after a Thursday July 4 (2002-07-05) instead of on July 3, and Christmas Eve practice
   * differed before 1999. From 2003 on, the only departures are the exceptions listed below.
   */
  static final int FIRST_RULE_YEAR = 2003;

  /** Unscheduled full-day closures since 2003 (national days of mourning, weather). */
  private static final Map<LocalDate, String> UNSCHEDULED_CLOSURES =
      Map.of(
          LocalDate.of(2004, 6, 11), "National Day of Mourning (President Reagan)",
          LocalDate.of(2007, 1, 2), "National Day of Mourning (President Ford)",
          LocalDate.of(2012, 10, 29), "Hurricane Sandy",
          LocalDate.of(2012, 10, 30), "Hurricane Sandy",
          LocalDate.of(2018, 12, 5), "National Day of Mourning (President George H. W. Bush)",
          LocalDate.of(2025, 1, 9), "National Day of Mourning (President Carter)");

  /** 13:00 closes outside the rules: the Friday after Christmas 2003. */
  private static final List<LocalDate> UNSCHEDULED_EARLY_CLOSES =
      List.of(LocalDate.of(2003, 12, 26));

  private final int[] holidayDays; // day-of-year, ascending
  private final String[] holidayNames; // parallel to holidayDays
  private final int[] earlyCloseDays; // day-of-year, ascending, trading days only

  private NyseYear(TreeMap<Integer, String> holidays, List<LocalDate> earlyCloses) {
    this.holidayDays = new int[holidays.size()];
    this.holidayNames = new String[holidays.size()];
    int i = 0;
    for (Map.Entry<Integer, String> h : holidays.entrySet()) {
      holidayDays[i] = h.getKey();
      holidayNames[i] = h.getValue();
      i++;
    }
    this.earlyCloseDays =
        earlyCloses.stream()
            .mapToInt(LocalDate::getDayOfYear)
            .filter(d -> !holidays.containsKey(d))
            .sorted()
            .toArray();
  }

  /** The holiday's name on that day of the year, or null if the exchange is not closed for one. */
  String holidayName(int dayOfYear) {
    for (int i = 0; i < holidayDays.length; i++) {
      if (holidayDays[i] == dayOfYear) {
        return holidayNames[i];
      }
    }
    return null;
  }

  boolean isHoliday(int dayOfYear) {
    return holidayName(dayOfYear) != null;
  }

  boolean isEarlyClose(int dayOfYear) {
    for (int d : earlyCloseDays) {
      if (d == dayOfYear) {
        return true;
      }
    }
    return false;
  }

  /** Derives the year from the rules; {@code year} must be at least {@link #FIRST_RULE_YEAR}. */
  static NyseYear of(int year) {
    if (year < FIRST_RULE_YEAR) {
      throw new IllegalArgumentException(
          "US equity calendar rules hold from " + FIRST_RULE_YEAR + " on, asked for " + year);
    }
    TreeMap<Integer, String> holidays = new TreeMap<>();
    // Rule 7.2: a Saturday New Year's Day is not moved to Friday Dec 31 (year-end accounting).
    LocalDate newYear = LocalDate.of(year, 1, 1);
    if (newYear.getDayOfWeek() == DayOfWeek.SUNDAY) {
      put(holidays, newYear.plusDays(1), "New Year's Day (observed)");
    } else if (newYear.getDayOfWeek() != DayOfWeek.SATURDAY) {
      put(holidays, newYear, "New Year's Day");
    }
    put(
        holidays,
        nthWeekday(year, Month.JANUARY, 3, DayOfWeek.MONDAY),
        "Martin Luther King, Jr. Day");
    put(holidays, nthWeekday(year, Month.FEBRUARY, 3, DayOfWeek.MONDAY), "Washington's Birthday");
    put(holidays, easterSunday(year).minusDays(2), "Good Friday");
    put(
        holidays,
        LocalDate.of(year, 5, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)),
        "Memorial Day");
    if (year >= 2022) { // added to Rule 7.2 in 2021, first observed 2022
      putObserved(holidays, LocalDate.of(year, 6, 19), "Juneteenth");
    }
    putObserved(holidays, LocalDate.of(year, 7, 4), "Independence Day");
    put(holidays, nthWeekday(year, Month.SEPTEMBER, 1, DayOfWeek.MONDAY), "Labor Day");
    LocalDate thanksgiving = nthWeekday(year, Month.NOVEMBER, 4, DayOfWeek.THURSDAY);
    put(holidays, thanksgiving, "Thanksgiving Day");
    putObserved(holidays, LocalDate.of(year, 12, 25), "Christmas Day");
    UNSCHEDULED_CLOSURES.forEach(
        (date, name) -> {
          if (date.getYear() == year) {
            put(holidays, date, name);
          }
        });

    List<LocalDate> earlyCloses = new ArrayList<>();
    earlyCloses.add(thanksgiving.plusDays(1));
    // July 3 and Dec 24 close early only Monday-Thursday: on a Friday they are the observed
    // holiday themselves, and NYSE never moves the early close to the day before (2026-07-02 and
    // 2027-12-23 are full days).
    addIfMondayToThursday(earlyCloses, LocalDate.of(year, 7, 3));
    addIfMondayToThursday(earlyCloses, LocalDate.of(year, 12, 24));
    for (LocalDate d : UNSCHEDULED_EARLY_CLOSES) {
      if (d.getYear() == year) {
        earlyCloses.add(d);
      }
    }
    return new NyseYear(holidays, earlyCloses);
  }

  /**
   * Easter Sunday of the Gregorian calendar by the anonymous algorithm (Meeus, "Astronomical
   * Algorithms", ch. 8; Jones 1876, Butcher 1876), valid for every Gregorian year.
   */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = Math.floorMod(19 * a + b - d - g + 15, 30);
    int i = c / 4;
    int k = c % 4;
    int l = Math.floorMod(32 + 2 * e + 2 * i - h - k, 7);
    int m = (a + 11 * h + 22 * l) / 451;
    int n = h + l - 7 * m + 114;
    return LocalDate.of(year, n / 31, n % 31 + 1);
  }

  private static LocalDate nthWeekday(int year, Month month, int n, DayOfWeek day) {
    return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
  }

  /** Saturday holidays are observed on Friday, Sunday holidays on Monday. */
  private static void putObserved(TreeMap<Integer, String> holidays, LocalDate date, String name) {
    switch (date.getDayOfWeek()) {
      case SATURDAY -> put(holidays, date.minusDays(1), name + " (observed)");
      case SUNDAY -> put(holidays, date.plusDays(1), name + " (observed)");
      default -> put(holidays, date, name);
    }
  }

  private static void put(TreeMap<Integer, String> holidays, LocalDate date, String name) {
    holidays.merge(date.getDayOfYear(), name, (a, b) -> a + " / " + b);
  }

  private static void addIfMondayToThursday(List<LocalDate> days, LocalDate date) {
    if (date.getDayOfWeek().getValue() <= DayOfWeek.THURSDAY.getValue()) {
      days.add(date);
    }
  }
}
