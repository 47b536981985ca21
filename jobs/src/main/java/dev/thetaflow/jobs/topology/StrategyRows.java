package dev.thetaflow.jobs.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.thetaflow.core.json.DomainJson;
import dev.thetaflow.core.risk.PositionGreeks;
import dev.thetaflow.core.strategy.ExpiryPayoff;
import dev.thetaflow.core.strategy.Strategy;
import dev.thetaflow.sinks.delta.RowConverter;

/**
 * A strategy snapshot as a row of the {@code strategies} table (event_time, job_id, checkpoint_id,
 * then the table's columns). Greeks are what is held, in position units as a trader reads them:
 * delta in share-equivalents, gamma per 1.00 of the underlying, vega per volatility point, theta
 * per calendar day; null while nothing is held or a held leg has no usable Greeks. Max profit and
 * loss are the payoff at expiry's extremes ({@link ExpiryPayoff}) once the entry price is known,
 * null when unbounded or not defined (calendars). NaN P&amp;L (no fresh marks) is written as null,
 * never as a number.
 */
final class StrategyRows implements RowConverter<StrategySnapshot> {
  private static final long serialVersionUID = 1L;

  private final String jobId;

  StrategyRows(String jobId) {
    this.jobId = jobId;
  }

  @Override
  public Object[] toRow(StrategySnapshot s) {
    Strategy st = s.strategy();
    PositionGreeks g = s.greeks();
    ExpiryPayoff payoff =
        st.openingNetPrice() == null
            ? null
            : ExpiryPayoff.of(st.legs(), st.openingNetPrice().toDouble(), st.quantity())
                .orElse(null);
    String legs;
    try {
      legs = DomainJson.newMapper().writeValueAsString(st.legs());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("strategy " + st.id() + ": legs do not serialise", e);
    }
    return new Object[] {
      s.time(),
      jobId,
      null, // checkpoint_id: the sink's transaction records it
      st.id(),
      st.type().name(),
      st.underlying(),
      st.state().name(),
      legs,
      st.openedAt(),
      st.closedAt(),
      st.openingNetPrice() == null ? null : st.openingNetPrice().toDouble(),
      payoff == null ? null : TableRows.number(payoff.maxProfit()),
      payoff == null ? null : TableRows.number(payoff.maxLoss()),
      s.realizedPnl(),
      TableRows.number(s.unrealizedPnl()),
      g == null ? null : g.delta(),
      g == null ? null : g.gamma(),
      g == null ? null : g.vegaPerPoint(),
      g == null ? null : g.thetaPerDay()
    };
  }
}
