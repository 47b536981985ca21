package dev.thetaflow.core.order;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.thetaflow.core.value.Ids;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The idempotency key of an order: {@code <strategyId>:<purpose>:<seq>}, e.g. {@code
 * ic-spx-0007:EXIT:2}. The broker echoes it on every order status and execution, so after a restart
 * the order sink recognises its own orders and never places one twice.
 *
 * <p>{@code strategyId} is letters, digits, {@code . _ -} (no colon); {@code seq} counts the orders
 * of one purpose of one strategy from 1. The same intent retried keeps its seq; a new intent gets
 * the next one.
 *
 * @param strategyId the strategy that owns the order
 * @param purpose why the order exists
 * @param seq 1, 2, 3, … per strategy and purpose
 */
public record OrderRef(String strategyId, OrderPurpose purpose, int seq) {

  private static final Pattern TEXT =
      Pattern.compile("([A-Za-z0-9._-]{1,64}):([A-Z]+):([1-9][0-9]*)");

  public OrderRef {
    Ids.requireStrategyId(strategyId);
    if (purpose == null) {
      throw new IllegalArgumentException("order ref purpose is required");
    }
    if (seq < 1) {
      throw new IllegalArgumentException("order ref seq must be >= 1, was " + seq);
    }
  }

  /** Parses {@code <strategyId>:<purpose>:<seq>}. */
  @JsonCreator
  public static OrderRef parse(String text) {
    Matcher m = text == null ? null : TEXT.matcher(text);
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException(
          "order ref must look like <strategyId>:<PURPOSE>:<seq>, was '" + text + "'");
    }
    OrderPurpose purpose;
    try {
      purpose = OrderPurpose.valueOf(m.group(2));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("order ref has unknown purpose in '" + text + "'", e);
    }
    return new OrderRef(m.group(1), purpose, Integer.parseInt(m.group(3)));
  }

  /** The next order of the same strategy and purpose. */
  public OrderRef next() {
    return new OrderRef(strategyId, purpose, Math.addExact(seq, 1));
  }

  @JsonValue
  @Override
  public String toString() {
    return strategyId + ":" + purpose + ":" + seq;
  }
}
