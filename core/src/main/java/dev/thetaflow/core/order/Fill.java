package dev.thetaflow.core.order;

import dev.thetaflow.core.value.Money;
import dev.thetaflow.core.value.Side;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One execution of one contract. A combo fills as one execution per leg, each with that leg's
 * contract, side and price.
 *
 * <p>The commission arrives separately from the execution at most brokers (IB sends it in a later
 * report matched by {@code execId}), so a fill is first recorded with {@code commission} null and
 * completed with {@link #withCommission(Money)}. Null means "not reported yet", never zero.
 *
 * <p>The price is an exact decimal as reported, not forced onto the tick grid: executions with
 * price improvement may land between ticks.
 *
 * @param execId the broker's unique execution id; also the deduplication key, non-blank
 * @param orderRef the order reference echoed back, or null for an order we did not place (manual)
 * @param orderId the broker's order id (0 if unknown)
 * @param account the account, non-blank
 * @param conId the contract that traded, &gt; 0
 * @param side BUY or SELL of this contract
 * @param quantity contracts or shares, &gt; 0
 * @param price execution price per unit (premium per share for options, without multiplier)
 * @param commission commission charged (positive = cost), or null until reported
 * @param time when it executed
 */
public record Fill(
    String execId,
    OrderRef orderRef,
    long orderId,
    String account,
    long conId,
    Side side,
    long quantity,
    BigDecimal price,
    Money commission,
    Instant time) {

  public Fill {
    if (execId == null || execId.isBlank()) {
      throw new IllegalArgumentException("fill: execId is required");
    }
    String what = "fill " + execId;
    if (orderId < 0) {
      throw new IllegalArgumentException(what + ": orderId must be >= 0, was " + orderId);
    }
    if (account == null || account.isBlank()) {
      throw new IllegalArgumentException(what + ": account is required");
    }
    if (conId <= 0) {
      throw new IllegalArgumentException(what + ": conId must be > 0, was " + conId);
    }
    if (side == null || price == null || time == null) {
      throw new IllegalArgumentException(what + ": side, price and time are required");
    }
    if (quantity <= 0) {
      throw new IllegalArgumentException(what + ": quantity must be > 0, was " + quantity);
    }
  }

  /** The same execution with its commission report attached. */
  public Fill withCommission(Money newCommission) {
    if (newCommission == null) {
      throw new IllegalArgumentException("fill " + execId + ": commission to attach is null");
    }
    return new Fill(
        execId, orderRef, orderId, account, conId, side, quantity, price, newCommission, time);
  }

  /** +quantity for a buy, −quantity for a sell: the change to the signed position. */
  public long signedQuantity() {
    return side.sign() * quantity;
  }
}
