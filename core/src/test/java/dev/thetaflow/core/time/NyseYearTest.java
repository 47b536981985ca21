package dev.thetaflow.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NyseYearTest {

  /** Western (Gregorian) Easter Sundays from published Easter tables, including both extremes. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "1818-03-22", // earliest possible date
        "1943-04-25", // latest possible date
        "2000-04-23",
        "2008-03-23",
        "2011-04-24",
        "2019-04-21",
        "2024-03-31",
        "2025-04-20",
        "2026-04-05",
        "2027-03-28",
        "2028-04-16",
        "2029-04-01",
        "2030-04-21",
        "2031-04-13",
        "2032-03-28",
        "2033-04-17",
        "2034-04-09",
        "2035-03-25",
        "2038-04-25", // latest possible date
        "2285-03-22" // earliest possible date
      })
  void easterSundayMatchesPublishedTables(String date) {
    LocalDate easter = LocalDate.parse(date);
    assertThat(NyseYear.easterSunday(easter.getYear())).isEqualTo(easter);
  }
}
