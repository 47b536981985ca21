package dev.thetaflow.core.analytics;

/** Call or put. */
public enum OptionType {
  CALL(1.0),
  PUT(-1.0);

  private final double sign;

  OptionType(double sign) {
    this.sign = sign;
  }

  /** +1 for a call, -1 for a put: the payoff is {@code max(sign * (S - K), 0)}. */
  public double sign() {
    return sign;
  }
}
