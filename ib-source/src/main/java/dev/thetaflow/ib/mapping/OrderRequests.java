package dev.thetaflow.ib.mapping;

import dev.thetaflow.core.instrument.Contract;
import dev.thetaflow.core.instrument.Leg;
import dev.thetaflow.core.order.OrderRequest;
import dev.thetaflow.core.value.Side;
import dev.thetaflow.ib.codec.TwsComboLeg;
import dev.thetaflow.ib.codec.TwsContract;
import dev.thetaflow.ib.codec.TwsOrder;
import dev.thetaflow.ib.codec.TwsValues;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * An approved {@link OrderRequest} as TWS takes it. A single leg of ratio 1 is an order for that
 * contract; anything else is a BAG combo of the legs (each leg's action from its ratio's sign,
 * ratio as its size) at a net price per combo unit, the order's side as the combo's action: SELL an
 * iron condor at 1.35 receives 1.35 per unit. Prices are already on the contract's tick.
 */
public final class OrderRequests {
  private OrderRequests() {}

  /** What placeOrder sends: the contract and the order. */
  public record TwsPlacement(TwsContract contract, TwsOrder order) {}

  public static TwsPlacement toTws(OrderRequest r) {
    TwsContract contract = contract(r.legs());
    String action = r.side() == Side.BUY ? "BUY" : "SELL";
    BigDecimal quantity = BigDecimal.valueOf(r.quantity());
    TwsOrder order =
        switch (r.orderType()) {
          case LMT -> TwsOrder.limit(action, quantity, r.limitPrice().toDouble());
          case MKT -> TwsOrder.market(action, quantity);
          case STP -> TwsOrder.stop(action, quantity, r.stopPrice().toDouble());
          case STP_LMT ->
              TwsOrder.stopLimit(
                  action, quantity, r.stopPrice().toDouble(), r.limitPrice().toDouble());
          case TRAIL ->
              r.trailingAmount() != null
                  ? TwsOrder.trailingAmount(
                      action,
                      quantity,
                      r.trailingAmount().toDouble(),
                      r.stopPrice() == null ? TwsValues.UNSET_DOUBLE : r.stopPrice().toDouble())
                  : TwsOrder.trailingPercent(
                      action,
                      quantity,
                      r.trailingPercent(),
                      r.stopPrice() == null ? TwsValues.UNSET_DOUBLE : r.stopPrice().toDouble());
        };
    return new TwsPlacement(
        contract,
        order
            .withTif(r.timeInForce().name())
            .withOrderRef(r.orderRef().toString())
            .withAccount(r.account()));
  }

  private static TwsContract contract(List<Leg> legs) {
    if (legs.size() == 1 && legs.get(0).ratio() == 1) {
      Contract c = legs.get(0).contract();
      return TwsContract.byConId((int) c.conId(), c.symbol(), c.secType().name(), c.currency());
    }
    Contract first = legs.get(0).contract();
    String underlying = first.symbol();
    List<TwsComboLeg> comboLegs = new ArrayList<>();
    for (Leg leg : legs) {
      comboLegs.add(
          new TwsComboLeg(
              (int) leg.contract().conId(),
              Math.abs(leg.ratio()),
              leg.ratio() > 0 ? "BUY" : "SELL",
              "SMART"));
    }
    return new TwsContract(
        0,
        underlying,
        "BAG",
        "",
        TwsValues.UNSET_DOUBLE,
        "",
        "",
        "SMART",
        "",
        first.currency(),
        "",
        "",
        comboLegs);
  }
}
