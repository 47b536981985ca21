package dev.thetaflow.core.strategy;

import dev.thetaflow.core.instrument.Leg;
import dev.thetaflow.core.value.Ids;
import dev.thetaflow.core.value.Price;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An option strategy the system manages as one unit: its legs, size, entry price and state.
 *
 * <p>Sign convention for {@code openingNetPrice}: per combo unit and per share (without
 * multiplier), <b>positive = credit received</b>, <b>negative = debit paid</b>. An iron condor sold
 * for 1.25 has +1.25; a long call vertical bought for 2.10 has −2.10. Money received per unit is
 * therefore {@code openingNetPrice × multiplier}.
 *
 * @param id stable strategy id (letters, digits, {@code . _ -}); the key of everything about it
 * @param type the shape; the number of legs must match it
 * @param underlying the underlying symbol every leg is on
 * @param legs signed ratios per combo unit; an immutable copy
 * @param quantity combo units, &gt; 0
 * @param openingNetPrice entry price per unit (credit &gt; 0), null until the entry fills; required
 *     in OPEN and ADJUSTING
 * @param state where the strategy is in its life
 * @param openedAt when the strategy was created (its entry was decided)
 * @param closedAt when it reached CLOSED; null in every other state
 */
public record Strategy(
    String id,
    StrategyType type,
    String underlying,
    List<Leg> legs,
    long quantity,
    Price openingNetPrice,
    StrategyState state,
    Instant openedAt,
    Instant closedAt) {

  public Strategy {
    Ids.requireStrategyId(id);
    String what = "strategy " + id;
    if (type == null || state == null || openedAt == null) {
      throw new IllegalArgumentException(what + ": type, state and openedAt are required");
    }
    if (underlying == null || underlying.isBlank()) {
      throw new IllegalArgumentException(what + ": underlying is required");
    }
    legs = checkLegs(what, type, underlying, legs);
    if (quantity <= 0) {
      throw new IllegalArgumentException(what + ": quantity must be > 0, was " + quantity);
    }
    if (openingNetPrice == null
        && (state == StrategyState.OPEN || state == StrategyState.ADJUSTING)) {
      throw new IllegalArgumentException(what + ": " + state + " needs an opening net price");
    }
    if ((state == StrategyState.CLOSED) != (closedAt != null)) {
      throw new IllegalArgumentException(
          what
              + ": closedAt must be set exactly when CLOSED (state "
              + state
              + ", closedAt "
              + closedAt
              + ")");
    }
    if (closedAt != null && closedAt.isBefore(openedAt)) {
      throw new IllegalArgumentException(
          what + ": closedAt " + closedAt + " is before openedAt " + openedAt);
    }
  }

  private static List<Leg> checkLegs(
      String what, StrategyType type, String underlying, List<Leg> legs) {
    if (legs == null || legs.isEmpty()) {
      throw new IllegalArgumentException(what + ": at least one leg is required");
    }
    List<Leg> copy = List.copyOf(legs);
    if (type.legCount() >= 0 && copy.size() != type.legCount()) {
      throw new IllegalArgumentException(
          what + ": " + type + " needs " + type.legCount() + " legs, has " + copy.size());
    }
    Set<Object> seen = new HashSet<>();
    for (Leg leg : copy) {
      if (!leg.contract().symbol().equals(underlying)) {
        throw new IllegalArgumentException(
            what + ": leg " + leg + " is not on underlying " + underlying);
      }
      if (!seen.add(leg.contract().conId() != 0 ? leg.contract().conId() : leg.contract())) {
        throw new IllegalArgumentException(what + ": contract appears twice: " + leg.contract());
      }
    }
    return copy;
  }

  /** The same strategy in state {@code next}; fails if the state machine forbids it. */
  public Strategy withState(StrategyState next, Instant at) {
    if (!state.canTransitionTo(next)) {
      throw new IllegalStateException(
          "strategy " + id + ": transition " + state + " -> " + next + " is not allowed");
    }
    Instant closed = next == StrategyState.CLOSED ? at : null;
    return new Strategy(
        id, type, underlying, legs, quantity, openingNetPrice, next, openedAt, closed);
  }

  /** The same strategy with its entry price, once the entry has filled. */
  public Strategy withOpeningNetPrice(Price price) {
    return new Strategy(id, type, underlying, legs, quantity, price, state, openedAt, closedAt);
  }
}
