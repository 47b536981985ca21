package dev.thetaflow.core.rules;

import dev.thetaflow.core.instrument.Contract;

/**
 * One leg as the rules see it.
 *
 * @param contract the leg's contract (right, strike, expiry, multiplier)
 * @param position signed contracts held now (negative = short), 0 when nothing is held
 * @param mark the mid used for P&amp;L, NaN when none
 * @param bid best bid, NaN when none
 * @param ask best ask, NaN when none
 * @param fresh whether the quote is fresh and sane (two-sided, within age and spread limits): a
 *     rule that needs marks waits while a held leg's is not
 * @param iv implied volatility of the last solve, NaN when unknown
 * @param delta per-unit delta of the last solve (a call's 0..1, a put's -1..0), NaN when unknown
 * @param gamma per-unit gamma, NaN when unknown
 */
public record LegView(
    Contract contract,
    long position,
    double mark,
    double bid,
    double ask,
    boolean fresh,
    double iv,
    double delta,
    double gamma) {

  public LegView {
    if (contract == null) {
      throw new IllegalArgumentException("leg view: contract is required");
    }
  }

  public boolean isShort() {
    return position < 0;
  }

  public boolean isHeld() {
    return position != 0;
  }
}
