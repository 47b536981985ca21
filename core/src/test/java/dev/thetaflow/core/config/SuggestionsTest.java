package dev.thetaflow.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

  private static final List<String> IB_KEYS =
      List.of("host", "port", "clientId", "orderClientId", "connectTimeout", "heartbeatInterval");

  @Test
  void findsTyposSwapsAndOtherSpellings() {
    assertThat(Suggestions.closest("prot", IB_KEYS)).contains("port");
    assertThat(Suggestions.closest("client_id", IB_KEYS)).contains("clientId");
    assertThat(Suggestions.closest("ClientID", IB_KEYS)).contains("clientId");
    assertThat(Suggestions.closest("conectTimeout", IB_KEYS)).contains("connectTimeout");
    assertThat(Suggestions.closest("heartbeat", IB_KEYS)).isEmpty();
    assertThat(Suggestions.closest("color", IB_KEYS)).isEmpty();
  }

  @Test
  void distanceCountsASwapAsOneEdit() {
    assertThat(Suggestions.distance("abcd", "abdc")).isEqualTo(1);
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
  }
}
