package dev.thetaflow.core.order;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.thetaflow.core.instrument.Leg;
import dev.thetaflow.core.value.Price;
import dev.thetaflow.core.value.Side;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An order as it goes to the broker, approved by the risk gate. The order sink places it at most
 * once per {@link OrderRef}: the reference is the idempotency key.
 *
 * <p>One leg with ratio +1 is a plain single-contract order; more legs make a combo, whose prices
 * are net per combo unit (see {@link OrderIntent} for the sign convention).
 *
 * <p>Price fields by type: LMT needs {@code limitPrice}; STP needs {@code stopPrice}; STP_LMT needs
 * both; TRAIL needs exactly one of {@code trailingAmount} or {@code trailingPercent} and may carry
 * {@code stopPrice} as its initial trigger; MKT carries none. Fields a type does not use must be
 * null (or NaN for the percent), so a mistaken price never reaches the wire unnoticed.
 *
 * @param orderRef idempotency key, {@code <strategyId>:<purpose>:<seq>}
 * @param account the broker account, non-blank
 * @param legs the legs, signed ratios per combo unit
 * @param side BUY or SELL one combo unit
 * @param quantity combo units (or contracts for a single leg), &gt; 0
 * @param orderType the order type
 * @param limitPrice limit per unit, or null
 * @param stopPrice stop trigger per unit, or null
 * @param trailingAmount trailing distance in price units, &gt; 0, or null
 * @param trailingPercent trailing distance in percent (1.5 = 1.5 %), in (0, 100), or NaN
 * @param timeInForce how long it works
 */
public record OrderRequest(
    OrderRef orderRef,
    String account,
    List<Leg> legs,
    Side side,
    long quantity,
    OrderType orderType,
    Price limitPrice,
    Price stopPrice,
    Price trailingAmount,
    double trailingPercent,
    TimeInForce timeInForce) {

  public OrderRequest {
    if (orderRef == null) {
      throw new IllegalArgumentException("order request: orderRef is required");
    }
    String what = "order " + orderRef;
    if (account == null || account.isBlank()) {
      throw new IllegalArgumentException(what + ": account is required");
    }
    legs = checkLegs(legs, what);
    if (side == null || orderType == null || timeInForce == null) {
      throw new IllegalArgumentException(what + ": side, orderType and timeInForce are required");
    }
    if (quantity <= 0) {
      throw new IllegalArgumentException(what + ": quantity must be > 0, was " + quantity);
    }
    if (orderType.needsLimitPrice() != (limitPrice != null)) {
      throw new IllegalArgumentException(
          what
              + ": "
              + orderType
              + (orderType.needsLimitPrice() ? " needs" : " must not have")
              + " a limit price, was "
              + limitPrice);
    }
    if (orderType.needsStopPrice() && stopPrice == null) {
      throw new IllegalArgumentException(what + ": " + orderType + " needs a stop price");
    }
    if (stopPrice != null && !orderType.needsStopPrice() && orderType != OrderType.TRAIL) {
      throw new IllegalArgumentException(
          what + ": " + orderType + " must not have a stop price, was " + stopPrice);
    }
    checkTrailing(what, orderType, trailingAmount, trailingPercent);
  }

  /** A limit order. */
  public static OrderRequest limit(
      OrderRef ref,
      String account,
      List<Leg> legs,
      Side side,
      long quantity,
      Price limit,
      TimeInForce tif) {
    return new OrderRequest(
        ref, account, legs, side, quantity, OrderType.LMT, limit, null, null, Double.NaN, tif);
  }

  /** A market order. */
  public static OrderRequest market(
      OrderRef ref, String account, List<Leg> legs, Side side, long quantity, TimeInForce tif) {
    return new OrderRequest(
        ref, account, legs, side, quantity, OrderType.MKT, null, null, null, Double.NaN, tif);
  }

  /** More than one leg. */
  @JsonIgnore
  public boolean isCombo() {
    return legs.size() > 1;
  }

  private static void checkTrailing(String what, OrderType type, Price amount, double percent) {
    boolean hasPercent = !Double.isNaN(percent);
    if (hasPercent && !(percent > 0.0 && percent < 100.0)) {
      throw new IllegalArgumentException(
          what + ": trailingPercent must be in (0, 100) or NaN, was " + percent);
    }
    if (amount != null && amount.value().signum() <= 0) {
      throw new IllegalArgumentException(what + ": trailingAmount must be > 0, was " + amount);
    }
    if (type == OrderType.TRAIL) {
      if ((amount != null) == hasPercent) {
        throw new IllegalArgumentException(
            what + ": TRAIL needs exactly one of trailingAmount or trailingPercent");
      }
    } else if (amount != null || hasPercent) {
      throw new IllegalArgumentException(what + ": only TRAIL may carry a trailing amount/percent");
    }
  }

  /**
   * Non-empty, no null, no contract twice, a single leg has ratio +1; returns an immutable copy.
   */
  static List<Leg> checkLegs(List<Leg> legs, String what) {
    if (legs == null || legs.isEmpty()) {
      throw new IllegalArgumentException(what + ": at least one leg is required");
    }
    List<Leg> copy = List.copyOf(legs);
    if (copy.size() == 1 && copy.get(0).ratio() != 1) {
      throw new IllegalArgumentException(
          what
              + ": a single-leg order has ratio +1 (side gives the direction), was "
              + copy.get(0).ratio());
    }
    Set<Object> seen = new HashSet<>();
    for (Leg leg : copy) {
      Object key = leg.contract().conId() != 0 ? leg.contract().conId() : leg.contract();
      if (!seen.add(key)) {
        throw new IllegalArgumentException(what + ": contract appears twice: " + leg.contract());
      }
    }
    return copy;
  }
}
