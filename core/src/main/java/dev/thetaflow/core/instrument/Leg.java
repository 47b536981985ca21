package dev.thetaflow.core.instrument;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.thetaflow.core.value.Side;

/**
 * One leg of a strategy or combo order: a contract and a signed ratio per combo unit. {@code +1}
 * means one contract long per unit, {@code −1} one contract short; a 1×2 ratio spread has ratios
 * {@code +1} and {@code −2}.
 *
 * <p>The sign is relative to <em>buying</em> one combo unit. Selling the combo reverses every leg.
 *
 * @param contract the leg's instrument
 * @param ratio signed contracts per combo unit, non-zero
 */
public record Leg(Contract contract, int ratio) {

  public Leg {
    if (contract == null) {
      throw new IllegalArgumentException("leg contract is required");
    }
    if (ratio == 0) {
      throw new IllegalArgumentException(
          "leg ratio must be non-zero (+ long, - short), " + contract);
    }
  }

  public static Leg longLeg(Contract contract, int contracts) {
    return new Leg(contract, Math.abs(contracts));
  }

  public static Leg shortLeg(Contract contract, int contracts) {
    return new Leg(contract, -Math.abs(contracts));
  }

  /** BUY for a long leg, SELL for a short one, when buying the combo. */
  public Side action() {
    return ratio > 0 ? Side.BUY : Side.SELL;
  }

  /** |ratio|. */
  public int absRatio() {
    return Math.abs(ratio);
  }

  @JsonIgnore
  public boolean isLong() {
    return ratio > 0;
  }

  @Override
  public String toString() {
    return (ratio > 0 ? "+" : "") + ratio + " " + contract;
  }
}
