package dev.thetaflow.core.strategy;

import static dev.thetaflow.core.strategy.StrategyTestData.call;
import static dev.thetaflow.core.strategy.StrategyTestData.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.instrument.Contract;
import dev.thetaflow.core.instrument.Leg;
import dev.thetaflow.core.value.Price;
import dev.thetaflow.core.value.TickRounding;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StrategiesTest {

  static final Instant T0 = Instant.parse("2026-11-23T15:00:00Z");

  @Test
  void ironCondorHasFourSignedLegsAndStartsPending() {
    Strategy ic = Strategies.ironCondor("ic-1", put(640), put(650), call(720), call(730), 3, T0);
    assertThat(ic.type()).isEqualTo(StrategyType.IRON_CONDOR);
    assertThat(ic.underlying()).isEqualTo("SPY");
    assertThat(ic.legs()).extracting(Leg::ratio).containsExactly(1, -1, -1, 1);
    assertThat(ic.legs())
        .extracting(l -> l.contract().strike())
        .containsExactly(640.0, 650.0, 720.0, 730.0);
    assertThat(ic.state()).isEqualTo(StrategyState.PENDING_ENTRY);
    assertThat(ic.openingNetPrice()).isNull();
    assertThat(ic.quantity()).isEqualTo(3);
  }

  @Test
  void ironCondorRejectsMisorderedStrikes() {
    assertThatThrownBy(
            () -> Strategies.ironCondor("ic", put(650), put(640), call(720), call(730), 1, T0))
        .hasMessageContaining("long put strike 650.0 must be below short put strike 640.0");
    assertThatThrownBy(
            () -> Strategies.ironCondor("ic", put(640), put(700), call(700), call(730), 1, T0))
        .hasMessageContaining("short put strike 700.0 must be below short call strike 700.0");
    assertThatThrownBy(
            () -> Strategies.ironCondor("ic", put(640), put(650), call(740), call(730), 1, T0))
        .hasMessageContaining("short call strike 740.0 must be below long call");
  }

  @Test
  void ironCondorRejectsWrongRightsAndMixedSeries() {
    assertThatThrownBy(
            () -> Strategies.ironCondor("ic", call(640), put(650), call(720), call(730), 1, T0))
        .hasMessageContaining("long put must be a PUT");
    Contract otherExpiry =
        Contract.equityOption(
            7, "SPY", LocalDate.of(2027, 1, 15), 730, OptionType.CALL, new BigDecimal("0.01"));
    assertThatThrownBy(
            () -> Strategies.ironCondor("ic", put(640), put(650), call(720), otherExpiry, 1, T0))
        .hasMessageContaining("same underlying, expiry and multiplier");
    Contract qqq =
        Contract.equityOption(
            8, "QQQ", StrategyTestData.EXPIRY, 730, OptionType.CALL, new BigDecimal("0.01"));
    assertThatThrownBy(() -> Strategies.ironCondor("ic", put(640), put(650), call(720), qqq, 1, T0))
        .hasMessageContaining("same underlying");
    assertThatThrownBy(
            () -> Strategies.ironCondor("ic", put(640), put(650), call(720), call(730), 0, T0))
        .hasMessageContaining("quantity must be > 0, was 0");
  }

  @Test
  void verticalsTakeTheirTypeFromTheRight() {
    Strategy bullPut = Strategies.vertical("pv-1", put(650), put(640), 1, T0);
    assertThat(bullPut.type()).isEqualTo(StrategyType.PUT_VERTICAL);
    assertThat(bullPut.legs()).extracting(Leg::ratio).containsExactly(-1, 1);
    Strategy bearCall = Strategies.vertical("cv-1", call(720), call(730), 1, T0);
    assertThat(bearCall.type()).isEqualTo(StrategyType.CALL_VERTICAL);
    assertThatThrownBy(() -> Strategies.vertical("v", put(650), call(640), 1, T0))
        .hasMessageContaining("long leg must be a PUT");
    assertThatThrownBy(() -> Strategies.vertical("v", put(650), put(650), 1, T0))
        .hasMessageContaining("strikes must differ");
    assertThatThrownBy(
            () ->
                Strategies.vertical("v", Contract.stock(1, "SPY", "SMART", "USD"), put(650), 1, T0))
        .hasMessageContaining("options");
  }

  @Test
  void strategyRecordChecksItsInvariants() {
    Strategy ic = Strategies.ironCondor("ic-1", put(640), put(650), call(720), call(730), 1, T0);
    assertThatThrownBy(() -> ic.withState(StrategyState.OPEN, T0))
        .hasMessageContaining("OPEN needs an opening net price");
    Price credit = Price.of(1.25, 0.01, TickRounding.NEAREST);
    Strategy open = ic.withOpeningNetPrice(credit).withState(StrategyState.OPEN, T0);
    assertThat(open.openingNetPrice().toDouble()).isEqualTo(1.25);
    Strategy closed = open.withState(StrategyState.CLOSED, T0.plusSeconds(60));
    assertThat(closed.closedAt()).isEqualTo(T0.plusSeconds(60));
    assertThatThrownBy(() -> closed.withState(StrategyState.OPEN, T0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CLOSED -> OPEN is not allowed");
    assertThatThrownBy(() -> open.withState(StrategyState.CLOSED, T0.minusSeconds(1)))
        .hasMessageContaining("before openedAt");
    assertThatThrownBy(
            () ->
                new Strategy(
                    "x",
                    StrategyType.STRADDLE,
                    "SPY",
                    open.legs(),
                    1,
                    credit,
                    StrategyState.OPEN,
                    T0,
                    null))
        .hasMessageContaining("STRADDLE needs 2 legs, has 4");
    assertThatThrownBy(
            () ->
                new Strategy(
                    "x",
                    StrategyType.CUSTOM,
                    "QQQ",
                    open.legs(),
                    1,
                    credit,
                    StrategyState.OPEN,
                    T0,
                    null))
        .hasMessageContaining("not on underlying QQQ");
    assertThatThrownBy(
            () ->
                new Strategy(
                    "x",
                    StrategyType.CUSTOM,
                    "SPY",
                    java.util.List.of(Leg.longLeg(put(640), 1), Leg.shortLeg(put(640), 1)),
                    1,
                    credit,
                    StrategyState.OPEN,
                    T0,
                    null))
        .hasMessageContaining("appears twice");
    assertThatThrownBy(
            () ->
                new Strategy(
                    "x",
                    StrategyType.CUSTOM,
                    "SPY",
                    open.legs(),
                    1,
                    credit,
                    StrategyState.OPEN,
                    T0,
                    T0))
        .hasMessageContaining("closedAt must be set exactly when CLOSED");
    assertThatThrownBy(() -> open.legs().add(open.legs().get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
