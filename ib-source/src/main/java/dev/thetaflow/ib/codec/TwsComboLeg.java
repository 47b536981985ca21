package dev.thetaflow.ib.codec;

import java.util.Objects;

/**
 * One leg of a BAG contract as TWS describes it in requests.
 *
 * @param conId the leg's contract id
 * @param ratio the leg's ratio (positive)
 * @param action {@code BUY} or {@code SELL}
 * @param exchange the leg's exchange, for example {@code SMART}
 */
public record TwsComboLeg(int conId, int ratio, String action, String exchange) {
  /** Validates what TWS would otherwise reject after a round trip. */
  public TwsComboLeg {
    if (ratio <= 0) {
      throw new IllegalArgumentException("combo leg ratio must be positive: " + ratio);
    }
    Objects.requireNonNull(action, "action");
    if (!action.equals("BUY") && !action.equals("SELL")) {
      throw new IllegalArgumentException("combo leg action must be BUY or SELL: " + action);
    }
  }
}
