package dev.thetaflow.sim.market;

/**
 * Top of book, last trade and session figures of one instrument at one market step; an index (VIX)
 * has NaN bid and ask and zero sizes. Options carry the model values IB sends in
 * tickOptionComputation (field 13), null for everything else.
 *
 * @param step the market step this quote belongs to
 * @param bid best bid, NaN when there is none
 * @param ask best ask, NaN when there is none
 * @param bidSize contracts (options) or shares (stocks) at the bid
 * @param askSize at the ask
 * @param last last trade price
 * @param lastSize size of the last trade
 * @param volume session volume
 * @param high session high
 * @param low session low
 * @param open session open
 * @param close previous session's close
 * @param model the model computation, options only
 */
public record SimQuote(
    long step,
    double bid,
    double ask,
    int bidSize,
    int askSize,
    double last,
    int lastSize,
    long volume,
    double high,
    double low,
    double open,
    double close,
    ModelComputation model) {

  /**
   * IB's model values for an option.
   *
   * @param impliedVol annualised implied volatility of the model price
   * @param delta per unit of the underlying
   * @param optPrice model price
   * @param pvDividend present value of dividends to expiry
   * @param gamma per unit of the underlying
   * @param vega per volatility point (0.01)
   * @param theta per calendar day
   * @param undPrice underlying price used
   */
  public record ModelComputation(
      double impliedVol,
      double delta,
      double optPrice,
      double pvDividend,
      double gamma,
      double vega,
      double theta,
      double undPrice) {}
}
