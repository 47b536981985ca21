package dev.thetaflow.core.strategy;

import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.instrument.Leg;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What a strategy can make and lose if held to expiry: its payoff at expiry is piecewise linear in
 * the underlying's price, with kinks at the strikes, so its extremes lie at zero, at a strike, or
 * out beyond the highest strike where the calls' net ratio sets the slope. Defined for options on
 * one underlying and one expiry (verticals, condors, butterflies, ratio spreads); a calendar's or a
 * stock leg's payoff at the first expiry depends on more than the price, so they have none here.
 *
 * @param maxProfit the most it can make, in currency (multiplier and quantity included); +∞ when
 *     unbounded
 * @param maxLoss the most it can lose, as a positive amount in currency; +∞ when unbounded
 */
public record ExpiryPayoff(double maxProfit, double maxLoss) {

  /**
   * @param legs the legs, ratios signed (negative sells)
   * @param openingNetPrice per unit and per share, credit positive (as {@link Strategy} keeps it)
   * @param quantity units of the strategy
   */
  public static Optional<ExpiryPayoff> of(List<Leg> legs, double openingNetPrice, long quantity) {
    if (legs.isEmpty() || !Double.isFinite(openingNetPrice) || quantity <= 0) {
      return Optional.empty();
    }
    Leg first = legs.get(0);
    TreeSet<Double> prices = new TreeSet<>();
    prices.add(0.0);
    int callRatio = 0;
    for (Leg leg : legs) {
      var c = leg.contract();
      if (!c.isOption()
          || !c.symbol().equals(first.contract().symbol())
          || !c.expiry().equals(first.contract().expiry())
          || c.multiplier() != first.contract().multiplier()) {
        return Optional.empty();
      }
      prices.add(c.strike());
      if (c.right() == OptionType.CALL) {
        callRatio += leg.ratio();
      }
    }
    double best = Double.NEGATIVE_INFINITY;
    double worst = Double.POSITIVE_INFINITY;
    for (double s : prices) {
      double pnl = pnlAt(legs, openingNetPrice, s);
      best = Math.max(best, pnl);
      worst = Math.min(worst, pnl);
    }
    // beyond the highest strike the payoff moves with the calls' net ratio per unit of price
    if (callRatio > 0) {
      best = Double.POSITIVE_INFINITY;
    } else if (callRatio < 0) {
      worst = Double.NEGATIVE_INFINITY;
    }
    double scale = first.contract().multiplier() * quantity;
    return Optional.of(new ExpiryPayoff(best * scale, -worst * scale));
  }

  /** P&amp;L per unit and per share at expiry with the underlying at {@code s}. */
  static double pnlAt(List<Leg> legs, double openingNetPrice, double s) {
    double value = openingNetPrice;
    for (Leg leg : legs) {
      double k = leg.contract().strike();
      double intrinsic =
          leg.contract().right() == OptionType.CALL ? Math.max(0, s - k) : Math.max(0, k - s);
      value += leg.ratio() * intrinsic;
    }
    return value;
  }
}
