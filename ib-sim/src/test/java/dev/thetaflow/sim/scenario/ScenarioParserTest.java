package dev.thetaflow.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thetaflow.sim.market.MarketSpec;
import dev.thetaflow.sim.market.SimMarket;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScenarioParserTest {

  @Test
  void theShippedCrashScenarioParsesIntoSortedEventsAndFaults() throws Exception {
    Scenario s = ScenarioParser.parse(resource("/scenarios/crash-and-disconnect.yaml"), "crash");
    assertThat(s.name()).isEqualTo("crash-and-disconnect");
    assertThat(s.events())
        .extracting(PathEvent::kind)
        .containsExactly(
            PathEvent.Kind.DRIFT,
            PathEvent.Kind.VOLATILITY,
            PathEvent.Kind.GAP,
            PathEvent.Kind.VIX);
    assertThat(s.events().get(2).value()).isEqualTo(-0.03);
    assertThat(s.events().get(1).value()).isEqualTo(0.40);
    assertThat(s.faults()).hasSize(6);
    Fault reject = s.faults().get(1);
    assertThat(reject.kind()).isEqualTo(FaultKind.REJECT_ORDERS);
    assertThat(reject.at()).isEqualTo(Duration.ofMinutes(30));
    assertThat(reject.duration()).isEqualTo(Duration.ofMinutes(5));
    assertThat(reject.code()).isEqualTo(201);
    assertThat(reject.reason()).isEqualTo("Your account has insufficient equity");
    assertThat(s.faults().get(2).duration()).isZero();
    assertThat(ScenarioParser.parse(resource("/scenarios/calm.yaml"), "calm").faults()).hasSize(1);
  }

  @Test
  void everyProblemIsReportedWithItsPlace() {
    String yaml =
        """
        name: broken
        evnts: []
        events:
          - at: 5 minutes
            underlying: SPY
            gap: -300%
          - at: 1m
            underlying: SPY
            drift: 0.1
            vix: 20
        faults:
          - at: 1m
            kind: conectivity_lost_data_lost
          - at: 2m
            kind: stall_data
          - at: 3m
            kind: drop_connection
            duration: 5s
          - at: 4m
            kind: garbage_frame
            reason: nope
        """;
    assertThatThrownBy(() -> ScenarioParser.parse(yaml, "broken.yaml"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("scenario broken.yaml has 8 problems")
        .hasMessageContaining("evnts: unknown key (did you mean events?)")
        .hasMessageContaining("events[0].at: ")
        .hasMessageContaining("events[0].gap: expected a gap such as -3% or -0.03, was \"-300%\"")
        .hasMessageContaining(
            "events[1]: expected exactly one of drift, volatility, gap, vix, found [drift, vix]")
        .hasMessageContaining(
            "faults[0].kind: 'conectivity_lost_data_lost' is not a fault (did you mean connectivity_lost_data_lost?)")
        .hasMessageContaining("faults[1].duration: missing")
        .hasMessageContaining("faults[2].duration: drop_connection is instantaneous")
        .hasMessageContaining("faults[3]: code and reason apply only to reject_orders");
  }

  @Test
  void pathEventsMoveTheMarket() {
    SimMarket market =
        SimMarket.create(MarketSpec.defaults(), 2, Instant.parse("2026-11-24T14:30:00Z"));
    double spy = market.spot("SPY");
    market.apply(new PathEvent(Duration.ZERO, "SPY", PathEvent.Kind.GAP, -0.03));
    assertThat(market.spot("SPY")).isEqualTo(spy * 0.97);
    market.apply(new PathEvent(Duration.ZERO, null, PathEvent.Kind.VIX, 38));
    assertThat(market.quote(market.vixConId()).last()).isEqualTo(38.0);
  }

  private static String resource(String path) throws Exception {
    try (InputStream in = ScenarioParserTest.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void dividendsAreReadByDateOrDaysAfterTheStartAndTheirProblemsReported() {
    Scenario s =
        ScenarioParser.parse(
            """
            dividends:
              - underlying: SPY
                amount: 1.82
                exDate: 2026-12-19
              - underlying: QQQ
                amount: 0.6
                exInDays: 3
            """,
            "ok");
    assertThat(s.dividends())
        .containsExactly(
            new ScenarioDividend("SPY", 1.82, java.time.LocalDate.of(2026, 12, 19), -1),
            new ScenarioDividend("QQQ", 0.6, null, 3));
    assertThat(s.dividends().get(1).exDate(java.time.LocalDate.of(2026, 11, 24)))
        .isEqualTo(java.time.LocalDate.of(2026, 11, 27));
    assertThatThrownBy(
            () ->
                ScenarioParser.parse(
                    """
                    dividends:
                      - underlying: SPY
                        amount: -1
                        exDate: 2026-12-19
                      - underlying: QQQ
                        amount: 0.6
                      - underlying: IWM
                        amount: 0.5
                        exDate: 19/12/2026
                      - underlying: SPY
                        amount: 0.5
                        exInDays: 1.5
                        exdate: 2026-12-19
                    """,
                    "bad"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("dividends[0].amount")
        .hasMessageContaining("dividends[1]: expected exactly one of exDate")
        .hasMessageContaining("dividends[2].exDate")
        .hasMessageContaining("dividends[3].exInDays")
        .hasMessageContaining("dividends[3].exdate: unknown key");
  }
}
