package dev.thetaflow.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Records built in code, not by the loader, keep the same rules. */
class RecordsTest {

  private static IbConfig ib(int port, int clientId, int orderClientId, int perSecond) {
    return new IbConfig(
        "127.0.0.1",
        port,
        clientId,
        orderClientId,
        Duration.ofSeconds(10),
        Duration.ofSeconds(10),
        new BackoffConfig(Duration.ofSeconds(1), Duration.ofMinutes(1)),
        perSecond,
        MarketDataType.REALTIME);
  }

  @Test
  void constructorsRejectValuesOutsideTheirRules() {
    assertThatThrownBy(() -> ib(0, 1, 2, 40))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port = 0: expected an integer from 1 to 65535");
    assertThatThrownBy(() -> ib(4002, 1, 1, 40)).hasMessageContaining("orderClientId = 1");
    assertThatThrownBy(() -> ib(4002, 1, 2, 51))
        .hasMessage("maxMessagesPerSecond = 51: expected an integer from 1 to 50");
    assertThatThrownBy(() -> new BackoffConfig(Duration.ofSeconds(5), Duration.ofSeconds(1)))
        .hasMessageContaining("max = 1s: expected at least the initial backoff (5s)");
    assertThatThrownBy(() -> new RiskConfig(1, Double.NaN, 1, 1))
        .hasMessageContaining("maxLossPerDay = NaN");
    assertThatThrownBy(() -> new RiskConfig(1, 100, 0, 1))
        .hasMessageContaining("maxPortfolioDeltaPer100k = 0.0: expected a number greater than 0");
    assertThatThrownBy(() -> new SimConfig(7600, 1, 0)).hasMessageContaining("speed = 0.0");
    assertThatThrownBy(() -> new StorageConfig(" ")).hasMessageContaining("root = \" \"");
  }

  @Test
  void rootRecordTiesTheSimSectionToSimMode() {
    IbConfig ib = ib(7600, 1, 2, 40);
    StorageConfig storage = new StorageConfig("data/");
    FlinkConfig flink =
        new FlinkConfig(Duration.ofSeconds(10), 1, Optional.empty(), StateBackend.HASHMAP);
    RiskConfig risk = new RiskConfig(10, 1000, 50, 10);
    DashboardConfig dashboard = new DashboardConfig(8080);
    AnalyticsConfig analytics = new AnalyticsConfig(0.04, java.util.Map.of("SPY", 0.013));
    Optional<SimConfig> sim = Optional.of(new SimConfig(7600, 42, 1.0));

    assertThat(
            new ThetaflowConfig(
                    Mode.SIM,
                    Optional.empty(),
                    ib,
                    storage,
                    flink,
                    risk,
                    analytics,
                    sim,
                    dashboard,
                    Optional.empty(),
                    Optional.empty())
                .sim())
        .isPresent();
    assertThatThrownBy(
            () ->
                new ThetaflowConfig(
                    Mode.PAPER,
                    Optional.empty(),
                    ib,
                    storage,
                    flink,
                    risk,
                    analytics,
                    sim,
                    dashboard,
                    Optional.empty(),
                    Optional.empty()))
        .hasMessageContaining("expected a sim section exactly when mode is sim");
    assertThatThrownBy(
            () ->
                new ThetaflowConfig(
                    Mode.LIVE,
                    Optional.of("u1"),
                    ib,
                    storage,
                    flink,
                    risk,
                    analytics,
                    Optional.empty(),
                    dashboard,
                    Optional.empty(),
                    Optional.empty()))
        .hasMessageContaining("account = \"u1\"");
  }

  @Test
  void marketDataTypesCarryIbCodes() {
    assertThat(MarketDataType.REALTIME.ibCode()).isEqualTo(1);
    assertThat(MarketDataType.FROZEN.ibCode()).isEqualTo(2);
    assertThat(MarketDataType.DELAYED.ibCode()).isEqualTo(3);
    assertThat(MarketDataType.DELAYED_FROZEN.ibCode()).isEqualTo(4);
  }

  @Test
  void analyticsBoundTheRateAndEachYieldByName() {
    assertThat(new AnalyticsConfig(-0.01, java.util.Map.of()).market().rate()).isEqualTo(-0.01);
    assertThatThrownBy(() -> new AnalyticsConfig(0.4, java.util.Map.of()))
        .hasMessageContaining("rate");
    assertThatThrownBy(() -> new AnalyticsConfig(0.04, java.util.Map.of("SPY", 0.3)))
        .hasMessageContaining("dividendYields.SPY");
  }
}
