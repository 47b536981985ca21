package dev.thetaflow.jobs.topology;

import dev.thetaflow.core.analytics.IvStatus;
import dev.thetaflow.core.risk.LegGreeks;
import java.time.Instant;

/**
 * An option's last implied volatility and Greeks as state: a Flink POJO (it may gain fields), part
 * of a strategy's leg record and of the Greeks operator's option record.
 */
public class SolveRecord {
  /** When it was solved, epoch millis; 0 or less: never. */
  public long atMillis;

  public String ivStatus;
  public double iv;
  public double delta;
  public double gamma;
  public double vega;
  public double theta;
  public double rho;

  /** The option's mid and the underlying's price it was solved from. */
  public double price;

  public double spot;

  /** The solve as the analytics returned it (a cache: rebuilt from the fields after a restore). */
  public transient LegGreeks greeks;

  public SolveRecord() {}

  /** Whether there is a solve. */
  public boolean solved() {
    return atMillis > 0;
  }

  /** Whether there is a solve and its volatility was found. */
  public boolean ivFound() {
    return atMillis > 0 && IvStatus.OK.name().equals(ivStatus);
  }

  void set(LegGreeks g) {
    greeks = g;
    atMillis = g.at().toEpochMilli();
    ivStatus = g.ivStatus().name();
    iv = g.impliedVol();
    delta = g.delta();
    gamma = g.gamma();
    vega = g.vega();
    theta = g.theta();
    rho = g.rho();
    price = g.optionPrice();
    spot = g.spot();
  }

  /** The solve of option {@code conId}, or null when none. */
  LegGreeks legGreeks(long conId) {
    if (atMillis <= 0) {
      return null;
    }
    if (greeks == null) {
      greeks =
          new LegGreeks(
              conId,
              iv,
              IvStatus.valueOf(ivStatus),
              delta,
              gamma,
              vega,
              theta,
              rho,
              price,
              spot,
              Instant.ofEpochMilli(atMillis));
    }
    return greeks;
  }
}
