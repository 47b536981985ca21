package dev.thetaflow.core.command;

import dev.thetaflow.core.strategy.StrategyType;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A strategy to open.
 *
 * @param strategyId the id the strategy will carry (orders, decisions and tables refer to it)
 * @param underlying the underlying's symbol, e.g. SPY
 * @param type the strategy's shape; its leg count is checked
 * @param quantity units of the strategy (each leg trades ratio × quantity contracts), ≥ 1
 * @param legs the legs
 * @param limitPrice net price per unit the order may not be worse than, positive for a credit
 *     received, negative for a debit paid; empty: the order is priced from the legs' mids
 */
public record StrategySpec(
    String strategyId,
    String underlying,
    StrategyType type,
    int quantity,
    List<LegSpec> legs,
    OptionalDouble limitPrice) {

  public StrategySpec {
    CommandIds.check("strategy_id", strategyId);
    if (underlying == null || !underlying.matches("[A-Z][A-Z0-9.]{0,11}")) {
      throw new CommandException("underlying", underlying, "a symbol like SPY or BRK.B");
    }
    if (type == null) {
      throw new CommandException("strategy_type", null, "one of " + List.of(StrategyType.values()));
    }
    if (quantity < 1 || quantity > 10_000) {
      throw new CommandException("quantity", quantity, "units in [1, 10000]");
    }
    legs = List.copyOf(legs);
    if (legs.isEmpty() || (type.legCount() > 0 && legs.size() != type.legCount())) {
      throw new CommandException(
          "legs",
          legs.size() + " legs",
          type.legCount() > 0 ? type.legCount() + " legs for " + type : "at least one leg");
    }
    if (limitPrice.isPresent() && !Double.isFinite(limitPrice.getAsDouble())) {
      throw new CommandException("limit_price", limitPrice.getAsDouble(), "a finite price");
    }
  }
}
