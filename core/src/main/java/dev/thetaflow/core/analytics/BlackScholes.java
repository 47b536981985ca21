package dev.thetaflow.core.analytics;

/**
 * European options under Black-Scholes-Merton with a continuous dividend yield: price, first- and
 * second-order Greeks and implied volatility, as static pure functions.
 *
 * <p>With forward {@code F = S exp((r - q) T)}, {@code x = ln(F/K)} and total volatility {@code s =
 * sigma sqrt(T)}, the price is {@code exp(-rT) sqrt(F K) b(x, s)} with Jäckel's normalised Black
 * function b (see {@link NormalisedBlack}), so deep out-of-the-money prices keep their relative
 * precision instead of vanishing in the difference {@code S e^{-qT} N(d1) - K e^{-rT} N(d2)}.
 * {@link #greeks} uses that textbook difference only where it cannot cancel (the smaller term below
 * 3/4 of the larger) and falls back to the normalised form otherwise. Calls and puts are each
 * computed directly from {@code N(+-d1)}, {@code N(+-d2)}, never through put-call parity.
 *
 * <p>Units: vega per 1.00 of volatility, rho per 1.00 of rate, theta per year as calendar time
 * passes ({@code -dV/dT}), charm is {@code -d(delta)/dT}, vanna per 1.00 of volatility, vomma per
 * 1.00 of volatility squared.
 *
 * <p>Edge cases, each the limit of the general formulas:
 *
 * <ul>
 *   <li>{@code years == 0}: the option has expired and its value is frozen at intrinsic {@code
 *       max(+-(S - K), 0)}. Delta is the payoff slope: +-1 in the money, 0 out of the money, and
 *       +-1/2 exactly at the money (the limit of delta as T goes to 0, the mean of the one-sided
 *       slopes). Gamma, vega, theta, rho and all second-order Greeks are 0.
 *   <li>{@code volatility == 0}: the value is the discounted forward intrinsic {@code e^{-rT}
 *       max(+-(F - K), 0)}; delta is {@code +-e^{-qT}} in the money, 0 out of it and half that at
 *       {@code F == K}; theta and rho are the derivatives of the discounted forward intrinsic (same
 *       half-weight at the kink). Gamma, vanna and vomma are 0 (the point mass at the kink is not
 *       representable); vega is the exact limit, {@code S e^{-qT} sqrt(T) / sqrt(2 pi)} at {@code F
 *       == K} and 0 elsewhere.
 *   <li>Huge volatility: the call tends to {@code S e^{-qT}}, the put to {@code K e^{-rT}}; no
 *       special case is needed.
 * </ul>
 */
public final class BlackScholes {

  private static final double INV_SQRT_2PI = NormalisedBlack.INV_SQRT_2PI;

  /** The textbook difference is used when the smaller term is below this share of the larger. */
  private static final double MAX_TERM_RATIO = 0.75;

  private BlackScholes() {}

  /** The option's value. */
  public static double price(PricingInputs in) {
    return price(
        in.type(),
        in.spot(),
        in.strike(),
        in.years(),
        in.rate(),
        in.dividendYield(),
        in.volatility());
  }

  /**
   * The option's value from unchecked primitives, for hot loops that have validated their inputs
   * once (the American engine's European part, chain pricing in the simulator).
   */
  public static double price(
      OptionType type,
      double spot,
      double strike,
      double years,
      double rate,
      double dividendYield,
      double volatility) {
    double theta = type.sign();
    if (years == 0.0) {
      return Math.max(theta * (spot - strike), 0.0);
    }
    double discount = Math.exp(-rate * years);
    double dividendDiscount = Math.exp(-dividendYield * years);
    double totalVol = volatility * Math.sqrt(years);
    double x = Math.log(spot / strike) + (rate - dividendYield) * years;
    double scale = Math.sqrt(spot * dividendDiscount) * Math.sqrt(strike * discount);
    return scale * NormalisedBlack.call(theta * x, totalVol);
  }

