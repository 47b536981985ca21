package dev.thetaflow.jobs.topology;

import dev.thetaflow.core.instrument.Leg;
import dev.thetaflow.core.order.OrderRequest;
import dev.thetaflow.core.value.Price;
import java.time.Instant;

/**
 * One row of the {@code orders} table: what the risk gate did with an order thetaflow wanted
 * (status SENT or REFUSED, with the reason), or where the broker says it stands. Nullable fields
 * are null where the source does not know them (the gate knows no broker ids).
 */
public record OrderUpdate(
    String orderRef,
    Integer orderId,
    Long permId,
    String strategyId,
    String purpose,
    String action,
    String orderType,
    long quantity,
    Double limitPrice,
    Double auxPrice,
    String tif,
    String legsJson,
    String status,
    long filled,
    Double averageFillPrice,
    Integer errorCode,
    String errorText,
    Instant time) {

  /**
   * Contracts filled over all legs: combo units filled times the sum of the legs' ratios, as the
   * broker's legs say ([{"conId":…,"ratio":…}]); units when the legs are unknown.
   */
  public long contractsFilled() {
    if (filled <= 0 || legsJson == null) {
      return Math.max(filled, 0);
    }
    long ratios = 0;
    for (var m = RATIO.matcher(legsJson); m.find(); ) {
      ratios += Math.abs(Long.parseLong(m.group(1)));
    }
    return filled * Math.max(ratios, 1);
  }

  private static final java.util.regex.Pattern RATIO =
      java.util.regex.Pattern.compile("\"ratio\":\\s*(-?\\d+)");

  /**
   * What the risk gate did with {@code r}: SENT on to the order sink, or REFUSED with why. Legs as
   * the broker's rows have them: [{"conId":…,"ratio":…}], the ratio signed (negative sells).
   */
  static OrderUpdate fromGate(OrderRequest r, String status, String reason, Instant time) {
    StringBuilder legs = new StringBuilder("[");
    for (Leg leg : r.legs()) {
      if (legs.length() > 1) {
        legs.append(',');
      }
      legs.append("{\"conId\":")
          .append(leg.contract().conId())
          .append(",\"ratio\":")
          .append(leg.ratio())
          .append('}');
    }
    legs.append(']');
    Price aux = r.stopPrice() != null ? r.stopPrice() : r.trailingAmount();
    return new OrderUpdate(
        r.orderRef().toString(),
        null,
        null,
        r.orderRef().strategyId(),
        r.orderRef().purpose().name(),
        r.side().name(),
        r.orderType().name(),
        r.quantity(),
        r.limitPrice() == null ? null : r.limitPrice().toDouble(),
        aux == null ? null : aux.toDouble(),
        r.timeInForce().name(),
        legs.toString(),
        status,
        0,
        null,
        null,
        reason,
        time);
  }
}
