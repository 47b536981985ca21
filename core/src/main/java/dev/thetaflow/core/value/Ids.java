package dev.thetaflow.core.value;

import java.util.regex.Pattern;

/** Checks for the identifiers that travel between modules and into order references. */
public final class Ids {

  private static final Pattern STRATEGY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private Ids() {}

  /**
   * Checks a strategy id: 1 to 64 of letters, digits, {@code . _ -}. No colon, because it is the
   * first part of an order reference.
   */
  public static String requireStrategyId(String strategyId) {
    if (strategyId == null || !STRATEGY_ID.matcher(strategyId).matches()) {
      throw new IllegalArgumentException(
          "strategyId must be 1-64 of [A-Za-z0-9._-], was '" + strategyId + "'");
    }
    return strategyId;
  }
}
