package dev.thetaflow.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertTest {

  static final Instant T = Instant.parse("2026-11-23T15:00:00Z");

  @Test
  void strategyIdIsOptional() {
    Alert a = new Alert("a1", T, Severity.CRITICAL, "risk-gate", "ORDER_DENIED", "max loss", "s1");
    assertThat(a.strategyId()).isEqualTo("s1");
    assertThat(new Alert("a2", T, Severity.INFO, "ib-client", "CONNECTED", "ok", null).strategyId())
        .isNull();
  }

  @Test
  void validation() {
    assertThatThrownBy(() -> new Alert("", T, Severity.INFO, "s", "c", "m", null))
        .hasMessageContaining("alert id must be non-blank");
    assertThatThrownBy(() -> new Alert("a", null, Severity.INFO, "s", "c", "m", null))
        .hasMessageContaining("time and severity");
    assertThatThrownBy(() -> new Alert("a", T, Severity.INFO, "s", " ", "m", null))
        .hasMessageContaining("code");
    assertThatThrownBy(() -> new Alert("a", T, Severity.INFO, "s", "c", "m", " "))
        .hasMessageContaining("strategyId must be null or non-blank");
  }
}
