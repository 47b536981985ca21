package dev.thetaflow.jobs.topology;

import dev.thetaflow.core.strategy.Strategy;
import dev.thetaflow.core.strategy.StrategyBook.LegSnapshot;
import dev.thetaflow.core.strategy.StrategyState;
import java.time.Instant;
import java.util.List;

/**
 * A strategy as its operator sees it after a change worth recording.
 *
 * @param strategy the strategy (legs, state, opening net price, times)
 * @param legs per-leg books
 * @param realizedPnl realized P&amp;L before commissions
 * @param unrealizedPnl unrealized P&amp;L at fresh marks, NaN when a held leg's mark is missing or
 *     stale
 * @param commissions commissions paid
 * @param time when (event time of the change)
 */
public record StrategySnapshot(
    Strategy strategy,
    List<LegSnapshot> legs,
    double realizedPnl,
    double unrealizedPnl,
    double commissions,
    Instant time) {

  public String strategyId() {
    return strategy.id();
  }

  public StrategyState state() {
    return strategy.state();
  }
}
