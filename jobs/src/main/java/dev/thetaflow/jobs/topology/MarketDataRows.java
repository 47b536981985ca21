package dev.thetaflow.jobs.topology;

import static dev.thetaflow.jobs.topology.TableRows.number;

import dev.thetaflow.core.instrument.Contract;
import dev.thetaflow.core.risk.LegGreeks;
import dev.thetaflow.sinks.delta.RowConverter;

/**
 * A refreshed market snapshot as a row of {@code market_data}: the quote, the underlying's price,
 * our implied volatility and Greeks per unit (vega per 1.00 of volatility, theta per year, as the
 * analytics define them) and IB's beside them. The underlying's rows carry its price only.
 */
final class MarketDataRows implements RowConverter<MarketSnapshot> {
  private static final long serialVersionUID = 1L;

  private final String jobId;

  MarketDataRows(String jobId) {
    this.jobId = jobId;
  }

  @Override
  public Object[] toRow(MarketSnapshot m) {
    Contract c = m.contract();
    LegGreeks g = m.greeks();
    boolean option = c != null;
    return new Object[] {
      TableRows.tradeDate(m.time()),
      m.time(),
      jobId,
      null,
      (int) m.conId(),
      m.symbol(),
      option ? c.secType().name() : "STK",
      option ? c.expiry() : null,
      option ? c.strike() : null,
      option ? c.right().name() : null,
      number(m.bid()),
      number(m.ask()),
      number(m.last()),
      null,
      null,
      number(m.underlyingPrice()),
      g == null ? null : number(g.impliedVol()),
      g == null ? null : g.ivStatus().name(),
      g == null ? null : number(g.delta()),
      g == null ? null : number(g.gamma()),
      g == null ? null : number(g.vega()),
      g == null ? null : number(g.theta()),
      number(m.ibIv()),
      number(m.ibDelta()),
      m.stale()
    };
  }
}
