package dev.thetaflow.ib.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BrokerClockTest {
  private static final Instant LOCAL = Instant.parse("2026-12-02T02:50:00.250Z");

  @Test
  void aBrokerOnOurClockWithinItsSecondsRoundingLeavesTimesAlone() {
    BrokerClock clock = new BrokerClock();
    clock.onServerTime(LOCAL.getEpochSecond(), LOCAL.toEpochMilli() + 40); // truncated, 40 ms late
    assertThat(clock.at(LOCAL)).isEqualTo(LOCAL);
    clock.onServerTime(LOCAL.getEpochSecond() - 1, LOCAL.toEpochMilli());
    assertThat(clock.at(LOCAL)).isEqualTo(LOCAL);
  }

  @Test
  void aSimulatorOnAnotherDayShiftsEveryTimeToItsClock() {
    BrokerClock clock = new BrokerClock();
    Instant market = Instant.parse("2026-11-24T14:30:07Z");
    clock.onServerTime(market.getEpochSecond(), LOCAL.toEpochMilli());
    assertThat(clock.at(LOCAL)).isEqualTo(market.plusMillis(500));
    assertThat(clock.at(LOCAL.plusSeconds(2))).isEqualTo(market.plusMillis(2_500));
    // two seconds ahead is another clock, not rounding
    clock.onServerTime(LOCAL.getEpochSecond() + 2, LOCAL.toEpochMilli());
    assertThat(clock.offsetMillis()).isEqualTo(2_250);
  }
}
