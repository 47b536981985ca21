package dev.thetaflow.core.rules;

import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.instrument.Contract;
import dev.thetaflow.core.strategy.StrategyState;
import dev.thetaflow.core.strategy.StrategyType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Typical strategies as the exit rules see them, flat (no P&amp;L yet), calm market (spot and VIX
 * at their references, IV at 30%), fresh marks. Tests change what they measure on the returned
 * builder.
 */
final class RuleInputs {
  /** 10:00 New York on a Tuesday. */
  static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");

  static final LocalDate EXPIRY = LocalDate.of(2026, 12, 18);
  private static final BigDecimal PENNY = new BigDecimal("0.01");

  private RuleInputs() {}

  /**
   * SPY iron condor 480/485/515/520, 1.00 credit × 10: credit 1,000, max profit 1,000, max loss
   * 4,000; 17 days to expiry, held 5 days.
   */
  static RuleInput.Builder ironCondor() {
    return ironCondor(NOW);
  }

  static RuleInput.Builder ironCondor(Instant now) {
    return calm(RuleInput.builder("ic-1", StrategyType.IRON_CONDOR, now))
        .money(1_000, 1_000, 4_000)
        .legs(
            List.of(
                leg(1, 480, OptionType.PUT, 10, 0.40),
                leg(2, 485, OptionType.PUT, -10, 0.60),
                leg(3, 515, OptionType.CALL, -10, 0.55),
                leg(4, 520, OptionType.CALL, 10, 0.35)));
  }

  /**
   * SPY put vertical, long 500 short 495, 2.00 debit × 5: debit 1,000, max profit 1,500, max loss
   * 1,000.
   */
  static RuleInput.Builder putDebitVertical() {
    return calm(RuleInput.builder("pv-1", StrategyType.PUT_VERTICAL, NOW))
        .money(-1_000, 1_500, 1_000)
        .legs(List.of(leg(5, 500, OptionType.PUT, 5, 5.0), leg(6, 495, OptionType.PUT, -5, 3.0)));
  }

  /** A long SPY 510 call, 2.00 debit × 5: debit 1,000, max profit unbounded, max loss 1,000. */
  static RuleInput.Builder longCall() {
    return calm(RuleInput.builder("lc-1", StrategyType.CUSTOM, NOW))
        .money(-1_000, Double.POSITIVE_INFINITY, 1_000)
        .legs(List.of(leg(7, 510, OptionType.CALL, 5, 2.0)));
  }

  /** A strategy that is no longer judged. */
  static RuleInput closing(RuleInput.Builder b) {
    return b.state(StrategyState.CLOSING).build();
  }

  private static RuleInput.Builder calm(RuleInput.Builder b) {
    return b.pnl(0, 0)
        .marksUsable(true)
        .spot(500, 500)
        .vix(20, 20)
        .iv(0.30, 0.30)
        .dte(17)
        .daysHeld(5);
  }

  private static LegView leg(long conId, double strike, OptionType right, long qty, double mark) {
    Contract c = Contract.equityOption(conId, "SPY", EXPIRY, strike, right, PENNY);
    return new LegView(c, qty, mark, mark - 0.02, mark + 0.02, true, 0.30, Double.NaN, Double.NaN);
  }
}
