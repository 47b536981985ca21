package dev.thetaflow.core.order;

import dev.thetaflow.core.decision.Decision;
import dev.thetaflow.core.instrument.Leg;
import dev.thetaflow.core.value.Ids;
import dev.thetaflow.core.value.Price;
import dev.thetaflow.core.value.Side;
import java.time.Instant;
import java.util.List;

/**
 * What a strategy wants to trade, before the risk gate has looked at it and before it has an order
 * reference or an account. The risk gate turns an approved intent into an {@link OrderRequest}.
 *
 * <p>Price convention: {@code limitPrice} is the price per combo unit in the direction of {@code
 * side}, as a venue quotes combos: buying a credit spread back is a BUY at a positive debit,
 * opening an iron condor for a credit is a SELL at a positive price.
 *
 * @param strategyId the strategy that wants the trade
 * @param purpose why
 * @param side BUY or SELL one combo unit as the legs define it
 * @param legs the legs with signed ratios per unit (one leg with ratio +1 for a single contract)
 * @param quantity combo units, &gt; 0
 * @param limitPrice limit per combo unit, or null for a market order
 * @param cause the rule decision that caused it, or null for an entry (no rule fires on entry)
 * @param time when the intent was formed
 */
public record OrderIntent(
    String strategyId,
    OrderPurpose purpose,
    Side side,
    List<Leg> legs,
    long quantity,
    Price limitPrice,
    Decision cause,
    Instant time) {

  public OrderIntent {
    Ids.requireStrategyId(strategyId);
    if (purpose == null || side == null || time == null) {
      throw new IllegalArgumentException(
          "intent of " + strategyId + ": purpose, side and time are required");
    }
    legs = OrderRequest.checkLegs(legs, "intent of " + strategyId);
    if (quantity <= 0) {
      throw new IllegalArgumentException(
          "intent of " + strategyId + ": quantity must be > 0, was " + quantity);
    }
    if (cause != null && !cause.strategyId().equals(strategyId)) {
      throw new IllegalArgumentException(
          "intent of " + strategyId + ": caused by a decision about " + cause.strategyId());
    }
  }
}
