package dev.thetaflow.jobs.topology;

import dev.thetaflow.core.instrument.Leg;
import dev.thetaflow.core.order.OrderPurpose;
import dev.thetaflow.core.order.OrderRef;
import dev.thetaflow.core.order.OrderRequest;
import dev.thetaflow.core.order.OrderType;
import dev.thetaflow.core.order.TimeInForce;
import dev.thetaflow.core.risk.PreTradeGate;
import dev.thetaflow.core.strategy.Strategy;
import dev.thetaflow.core.value.Price;
import dev.thetaflow.core.value.Side;
import dev.thetaflow.core.value.TickRounding;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The orders a strategy sends, as combo orders: legs X trade as BUY X, or for a credit as SELL −X
 * at a positive price, the way venues quote combos. Exits trade what is held, reversed, at market,
 * in whole combo units (the held positions' common factor).
 */
final class StrategyOrders {
  private StrategyOrders() {}

  /** The entry: at {@code limit} per unit (credit positive), or at market when null. */
  static OrderRequest entry(Strategy s, String account, Double limit) {
    OrderRef ref = new OrderRef(s.id(), OrderPurpose.ENTRY, 1);
    if (limit == null) {
      return request(ref, account, s.legs(), Side.BUY, s.quantity(), null);
    }
    BigDecimal tick = s.legs().get(0).contract().minTick();
    // a credit (limit > 0) sells the reversed legs at a positive price; a debit buys them
    return limit > 0
        ? request(
            ref,
            account,
            reversed(s.legs()),
            Side.SELL,
            s.quantity(),
            Price.of(limit, tick, TickRounding.UP))
        : request(
            ref,
            account,
            s.legs(),
            Side.BUY,
            s.quantity(),
            Price.of(-limit, tick, TickRounding.DOWN));
  }

  /**
   * Trades {@code units} of what is held in {@code held} (legs with their signed positions as
   * ratios), reversed, at market; null when nothing is held. {@code units} is capped at the whole
   * position's combo units.
   */
  static OrderRequest exit(OrderRef ref, String account, Collection<Leg> held, long units) {
    long whole = comboUnits(held);
    if (whole == 0) {
      return null;
    }
    List<Leg> close = new ArrayList<>();
    for (Leg leg : held) {
      close.add(new Leg(leg.contract(), (int) (-leg.ratio() / whole)));
    }
    return request(ref, account, close, Side.BUY, Math.min(units, whole), null);
  }

  /** The common factor of the held positions: how many whole combo units are held. */
  static long comboUnits(Collection<Leg> held) {
    long units = 0;
    for (Leg leg : held) {
      units = gcd(units, Math.abs(leg.ratio()));
    }
    return units;
  }

  /** Why {@code order} may not leave with these switches, or null. */
  static String refusal(
      OrderRequest order, int maxContractsPerOrder, boolean killed, boolean entriesPaused) {
    PreTradeGate gate = new PreTradeGate(maxContractsPerOrder);
    gate.restore(killed, entriesPaused);
    PreTradeGate.Refusal r = gate.check(order);
    return r == null ? null : r.reason();
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  private static List<Leg> reversed(List<Leg> legs) {
    return legs.stream().map(l -> new Leg(l.contract(), -l.ratio())).toList();
  }

  private static OrderRequest request(
      OrderRef ref, String account, List<Leg> legs, Side side, long quantity, Price limit) {
    return new OrderRequest(
        ref,
        account,
        legs,
        side,
        quantity,
        limit == null ? OrderType.MKT : OrderType.LMT,
        limit,
        null,
        null,
        Double.NaN,
        TimeInForce.DAY);
  }
}
