package dev.thetaflow.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.instrument.Contract;
import dev.thetaflow.core.instrument.Leg;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExpiryPayoffTest {
  private static final LocalDate EXPIRY = LocalDate.of(2026, 12, 18);

  private static Leg leg(int ratio, double strike, OptionType right) {
    return new Leg(
        Contract.equityOption(
            (long) (strike * 10) + (right == OptionType.CALL ? 1 : 0),
            "SPY",
            EXPIRY,
            strike,
            right,
            new BigDecimal("0.01")),
        ratio);
  }

  @Test
  void creditSpreadsAndCondorsMakeTheCreditAndLoseTheWidthLessIt() {
    var putSpread =
        List.of(leg(-1, 570, OptionType.PUT), leg(1, 560, OptionType.PUT)); // credit 1.25
    assertThat(ExpiryPayoff.of(putSpread, 1.25, 2)).contains(new ExpiryPayoff(250, 1750));
    var condor =
        List.of(
            leg(1, 560, OptionType.PUT),
            leg(-1, 570, OptionType.PUT),
            leg(-1, 630, OptionType.CALL),
            leg(1, 645, OptionType.CALL));
    ExpiryPayoff p = ExpiryPayoff.of(condor, 1.25, 1).orElseThrow();
    assertThat(p.maxProfit()).isCloseTo(125, within(1e-9));
    assertThat(p.maxLoss()).as("the wider wing").isCloseTo(1375, within(1e-9));
  }

  @Test
  void nakedCallsAreUnboundedOneWayAndCalendarsHaveNoExpiryPayoff() {
    assertThat(ExpiryPayoff.of(List.of(leg(1, 600, OptionType.CALL)), -5, 1))
        .contains(new ExpiryPayoff(Double.POSITIVE_INFINITY, 500));
    assertThat(ExpiryPayoff.of(List.of(leg(-1, 600, OptionType.CALL)), 5, 1))
        .contains(new ExpiryPayoff(500, Double.POSITIVE_INFINITY));
    // a short put loses at most the strike less the credit
    assertThat(ExpiryPayoff.of(List.of(leg(-1, 600, OptionType.PUT)), 5, 1))
        .contains(new ExpiryPayoff(500, 59_500));
    Leg later =
        new Leg(
            Contract.equityOption(
                9, "SPY", EXPIRY.plusDays(28), 600, OptionType.CALL, new BigDecimal("0.01")),
            1);
    assertThat(ExpiryPayoff.of(List.of(leg(-1, 600, OptionType.CALL), later), -2, 1)).isEmpty();
  }

  @Test
  void extremesMatchABruteForceScanOfRandomSameExpirySpreads() {
    Random random = new Random(11);
    for (int n = 0; n < 500; n++) {
      int legs = 1 + random.nextInt(4);
      List<Leg> spread = new java.util.ArrayList<>();
      for (int i = 0; i < legs; i++) {
        int ratio = (random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(2));
        double strike = 500 + 5 * random.nextInt(40);
        spread.add(leg(ratio, strike, random.nextBoolean() ? OptionType.CALL : OptionType.PUT));
      }
      double net = random.nextDouble() * 20 - 10;
      ExpiryPayoff p = ExpiryPayoff.of(spread, net, 1).orElseThrow();
      double best = Double.NEGATIVE_INFINITY;
      double worst = Double.POSITIVE_INFINITY;
      for (double s = 0; s <= 2_000; s += 0.5) {
        double pnl = ExpiryPayoff.pnlAt(spread, net, s) * 100;
        best = Math.max(best, pnl);
        worst = Math.min(worst, pnl);
      }
      if (Double.isFinite(p.maxProfit())) {
        assertThat(p.maxProfit()).as("%s", spread).isCloseTo(best, within(1e-6));
      } else {
        assertThat(ExpiryPayoff.pnlAt(spread, net, 2_000))
            .as("unbounded profit rises beyond the strikes: %s", spread)
            .isGreaterThan(ExpiryPayoff.pnlAt(spread, net, 1_000));
      }
      if (Double.isFinite(p.maxLoss())) {
        assertThat(p.maxLoss()).as("%s", spread).isCloseTo(-worst, within(1e-6));
      } else {
        assertThat(ExpiryPayoff.pnlAt(spread, net, 2_000))
            .as("unbounded loss falls beyond the strikes: %s", spread)
            .isLessThan(ExpiryPayoff.pnlAt(spread, net, 1_000));
      }
    }
  }
}
