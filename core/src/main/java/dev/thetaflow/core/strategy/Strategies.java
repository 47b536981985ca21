package dev.thetaflow.core.strategy;

import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.instrument.Contract;
import dev.thetaflow.core.instrument.Leg;
import java.time.Instant;
import java.util.List;

/**
 * Builds the common strategies from their contracts, checking that the strikes, rights and expiries
 * make the shape they claim. Every strategy built here starts in PENDING_ENTRY with no price.
 */
public final class Strategies {

  private Strategies() {}

  /**
   * A short iron condor: +1 long put, −1 short put, −1 short call, +1 long call per unit, with
   * {@code longPut.strike < shortPut.strike < shortCall.strike < longCall.strike}, one expiry.
   */
  public static Strategy ironCondor(
      String id,
      Contract longPut,
      Contract shortPut,
      Contract shortCall,
      Contract longCall,
      long quantity,
      Instant openedAt) {
    String what = "iron condor " + id;
    requireRight(what, "long put", longPut, OptionType.PUT);
    requireRight(what, "short put", shortPut, OptionType.PUT);
    requireRight(what, "short call", shortCall, OptionType.CALL);
    requireRight(what, "long call", longCall, OptionType.CALL);
    requireSameSeries(what, longPut, shortPut, shortCall, longCall);
    requireBelow(what, "long put", longPut, "short put", shortPut);
    requireBelow(what, "short put", shortPut, "short call", shortCall);
    requireBelow(what, "short call", shortCall, "long call", longCall);
    List<Leg> legs =
        List.of(
            Leg.longLeg(longPut, 1),
            Leg.shortLeg(shortPut, 1),
            Leg.shortLeg(shortCall, 1),
            Leg.longLeg(longCall, 1));
    return pending(id, StrategyType.IRON_CONDOR, shortPut.symbol(), legs, quantity, openedAt);
  }

  /**
   * A vertical spread: −1 {@code shortLeg}, +1 {@code longLeg}, same right and expiry, different
   * strikes. Which side is nearer the money decides credit or debit; both are allowed.
   */
  public static Strategy vertical(
      String id, Contract shortLeg, Contract longLeg, long quantity, Instant openedAt) {
    String what = "vertical " + id;
    if (shortLeg == null || longLeg == null || !shortLeg.isOption() || !longLeg.isOption()) {
      throw new IllegalArgumentException(what + ": both legs must be options");
    }
    requireRight(what, "long leg", longLeg, shortLeg.right());
    requireSameSeries(what, shortLeg, longLeg);
    if (shortLeg.strike() == longLeg.strike()) {
      throw new IllegalArgumentException(
          what + ": strikes must differ, both are " + shortLeg.strike());
    }
    StrategyType type =
        shortLeg.right() == OptionType.PUT ? StrategyType.PUT_VERTICAL : StrategyType.CALL_VERTICAL;
    List<Leg> legs = List.of(Leg.shortLeg(shortLeg, 1), Leg.longLeg(longLeg, 1));
    return pending(id, type, shortLeg.symbol(), legs, quantity, openedAt);
  }

  private static Strategy pending(
      String id,
      StrategyType type,
      String underlying,
      List<Leg> legs,
      long quantity,
      Instant openedAt) {
    return new Strategy(
        id, type, underlying, legs, quantity, null, StrategyState.PENDING_ENTRY, openedAt, null);
  }

  private static void requireRight(String what, String name, Contract c, OptionType right) {
    if (c == null || !c.isOption() || c.right() != right) {
      throw new IllegalArgumentException(what + ": " + name + " must be a " + right + ", was " + c);
    }
  }

  private static void requireSameSeries(String what, Contract first, Contract... others) {
    for (Contract c : others) {
      if (!c.symbol().equals(first.symbol())
          || !c.expiry().equals(first.expiry())
          || c.multiplier() != first.multiplier()) {
        throw new IllegalArgumentException(
            what
                + ": all legs need the same underlying, expiry and multiplier; "
                + first
                + " vs "
                + c);
      }
    }
  }

  private static void requireBelow(
      String what, String lowName, Contract low, String highName, Contract high) {
    if (!(low.strike() < high.strike())) {
      throw new IllegalArgumentException(
          what
              + ": "
              + lowName
              + " strike "
              + low.strike()
              + " must be below "
              + highName
              + " strike "
              + high.strike());
    }
  }
}
