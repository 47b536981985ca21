package dev.thetaflow.benchmarks;

import dev.thetaflow.core.analytics.ExerciseStyle;
import dev.thetaflow.core.analytics.Greeks;
import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.analytics.PricingEngine;
import dev.thetaflow.core.analytics.PricingEngines;
import dev.thetaflow.core.analytics.PricingInputs;
import dev.thetaflow.core.decision.RuleId;
import dev.thetaflow.core.instrument.Contract;
import dev.thetaflow.core.risk.PositionGreeks;
import dev.thetaflow.core.rules.AssignmentRiskRule;
import dev.thetaflow.core.rules.CatastropheRule;
import dev.thetaflow.core.rules.DeltaRiskRule;
import dev.thetaflow.core.rules.DteRollRule;
import dev.thetaflow.core.rules.GammaRiskRule;
import dev.thetaflow.core.rules.IvCrushRule;
import dev.thetaflow.core.rules.LegView;
import dev.thetaflow.core.rules.Rule;
import dev.thetaflow.core.rules.RuleBook;
import dev.thetaflow.core.rules.RuleInput;
import dev.thetaflow.core.rules.StopLossRule;
import dev.thetaflow.core.rules.TakeProfitRule;
import dev.thetaflow.core.rules.TimeExitRule;
import dev.thetaflow.core.rules.TrailingStopRule;
import dev.thetaflow.core.rules.VixExitRule;
import dev.thetaflow.core.rules.VolatilityScaling;
import dev.thetaflow.core.strategy.StrategyType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A SPY iron condor as the rules see it, in the states the rule benchmark measures. Ten lots of
 * 550/560 puts and 635/645 calls expiring 2027-01-15, opened on 2026-12-01 (45 days out, spot 600)
 * for a 1.25 credit: $1,250 in, max loss $8,750. Marks and per-leg Greeks come from the European
 * engine at each state's spot, volatility (with a put skew) and time, so P&amp;L, position Greeks
 * and IV agree with each other as they would in the operator; every mark is fresh.
 */
final class RuleCases {

  /** The benchmarked states of the whole book. */
  enum BookState {
    /** Seven days in, a little profit: no rule within 80% of its threshold. */
    QUIET,
    /** 25 days to expiry, most of the profit in: several rules at 80–95%, none firing. */
    NEAR,
    /** Take profit fires (and builds its reason); no other rule does. */
    FIRING
  }

  static final LocalDate OPENED = LocalDate.of(2026, 12, 1);
  static final LocalDate EXPIRY = LocalDate.of(2027, 1, 15);
  static final double CREDIT = 1.25 * 100 * 10;
  static final double MAX_LOSS = (10 - 1.25) * 100 * 10;

  private static final double RATE = 0.04;
  private static final double DIVIDEND_YIELD = 0.012;
  private static final double[] STRIKES = {550, 560, 635, 645};
  private static final OptionType[] RIGHTS = {
    OptionType.PUT, OptionType.PUT, OptionType.CALL, OptionType.CALL
  };
  private static final long[] POSITIONS = {10, -10, -10, 10};

  /** Volatility over the at-the-money level: puts richer than calls, as in SPY. */
  private static final double[] SKEW = {0.035, 0.02, -0.01, -0.012};

  private static final double ENTRY_ATM_VOL = 0.135;

  /** SPY's quarterly ex-dividend dates around the trade. */
  private static final LocalDate DEC_EX = LocalDate.of(2026, 12, 18);

  private static final LocalDate MAR_EX = LocalDate.of(2027, 3, 19);

  private RuleCases() {}

  /** The eleven rules in their default priority order, with typical short-premium thresholds. */
  static List<Rule> rules() {
    VolatilityScaling scaling = new VolatilityScaling(0.20, 0.75, 1.5);
    return List.of(
        new CatastropheRule(new CatastropheRule.Thresholds(0.05, 3, 0.8, 0.5)),
        new TrailingStopRule(new TrailingStopRule.Thresholds(0.4, 0.15, scaling)),
        new TimeExitRule(new TimeExitRule.Thresholds(24, LocalTime.of(15, 30))),
        new TakeProfitRule(new TakeProfitRule.Thresholds(0.5, 1.0)),
        new StopLossRule(new StopLossRule.Thresholds(2, 0.5, scaling)),
        new DeltaRiskRule(new DeltaRiskRule.Thresholds(0.30, 150, true)),
        new GammaRiskRule(new GammaRiskRule.Thresholds(7, 150)),
        new IvCrushRule(new IvCrushRule.Thresholds(5, 0.3, 8)),
        new DteRollRule(new DteRollRule.Thresholds(21, 45, 0.30)),
        new VixExitRule(new VixExitRule.Thresholds(30, 0.25)),
        new AssignmentRiskRule(new AssignmentRiskRule.Thresholds(0.01, 5, 3)));
  }

  static RuleBook book() {
    return RuleBook.same(rules());
  }

  static Rule rule(RuleId id) {
    for (Rule r : rules()) {
      if (r.id() == id) {
        return r;
      }
    }
    throw new IllegalArgumentException("no benchmarked rule " + id);
  }

  static RuleInput book(BookState state) {
    return switch (state) {
      case QUIET -> quiet();
      case NEAR -> new Market(LocalDate.of(2026, 12, 21), 603, 604, 0.1445, 18, 17.5).input();
      case FIRING -> new Market(LocalDate.of(2026, 12, 11), 604, 603, 0.115, 15, 15.2).input();
    };
  }

