package dev.thetaflow.ib.codec;

/**
 * tickOptionComputation (21), the 12-field layout of version 156+ (no version field).
 *
 * <p>TWS marks values it could not compute with sentinels (impliedVol any negative, delta -2,
 * optPrice -1, pvDividend -1, gamma/vega/theta -2, undPrice -1); an empty field or {@code
 * 1.7976931348623157E308} means the same. The decoder turns all of these into {@link
 * TwsValues#UNSET_DOUBLE}, so every double here is either a value or unset, never a sentinel that
 * could pass for a number. Note that a genuine theta or gamma of exactly -2.0 is indistinguishable
 * from "not computed" on the wire; TWS and the official client treat it as not computed.
 *
 * @param tickerId the reqId of the market-data request
 * @param tickType 10 bid, 11 ask, 12 last, 13 model, 53 custom, 80–83 delayed 10–13
 * @param tickAttrib 0 return-based, 1 price-based (per IB's EWrapper reference)
 * @param impliedVol implied volatility (annualised fraction) or unset
 * @param delta delta or unset
 * @param optPrice option price at the quote (model price for tick 13) or unset
 * @param pvDividend present value of dividends or unset
 * @param gamma gamma or unset
 * @param vega vega or unset
 * @param theta theta or unset
 * @param undPrice underlying price or unset
 */
public record TickOptionComputation(
    int tickerId,
    int tickType,
    int tickAttrib,
    double impliedVol,
    double delta,
    double optPrice,
    double pvDividend,
    double gamma,
    double vega,
    double theta,
    double undPrice)
    implements IncomingMessage {}
