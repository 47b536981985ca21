package dev.thetaflow.jobs.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderUpdateTest {
  private static OrderUpdate filled(long units, String legs) {
    return new OrderUpdate(
        "ic-1:EXIT:1",
        7,
        9L,
        "ic-1",
        "EXIT",
        "BUY",
        "LMT",
        3,
        1.0,
        null,
        "DAY",
        legs,
        "FILLED",
        units,
        1.0,
        null,
        null,
        Instant.EPOCH);
  }

  @Test
  void contractsFilledAreUnitsTimesTheLegsRatiosAsTheBrokerReportsThem() {
    String condor =
        "[{\"conId\":1,\"ratio\":1,\"action\":\"BUY\"},{\"conId\":2,\"ratio\":1,\"action\":\"SELL\"},"
            + "{\"conId\":3,\"ratio\":1,\"action\":\"SELL\"},{\"conId\":4,\"ratio\":1,\"action\":\"BUY\"}]";
    assertThat(filled(3, condor).contractsFilled()).isEqualTo(12);
    String ratioSpread =
        "[{\"conId\":1,\"ratio\":1,\"action\":\"BUY\"},{\"conId\":2, \"ratio\":2,\"action\":\"SELL\"}]";
    assertThat(filled(2, ratioSpread).contractsFilled()).isEqualTo(6);
    assertThat(filled(5, "[{\"conId\":1,\"ratio\":1}]").contractsFilled()).isEqualTo(5);
    assertThat(filled(5, null).contractsFilled()).as("legs unknown: units").isEqualTo(5);
    assertThat(filled(0, condor).contractsFilled()).isZero();
  }
}
