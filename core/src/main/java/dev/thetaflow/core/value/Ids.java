package dev.thetaflow.core.value;

/** Checks for the identifiers that travel between modules and into order references. */
public final class Ids {

  private Ids() {}

  /**
   * Checks a strategy id: 1 to 64 of letters, digits, {@code . _ -}. No colon, because it is the
   * first part of an order reference.
   */
  public static String requireStrategyId(String strategyId) {
    if (!validStrategyId(strategyId)) {
      throw new IllegalArgumentException(
          "strategyId must be 1-64 of [A-Za-z0-9._-], was '" + strategyId + "'");
    }
    return strategyId;
  }

  /**
   * [A-Za-z0-9._-]{1,64} by hand: every decision and order checks it, and a regex matcher was a
   * third of a firing rule's time (RuleEvaluationBenchmark).
   */
  private static boolean validStrategyId(String id) {
    if (id == null || id.isEmpty() || id.length() > 64) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
