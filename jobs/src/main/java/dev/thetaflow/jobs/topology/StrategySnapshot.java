package dev.thetaflow.jobs.topology;

import dev.thetaflow.core.risk.LegGreeks;
import dev.thetaflow.core.risk.PositionGreeks;
import dev.thetaflow.core.strategy.Strategy;
import dev.thetaflow.core.strategy.StrategyBook.LegSnapshot;
import dev.thetaflow.core.strategy.StrategyState;
import java.time.Instant;
import java.util.List;

/**
 * A strategy as its operator sees it after a change.
 *
 * @param strategy the strategy (legs, state, opening net price, times)
 * @param legs per-leg books
 * @param realizedPnl realized P&amp;L before commissions
 * @param unrealizedPnl unrealized P&amp;L at fresh marks, NaN when a held leg's mark is missing or
 *     stale
 * @param commissions commissions paid
 * @param spot the underlying's price, NaN when not seen yet
 * @param legGreeks the legs' latest implied volatility and Greeks (per unit), for the legs that
 *     have them
 * @param greeks the strategy's Greeks in position units (what is held), or null when nothing is
 *     held or a held leg has no usable Greeks
 * @param recorded whether this snapshot goes to the strategies table: every change of state, fill
 *     or order does; changes of marks alone do at most once per recording interval
 * @param time when (event time of the change)
 */
public record StrategySnapshot(
    Strategy strategy,
    List<LegSnapshot> legs,
    double realizedPnl,
    double unrealizedPnl,
    double commissions,
    double spot,
    List<LegGreeks> legGreeks,
    PositionGreeks greeks,
    boolean recorded,
    Instant time) {

  public String strategyId() {
    return strategy.id();
  }

  public StrategyState state() {
    return strategy.state();
  }
}
