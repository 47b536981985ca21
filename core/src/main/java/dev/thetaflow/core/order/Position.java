package dev.thetaflow.core.order;

import dev.thetaflow.core.instrument.Contract;
import java.math.BigDecimal;

/**
 * What an account holds in one contract, as the broker reports it.
 *
 * @param account the account, non-blank
 * @param contract the instrument
 * @param quantity signed: positive long, negative short, 0 flat (a closed position still reported)
 * @param averagePrice average opening price per unit, without multiplier (an option bought at 1.25
 *     shows 1.25, not 125); adapters whose broker reports cost per contract divide by the
 *     multiplier
 */
public record Position(String account, Contract contract, long quantity, BigDecimal averagePrice) {

  public Position {
    if (account == null || account.isBlank()) {
      throw new IllegalArgumentException("position: account is required");
    }
    if (contract == null || averagePrice == null) {
      throw new IllegalArgumentException(
          "position in " + account + ": contract and averagePrice are required");
    }
  }

  /** Cost basis in currency: averagePrice × multiplier × quantity (negative for a short). */
  public double costBasis() {
    return averagePrice.doubleValue() * contract.multiplier() * quantity;
  }
}
