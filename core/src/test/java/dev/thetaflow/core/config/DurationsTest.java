package dev.thetaflow.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({
    "500ms, 500",
    "0ms, 0",
    "5s, 5000",
    "2m, 120000",
    "1h, 3600000",
    "PT0.5S, 500",
    "PT1M30S, 90000",
    "pt5s, 5000",
    "P1D, 86400000"
  })
  void readsShortAndIsoForms(String text, long millis) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @CsvSource({
    "'5', a bare number has no unit",
    "'1.5s', whole numbers only",
    "'5 s', write 5s",
    "'5sec', write 5s",
    "'2 minutes', write 2m",
    "'5S', units are lower case",
    "'5d', unknown unit 'd'",
    "'-5s', negative durations are not allowed",
    "'PT5X', not valid ISO-8601",
    "'soon', 'e.g. 500ms, 5s, 2m'",
    "'99999999999999999999s', too large"
  })
  void explainsWhatIsWrong(String text, String hint) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("expected a duration")
        .hasMessageContaining(hint);
  }

  @Test
  void rejectsEmptyText() {
    assertThatThrownBy(() -> Durations.parse(""))
        .hasMessageContaining("expected a duration")
        .hasMessageContaining("empty");
  }

  @ParameterizedTest
  @CsvSource({"500, 500ms", "5000, 5s", "120000, 2m", "7200000, 2h", "90000, 90s", "0, 0s"})
  void formatsInTheShortestExactUnit(long millis, String text) {
    assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(text);
    assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
  }
}