  /** The option's value and first-order Greeks, sharing every exponential and normal integral. */
  public static Greeks greeks(PricingInputs in) {
    double theta = in.type().sign();
    double spot = in.spot();
    double strike = in.strike();
    double years = in.years();
    if (years == 0.0) {
      return expiredGreeks(theta, spot, strike);
    }
    double rate = in.rate();
    double yield = in.dividendYield();
    double volatility = in.volatility();
    double sqrtYears = Math.sqrt(years);
    double discount = Math.exp(-rate * years);
    double dividendDiscount = Math.exp(-yield * years);
    double totalVol = volatility * sqrtYears;
    double x = Math.log(spot / strike) + (rate - yield) * years;

    double n1;
    double n2;
    double density; // phi(d1)
    double price;
    if (totalVol > 0.0) {
      double d1 = x / totalVol + 0.5 * totalVol;
      double d2 = d1 - totalVol;
      n1 = Normal.cdf(theta * d1);
      n2 = Normal.cdf(theta * d2);
      density = Normal.pdf(d1);
      double assetTerm = spot * dividendDiscount * n1;
      double strikeTerm = strike * discount * n2;
      if (Math.min(assetTerm, strikeTerm) < MAX_TERM_RATIO * Math.max(assetTerm, strikeTerm)) {
        price = theta * (assetTerm - strikeTerm);
      } else {
        double scale = Math.sqrt(spot * dividendDiscount) * Math.sqrt(strike * discount);
        price = scale * NormalisedBlack.call(theta * x, totalVol);
      }
      double vega = spot * dividendDiscount * density * sqrtYears;
      double gamma = dividendDiscount * density / (spot * totalVol);
      double thetaGreek =
          -0.5 * vega * volatility / years + theta * (yield * assetTerm - rate * strikeTerm);
      return new Greeks(
          price,
          theta * dividendDiscount * n1,
          gamma,
          vega,
          thetaGreek,
          theta * years * strikeTerm);
    }
    // Zero volatility: discounted forward intrinsic, half weights at the kink F == K.
    double weight = theta * x > 0.0 ? 1.0 : (x == 0.0 ? 0.5 : 0.0);
    double assetTerm = spot * dividendDiscount * weight;
    double strikeTerm = strike * discount * weight;
    price = Math.max(theta * (spot * dividendDiscount - strike * discount), 0.0);
    double vega = x == 0.0 ? spot * dividendDiscount * sqrtYears * INV_SQRT_2PI : 0.0;
    return new Greeks(
        price,
        theta * dividendDiscount * weight,
        0.0,
        vega,
        theta * (yield * assetTerm - rate * strikeTerm),
        theta * years * strikeTerm);
  }

  /** Vanna, charm and vomma; zero where the class comment says so. */
  public static SecondOrderGreeks secondOrder(PricingInputs in) {
    double years = in.years();
    if (years == 0.0) {
      return new SecondOrderGreeks(0.0, 0.0, 0.0);
    }
    double theta = in.type().sign();
    double rate = in.rate();
    double yield = in.dividendYield();
    double volatility = in.volatility();
    double sqrtYears = Math.sqrt(years);
    double dividendDiscount = Math.exp(-yield * years);
    double totalVol = volatility * sqrtYears;
    double x = Math.log(in.spot() / in.strike()) + (rate - yield) * years;
    if (!(totalVol > 0.0)) {
      double weight = theta * x > 0.0 ? 1.0 : (x == 0.0 ? 0.5 : 0.0);
      return new SecondOrderGreeks(0.0, theta * yield * dividendDiscount * weight, 0.0);
    }
    double d1 = x / totalVol + 0.5 * totalVol;
    double d2 = d1 - totalVol;
    double scaledDensity = dividendDiscount * Normal.pdf(d1);
    double firstCharmTerm = theta * yield * dividendDiscount * Normal.cdf(theta * d1);
    if (scaledDensity == 0.0) {
      // d1 so far out that the density underflows (d2 may be infinite): no curvature left.
      return new SecondOrderGreeks(0.0, firstCharmTerm, 0.0);
    }
    double vanna = -scaledDensity * d2 / volatility;
    double charm = firstCharmTerm - scaledDensity * ((rate - yield) / totalVol - 0.5 * d2 / years);
    double vomma = in.spot() * scaledDensity * sqrtYears * d1 * d2 / volatility;
    return new SecondOrderGreeks(vanna, charm, vomma);
  }

  /**
   * The volatility that reproduces {@code targetPrice}, by {@link LetsBeRational} on the price
   * normalised exactly as {@link #price} scales it, so a round trip sees the same forward
   * log-moneyness. The volatility in {@code in} is ignored. Never throws.
   */
  public static ImpliedVol impliedVolatility(PricingInputs in, double targetPrice) {
    if (!(targetPrice >= 0.0) || targetPrice == Double.POSITIVE_INFINITY) {
      return ImpliedVol.failed(IvStatus.INVALID_PRICE);
    }
    double years = in.years();
    if (years == 0.0) {
      return ImpliedVol.failed(IvStatus.EXPIRED);
    }
    double spot = in.spot();
    double strike = in.strike();
    double discount = Math.exp(-in.rate() * years);
    double dividendDiscount = Math.exp(-in.dividendYield() * years);
    double x = Math.log(spot / strike) + (in.rate() - in.dividendYield()) * years;
    double scale = Math.sqrt(spot * dividendDiscount) * Math.sqrt(strike * discount);
    if (!(scale > 0.0 && scale < Double.POSITIVE_INFINITY)) {
      return ImpliedVol.failed(IvStatus.NOT_CONVERGED); // discount factors out of range
    }
    return LetsBeRational.normalisedBlackVolatility(in.type(), targetPrice / scale, x, years);
  }

  private static Greeks expiredGreeks(double theta, double spot, double strike) {
    double intrinsic = theta * (spot - strike);
    double delta = intrinsic > 0.0 ? theta : (spot == strike ? 0.5 * theta : 0.0);
    return new Greeks(Math.max(intrinsic, 0.0), delta, 0.0, 0.0, 0.0, 0.0);
  }
}
