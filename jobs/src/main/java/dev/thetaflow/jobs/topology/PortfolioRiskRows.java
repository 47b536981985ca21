package dev.thetaflow.jobs.topology;

import dev.thetaflow.sinks.delta.RowConverter;

/**
 * A portfolio summary as a row of {@code portfolio_risk}, partitioned by its exchange date. No
 * benchmark prices or betas reach the job, so beta_weighted_delta stays null; unknown values (NaN)
 * are written as null.
 */
final class PortfolioRiskRows implements RowConverter<PortfolioRisk> {
  private static final long serialVersionUID = 1L;

  private final String jobId;

  PortfolioRiskRows(String jobId) {
    this.jobId = jobId;
  }

  @Override
  public Object[] toRow(PortfolioRisk p) {
    return new Object[] {
      TableRows.tradeDate(p.time()),
      p.time(),
      jobId,
      null, // checkpoint_id: the sink's transaction records it
      TableRows.number(p.netLiquidation()),
      p.delta(),
      null, // beta_weighted_delta
      p.gamma(),
      p.vega(),
      p.theta(),
      TableRows.number(p.dollarDelta()),
      TableRows.number(p.dollarGamma()),
      TableRows.number(p.margin()),
      p.openStrategies(),
      TableRows.number(p.dailyPnl())
    };
  }
}
