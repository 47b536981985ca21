package dev.thetaflow.core.analytics;

/** Why an implied volatility is, or is not, available. The CSV form is the lower-case name. */
public enum IvStatus {
  /** A volatility reproduces the price. */
  OK,
  /** The price is below the option's lower bound (intrinsic value): no volatility reproduces it. */
  BELOW_INTRINSIC,
  /** The price is at or above what an infinitely volatile option is worth. */
  ABOVE_UPPER_BOUND,
  /** No time remains: the value is intrinsic whatever the volatility. */
  EXPIRED,
  /** The price is not a finite, non-negative number. */
  INVALID_PRICE,
  /** The solver did not reach the tolerance; should not happen for well-posed inputs. */
  NOT_CONVERGED;

  /** The lower-case form used in CSV output and logs. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