  /** The quiet state, which every rule judges without firing. */
  static RuleInput quiet() {
    return new Market(LocalDate.of(2026, 12, 8), 598, 600, 0.145, 16.5, 16).input();
  }

  /** A state in which {@code id} fires, each as it would happen to this condor. */
  static RuleInput firing(RuleId id) {
    return switch (id) {
      // a 6% gap down at the open
      case CATASTROPHE -> new Market(LocalDate.of(2026, 12, 8), 563, 600, 0.24, 28, 21).input();
      // the best profit was $800; a rally took $200 of it back
      case TRAILING_STOP ->
          new Market(LocalDate.of(2026, 12, 16), 608, 606, 0.13, 16, 15.8).peak(800).input();
      case TIME_EXIT -> new Market(LocalDate.of(2026, 12, 28), 610, 609, 0.15, 17, 17).input();
      case TAKE_PROFIT -> book(BookState.FIRING);
      // a rally through the short call
      case STOP_LOSS -> new Market(LocalDate.of(2026, 12, 16), 630, 624, 0.17, 17, 16).input();
      case DELTA_RISK -> new Market(LocalDate.of(2026, 12, 14), 622, 615, 0.15, 16, 16).input();
      case GAMMA_RISK -> new Market(LocalDate.of(2027, 1, 11), 628, 627, 0.13, 15, 15).input();
      // earnings season over, IV down 6 points with the profit in
      case IV_CRUSH -> new Market(LocalDate.of(2026, 12, 11), 600, 600, 0.075, 12, 12.5).input();
      case DTE_ROLL -> new Market(LocalDate.of(2026, 12, 28), 608, 607, 0.16, 16, 16).input();
      case VIX_EXIT -> new Market(LocalDate.of(2026, 12, 9), 594, 598, 0.19, 31, 24).input();
      case ASSIGNMENT_RISK -> new Market(LocalDate.of(2027, 1, 13), 643, 641, 0.12, 14, 14).input();
      default -> throw new IllegalArgumentException("no benchmarked rule " + id);
    };
  }

  /**
   * One moment of the market, 10:30 New York on {@code day}.
   *
   * @param atmVol at-the-money implied volatility; each leg adds its skew
   */
  private record Market(
      LocalDate day,
      double spot,
      double spotReference,
      double atmVol,
      double vix,
      double vixReference,
      double peak) {

    Market(
        LocalDate day,
        double spot,
        double spotReference,
        double atmVol,
        double vix,
        double vixReference) {
      this(day, spot, spotReference, atmVol, vix, vixReference, Double.NaN);
    }

    Market peak(double best) {
      return new Market(day, spot, spotReference, atmVol, vix, vixReference, best);
    }

    RuleInput input() {
      PricingEngine engine = PricingEngines.forStyle(ExerciseStyle.EUROPEAN);
      ZonedDateTime at = day.atTime(10, 30).atZone(java.time.ZoneId.of("America/New_York"));
      int dte = (int) (EXPIRY.toEpochDay() - day.toEpochDay());
      double years = (dte + 5.5 / 24) / 365.0; // to the 16:00 close of expiration day
      List<LegView> legs = new ArrayList<>(4);
      PositionGreeks greeks = null;
      double closeCost = 0; // what buying the condor back costs, per share
      double ivSum = 0;
      double entryIvSum = 0;
      for (int i = 0; i < 4; i++) {
        Contract c =
            Contract.equityOption(
                700_000 + i, "SPY", EXPIRY, STRIKES[i], RIGHTS[i], new BigDecimal("0.01"));
        double vol = atmVol + SKEW[i];
        Greeks g =
            engine.greeks(
                new PricingInputs(RIGHTS[i], spot, STRIKES[i], years, RATE, DIVIDEND_YIELD, vol));
        double mark = Math.max(0.01, Math.round(g.price() * 100) / 100.0);
        double halfSpread = mark < 2 ? 0.01 : 0.02;
        legs.add(
            new LegView(
                c,
                POSITIONS[i],
                mark,
                mark - halfSpread,
                mark + halfSpread,
                true,
                vol,
                g.delta(),
                g.gamma()));
        PositionGreeks leg = PositionGreeks.of(c, g, POSITIONS[i], spot);
        greeks = greeks == null ? leg : greeks.plus(leg);
        closeCost -= POSITIONS[i] / 10.0 * mark;
        ivSum += vol;
        entryIvSum += ENTRY_ATM_VOL + SKEW[i];
      }
      double pnl = CREDIT - closeCost * 100 * 10;
      return RuleInput.builder("IC-SPY-20270115", StrategyType.IRON_CONDOR, at.toInstant())
          .money(CREDIT, CREDIT, MAX_LOSS)
          .pnl(pnl, Double.isNaN(peak) ? Math.max(pnl, 0) : peak)
          .marksUsable(true)
          .spot(spot, spotReference)
          .vix(vix, vixReference)
          .iv(ivSum / 4, entryIvSum / 4)
          .dte(dte)
          .daysHeld(day.toEpochDay() - OPENED.toEpochDay() + 1.0 / 24)
          .greeks(greeks)
          .legs(legs)
          .nextDividend(new RuleInput.Dividend(1.85, day.isAfter(DEC_EX) ? MAR_EX : DEC_EX))
          .build();
    }
  }
}
