package dev.thetaflow.jobs.strategy;

import dev.thetaflow.core.command.LegSpec;
import dev.thetaflow.core.command.StrategySpec;
import dev.thetaflow.core.instrument.Contract;
import dev.thetaflow.core.instrument.Leg;
import dev.thetaflow.core.strategy.Strategy;
import dev.thetaflow.core.strategy.StrategyState;
import dev.thetaflow.ib.codec.TwsContract;
import dev.thetaflow.ib.source.ContractLookup;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.concurrent.CompletableFuture;

/**
 * Turns a strategy spec from a command into a strategy of listed contracts: an expiry given by days
 * to expiry becomes the listed expiry nearest to it (the later one on a tie, never one in the
 * past); strikes and expiries must be listed, or the error names the nearest that are. Legs chosen
 * by target delta need the chain's Greeks and are refused for now with a message that says so.
 */
public final class StrategyResolver {
  private final ContractLookup lookup;

  public StrategyResolver(ContractLookup lookup) {
    this.lookup = lookup;
  }

  /** Resolves {@code spec} on {@code today} (the exchange date) for an underlying stock or ETF. */
  public CompletableFuture<Strategy> resolve(
      StrategySpec spec, int underlyingConId, LocalDate today, Instant now) {
    return lookup
        .chain(spec.underlying(), "STK", underlyingConId)
        .thenCompose(
            chain -> {
              List<CompletableFuture<Leg>> legs = new ArrayList<>();
              for (int i = 0; i < spec.legs().size(); i++) {
                legs.add(leg(spec, i, chain, today));
              }
              return CompletableFuture.allOf(legs.toArray(new CompletableFuture<?>[0]))
                  .thenApply(
                      done ->
                          new Strategy(
                              spec.strategyId(),
                              spec.type(),
                              spec.underlying(),
                              legs.stream().map(CompletableFuture::join).toList(),
                              spec.quantity(),
                              null,
                              StrategyState.PENDING_ENTRY,
                              now,
                              null));
            });
  }

  private CompletableFuture<Leg> leg(
      StrategySpec spec, int index, ContractLookup.Chain chain, LocalDate today) {
    LegSpec leg = spec.legs().get(index);
    String where = spec.strategyId() + " legs[" + index + "]";
    LocalDate expiry;
    double strike;
    try {
      expiry =
          leg.expiry() != null
              ? listed(where, leg.expiry(), chain)
              : nearest(where, leg.dte().getAsInt(), chain, today);
      if (leg.delta().isPresent()) {
        throw new IllegalArgumentException(
            where
                + ": legs chosen by target delta need the chain's Greeks, not supported yet;"
                + " give a strike");
      }
      strike = listedStrike(where, leg.strike().getAsDouble(), chain.strikes());
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    TwsContract query =
        new TwsContract(
            0,
            spec.underlying(),
            "OPT",
            expiry.format(DateTimeFormatter.BASIC_ISO_DATE),
            strike,
            leg.right().name().substring(0, 1),
            "100",
            "SMART",
            "",
            "USD",
            "",
            "",
            List.of());
    return lookup
        .lookup(query)
        .thenApply(
            found -> {
              List<Contract> standard =
                  found.stream().filter(c -> c.tradingClass().equals(spec.underlying())).toList();
              List<Contract> pick = standard.size() == 1 ? standard : found;
              if (pick.size() != 1) {
                throw new IllegalArgumentException(
                    where + ": " + pick.size() + " contracts match " + query + ", expected one");
              }
              return new Leg(pick.get(0), leg.ratio());
            });
  }

  private static LocalDate listed(String where, LocalDate expiry, ContractLookup.Chain chain) {
    if (!chain.expirations().contains(expiry)) {
      throw new IllegalArgumentException(
          where
              + ": expiry "
              + expiry
              + " is not listed; nearest listed: "
              + around(chain.expirations(), expiry));
    }
    return expiry;
  }

  private static LocalDate nearest(
      String where, int dte, ContractLookup.Chain chain, LocalDate today) {
    LocalDate target = today.plusDays(dte);
    LocalDate best = null;
    for (LocalDate e : chain.expirations()) {
      if (e.isBefore(today)) {
        continue;
      }
      long distance = Math.abs(ChronoUnit.DAYS.between(target, e));
      if (best == null || distance <= Math.abs(ChronoUnit.DAYS.between(target, best))) {
        best = e; // ascending order: a tie goes to the later expiry
      }
    }
    if (best == null) {
      throw new IllegalArgumentException(where + ": no listed expiry on or after " + today);
    }
    return best;
  }

  private static double listedStrike(String where, double strike, SortedSet<Double> strikes) {
    if (!strikes.contains(strike)) {
      throw new IllegalArgumentException(
          where
              + ": strike "
              + strike
              + " is not listed; nearest listed: "
              + around(strikes, strike));
    }
    return strike;
  }

  private static <T> String around(SortedSet<T> listed, T value) {
    SortedSet<T> below = listed.headSet(value);
    SortedSet<T> above = listed.tailSet(value);
    return (below.isEmpty() ? "none below" : below.last().toString())
        + " and "
        + (above.isEmpty() ? "none above" : above.first().toString());
  }
}
