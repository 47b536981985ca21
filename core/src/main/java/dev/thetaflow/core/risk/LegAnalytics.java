package dev.thetaflow.core.risk;

import dev.thetaflow.core.analytics.ExerciseStyle;
import dev.thetaflow.core.analytics.Greeks;
import dev.thetaflow.core.analytics.ImpliedVol;
import dev.thetaflow.core.analytics.IvStatus;
import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.analytics.PricingEngine;
import dev.thetaflow.core.analytics.PricingEngines;
import dev.thetaflow.core.analytics.PricingInputs;
import dev.thetaflow.core.instrument.Contract;
import dev.thetaflow.core.time.Expiries;
import java.time.Instant;

/**
 * Implied volatility and Greeks of a quoted option leg: the volatility that reproduces the option's
 * mid at the underlying's mid, under the contract's exercise style (American for US equity and ETF
 * options, European for cash-settled indices), then the Greeks at that volatility.
 *
 * <p>An American call on an underlying without dividends (and a non-negative rate) is never
 * exercised early, so it is valued as European: same numbers, a fraction of the time.
 */
public final class LegAnalytics {
  private LegAnalytics() {}

  /**
   * @param option the option contract
   * @param optionMid its mid price, &gt; 0
   * @param spot the underlying's mid, &gt; 0
   * @param now valuation time
   * @param market rate and dividend yield
   */
  public static LegGreeks of(
      Contract option, double optionMid, double spot, Instant now, MarketAssumptions market) {
    if (!option.isOption()) {
      throw new IllegalArgumentException("leg analytics need an option, was " + option);
    }
    double years = Expiries.yearFraction(now, option);
    if (years <= 0) {
      double intrinsicDelta = expiredDelta(option, spot);
      return new LegGreeks(
          option.conId(),
          Double.NaN,
          IvStatus.EXPIRED,
          intrinsicDelta,
          0,
          0,
          0,
          0,
          optionMid,
          spot,
          now);
    }
    if (!(optionMid > 0) || !(spot > 0) || !Double.isFinite(optionMid + spot)) {
      return failed(option, IvStatus.INVALID_PRICE, optionMid, spot, now);
    }
    double rate = market.rate();
    double q = market.dividendYield(option.symbol());
    PricingInputs in =
        new PricingInputs(option.right(), spot, option.strike(), years, rate, q, 0.2);
    PricingEngine engine = PricingEngines.forStyle(styleFor(option, rate, q));
    ImpliedVol iv = engine.impliedVolatility(in, optionMid);
    if (!iv.isOk()) {
      return failed(option, iv.status(), optionMid, spot, now);
    }
    Greeks g = engine.greeks(in.withVolatility(iv.volatility()));
    return new LegGreeks(
        option.conId(),
        iv.volatility(),
        IvStatus.OK,
        g.delta(),
        g.gamma(),
        g.vega(),
        g.theta(),
        g.rho(),
        optionMid,
        spot,
        now);
  }

  /** The engine's style: European where early exercise is never optimal. */
  static ExerciseStyle styleFor(Contract option, double rate, double dividendYield) {
    if (option.exerciseStyle() != ExerciseStyle.AMERICAN) {
      return ExerciseStyle.EUROPEAN;
    }
    boolean callNeverExercisedEarly =
        option.right() == OptionType.CALL && dividendYield <= 0 && rate >= 0;
    return callNeverExercisedEarly ? ExerciseStyle.EUROPEAN : ExerciseStyle.AMERICAN;
  }

  private static double expiredDelta(Contract option, double spot) {
    if (option.right() == OptionType.CALL) {
      return spot > option.strike() ? 1 : 0;
    }
    return spot < option.strike() ? -1 : 0;
  }

  private static LegGreeks failed(
      Contract option, IvStatus status, double optionMid, double spot, Instant now) {
    return new LegGreeks(
        option.conId(),
        Double.NaN,
        status,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        optionMid,
        spot,
        now);
  }
}
