package dev.thetaflow.ib.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thetaflow.core.analytics.ExerciseStyle;
import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.instrument.Contract;
import dev.thetaflow.core.instrument.SettlementStyle;
import dev.thetaflow.ib.codec.ContractDetails;
import dev.thetaflow.ib.codec.TwsContract;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractsTest {
  private static ContractDetails details(
      String secType,
      String symbol,
      String expiry,
      double strike,
      String right,
      String tradingClass,
      double minTick,
      String underSecType) {
    TwsContract c =
        new TwsContract(
            7,
            symbol,
            secType,
            expiry,
            strike,
            right,
            secType.equals("OPT") ? "100" : "",
            "SMART",
            "",
            "USD",
            "",
            tradingClass,
            List.of());
    return new ContractDetails(
        1,
        c,
        "",
        minTick,
        "",
        "",
        1,
        0,
        "",
        "",
        "",
        "",
        "",
        "US/Eastern",
        "",
        "",
        "",
        0,
        List.of(),
        0,
        symbol,
        underSecType,
        "",
        "",
        "",
        1,
        1,
        1);
  }

  @Test
  void equityOptionsAreAmericanPmWithTheirTick() {
    Contract c = Contracts.toCore(details("OPT", "SPY", "20261218", 600, "C", "SPY", 0.01, "STK"));
    assertThat(c.expiry()).isEqualTo(LocalDate.of(2026, 12, 18));
    assertThat(c.right()).isEqualTo(OptionType.CALL);
    assertThat(c.multiplier()).isEqualTo(100);
    assertThat(c.minTick()).isEqualByComparingTo(new BigDecimal("0.01"));
    assertThat(c.exerciseStyle()).isEqualTo(ExerciseStyle.AMERICAN);
    assertThat(c.settlement()).isEqualTo(SettlementStyle.PM);
    assertThat(Contracts.toCore(details("STK", "SPY", "", 0, "", "SPY", 0.01, "")).minTick())
        .isEqualByComparingTo("0.01");
  }

  @Test
  void indexOptionsByTradingClassAndAnUnknownClassIsRefused() {
    Contract spx =
        Contracts.toCore(details("OPT", "SPX", "20261218", 6000, "P", "SPX", 0.05, "IND"));
    assertThat(spx.exerciseStyle()).isEqualTo(ExerciseStyle.EUROPEAN);
    assertThat(spx.settlement()).isEqualTo(SettlementStyle.AM);
    Contract spxw =
        Contracts.toCore(details("OPT", "SPX", "20261204", 6000, "P", "SPXW", 0.05, "IND"));
    assertThat(spxw.settlement()).isEqualTo(SettlementStyle.PM);
    assertThatThrownBy(
            () -> Contracts.toCore(details("OPT", "OEX", "20261218", 1, "P", "OEX", 0.05, "IND")))
        .hasMessageContaining("index option class 'OEX' has no known settlement");
    assertThatThrownBy(
            () -> Contracts.toCore(details("OPT", "SPY", "202612", 600, "C", "SPY", 0.01, "STK")))
        .hasMessageContaining("expiry '202612' is not yyyyMMdd");
  }
}
