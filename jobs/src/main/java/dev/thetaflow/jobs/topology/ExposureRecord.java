package dev.thetaflow.jobs.topology;

import dev.thetaflow.core.risk.PositionGreeks;

/**
 * One strategy's latest exposure as the portfolio operator keeps it, a Flink POJO so that it
 * evolves: fields may be added, and a restored record reads them as 0. Unknown values are NaN:
 * Greeks when a held leg has none, P&amp;L when a mark is stale.
 */
public class ExposureRecord {
  public String underlying;

  /** The strategy's {@link dev.thetaflow.core.strategy.StrategyState} name. */
  public String state;

  /** Share-equivalents. */
  public double delta;

  /** Per 1.00 of the underlying. */
  public double gamma;

  public double vegaPerPoint;
  public double thetaPerDay;
  public double dollarDelta;

  /** P&amp;L of a 1 % move from gamma alone. */
  public double dollarGamma;

  /** Realized + unrealized − commissions. */
  public double pnl;

  public ExposureRecord() {}

  static ExposureRecord of(StrategySnapshot s) {
    ExposureRecord e = new ExposureRecord();
    e.underlying = s.strategy().underlying();
    e.state = s.state().name();
    PositionGreeks g = s.greeks();
    e.delta = g == null ? Double.NaN : g.delta();
    e.gamma = g == null ? Double.NaN : g.gamma();
    e.vegaPerPoint = g == null ? Double.NaN : g.vegaPerPoint();
    e.thetaPerDay = g == null ? Double.NaN : g.thetaPerDay();
    e.dollarDelta = g == null ? Double.NaN : g.dollarDelta();
    e.dollarGamma = g == null ? Double.NaN : g.dollarGamma();
    e.pnl = s.realizedPnl() + s.unrealizedPnl() - s.commissions();
    return e;
  }

  /** Whether its Greeks are known (they are summed into the portfolio's). */
  boolean greeksKnown() {
    return Double.isFinite(delta)
        && Double.isFinite(gamma)
        && Double.isFinite(vegaPerPoint)
        && Double.isFinite(thetaPerDay)
        && Double.isFinite(dollarDelta)
        && Double.isFinite(dollarGamma);
  }

  /** Whether every number the limits judge is known. */
  boolean valued() {
    return greeksKnown() && Double.isFinite(pnl);
  }
}
