package dev.thetaflow.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RiskSupportTest {

  @Test
  void numbersReadAsATraderWritesThem() {
    assertThat(RiskSupport.fixed(0.305, 2)).isEqualTo("0.31");
    assertThat(RiskSupport.fixed(-0.3, 2)).isEqualTo("-0.30");
    assertThat(RiskSupport.fixed(-0.001, 2)).isEqualTo("0.00");
    assertThat(RiskSupport.fixed(1234567.891, 1)).isEqualTo("1,234,567.9");
    assertThat(RiskSupport.fixed(999.5, 0)).isEqualTo("1,000");
    assertThat(RiskSupport.fixed(12.05, 3)).isEqualTo("12.050");
    assertThat(RiskSupport.fixed(Double.NaN, 2)).isEqualTo("NaN");
    assertThat(RiskSupport.number(50.001)).isEqualTo("50");
    assertThat(RiskSupport.number(2.10)).isEqualTo("2.1");
    assertThat(RiskSupport.number(580)).isEqualTo("580");
    assertThat(RiskSupport.number(1000)).isEqualTo("1,000");
    assertThat(RiskSupport.number(57.142857)).isEqualTo("57.14");
    assertThat(RiskSupport.percent(0.25)).isEqualTo("25%");
    assertThat(RiskSupport.money(-56.5)).isEqualTo("-$56.5");
    assertThat(RiskSupport.money(50_001)).isEqualTo("$50,001");
    assertThat(RiskSupport.money(-0.2)).isEqualTo("-$0.2");
  }
}
