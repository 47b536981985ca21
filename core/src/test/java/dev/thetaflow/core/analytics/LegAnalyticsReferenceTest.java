package dev.thetaflow.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.thetaflow.core.instrument.Contract;
import dev.thetaflow.core.instrument.SettlementStyle;
import dev.thetaflow.core.risk.LegAnalytics;
import dev.thetaflow.core.risk.LegGreeks;
import dev.thetaflow.core.risk.MarketAssumptions;
import dev.thetaflow.core.time.Expiries;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A quoted leg's volatility and Greeks against QuantLib's American engine: each reference option's
 * QuantLib price is the leg's mid, the valuation time is set so that its year fraction is the
 * reference's; the solved volatility must be the one QuantLib priced at, and the Greeks QuantLib's.
 */
class LegAnalyticsReferenceTest {
  private static final LocalDate EXPIRY = LocalDate.of(2027, 6, 18);
  private static final Instant EXPIRES = Expiries.expiryInstant(EXPIRY, SettlementStyle.PM);

  @Test
  void americanLegsReproduceQuantLibsVolatilityAndGreeks() {
    int checked = 0;
    for (ReferenceCsv.Row row : ReferenceCsv.read("/reference/american.csv")) {
      double years = row.number("years");
      double vega = row.number("vega");
      double price = row.number("price");
      // A volatility is only pinned by a price whose vega is not lost in its rounding.
      if (years < 1.0 / 365 || vega * 1e-4 < 1e-9 * Math.max(1, price)) {
        continue;
      }
      Contract option =
          Contract.equityOption(
              7, "XYZ", EXPIRY, row.number("strike"), row.type(), new BigDecimal("0.01"));
      Instant now = EXPIRES.minusNanos(Math.round(years * 365 * 86_400 * 1e9));
      MarketAssumptions market =
          new MarketAssumptions(row.number("rate"), Map.of("XYZ", row.number("div_yield")));
      if (market.dividendYield("XYZ") < 0) {
        continue;
      }
      LegGreeks g = LegAnalytics.of(option, price, row.number("spot"), now, market);
      String id = row.id();
      assertThat(g.ivStatus()).as(id).isEqualTo(IvStatus.OK);
      assertThat(g.impliedVol()).as(id).isCloseTo(row.number("vol"), within(1e-5));
      double spot = row.number("spot");
      assertThat(g.delta()).as(id).isCloseTo(row.number("delta"), within(1e-5));
      assertThat(g.gamma() * spot).as(id).isCloseTo(row.number("gamma") * spot, within(1e-4));
      assertThat(g.vega()).as(id).isCloseTo(vega, within(1e-4 * Math.max(1, Math.abs(vega))));
      assertThat(g.theta())
          .as(id)
          .isCloseTo(
              row.number("theta"), within(1e-3 * Math.max(1, Math.abs(row.number("theta")))));
      // At a kink (a call without dividends at a zero rate is exercised early only below it)
      // QuantLib's central difference is no derivative; its error column says so.
      if (row.number("rho_err") < 1e-4) {
        assertThat(g.rho())
            .as(id)
            .isCloseTo(row.number("rho"), within(1e-3 * Math.max(1, Math.abs(row.number("rho")))));
      }
      checked++;
    }
    assertThat(checked).as("reference rows checked").isGreaterThan(300);
  }

  @Test
  void callsWithoutDividendsAreValuedEuropeanPutsAndDividendCallsAmerican() {
    MarketAssumptions noDividend = new MarketAssumptions(0.04, Map.of());
    Instant now = EXPIRES.minusSeconds(86_400L * 90);
    Contract call = Contract.equityOption(1, "XYZ", EXPIRY, 100, OptionType.CALL, BigDecimal.ONE);
    LegGreeks g = LegAnalytics.of(call, 5.0, 100, now, noDividend);
    PricingInputs in =
        new PricingInputs(
            OptionType.CALL, 100, 100, Expiries.yearFraction(now, EXPIRES), 0.04, 0, 0.2);
    ImpliedVol european = PricingEngines.forStyle(ExerciseStyle.EUROPEAN).impliedVolatility(in, 5);
    assertThat(g.impliedVol()).isCloseTo(european.volatility(), within(1e-12));

    Contract put = Contract.equityOption(2, "XYZ", EXPIRY, 110, OptionType.PUT, BigDecimal.ONE);
    LegGreeks p = LegAnalytics.of(put, 11.0, 100, now, noDividend);
    ImpliedVol europeanPut =
        PricingEngines.forStyle(ExerciseStyle.EUROPEAN)
            .impliedVolatility(
                new PricingInputs(OptionType.PUT, 100, 110, in.years(), 0.04, 0, 0.2), 11);
    assertThat(p.impliedVol())
        .as("an ITM American put's early-exercise premium lowers its implied volatility")
        .isLessThan(europeanPut.volatility() - 1e-4);
  }

  @Test
  void unsolvableAndExpiredLegsSayWhyInsteadOfGivingNumbers() {
    MarketAssumptions market = new MarketAssumptions(0.04, Map.of());
    Contract put = Contract.equityOption(2, "XYZ", EXPIRY, 110, OptionType.PUT, BigDecimal.ONE);
    Instant now = EXPIRES.minusSeconds(86_400L * 30);
    LegGreeks below = LegAnalytics.of(put, 5.0, 100, now, market); // intrinsic is 10
    assertThat(below.ivStatus()).isEqualTo(IvStatus.BELOW_INTRINSIC);
    assertThat(below.usable()).isFalse();
    assertThat(LegAnalytics.of(put, 0, 100, now, market).ivStatus())
        .isEqualTo(IvStatus.INVALID_PRICE);
    LegGreeks expired = LegAnalytics.of(put, 10, 100, EXPIRES.plusSeconds(1), market);
    assertThat(expired.ivStatus()).isEqualTo(IvStatus.EXPIRED);
    assertThat(expired.delta()).isEqualTo(-1);
  }
}
