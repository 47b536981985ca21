package dev.thetaflow.core.analytics;

/**
 * The outcome of an implied-volatility solve: a volatility when {@code status == OK}, NaN
 * otherwise.
 */
public record ImpliedVol(double volatility, IvStatus status) {

  public static ImpliedVol ok(double volatility) {
    return new ImpliedVol(volatility, IvStatus.OK);
  }

  public static ImpliedVol failed(IvStatus status) {
    if (status == IvStatus.OK) {
      throw new IllegalArgumentException("a failed solve needs a failure status");
    }
    return new ImpliedVol(Double.NaN, status);
  }

  public boolean isOk() {
    return status == IvStatus.OK;
  }
}
