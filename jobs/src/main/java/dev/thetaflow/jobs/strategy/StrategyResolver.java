package dev.thetaflow.jobs.strategy;

import dev.thetaflow.core.command.LegSpec;
import dev.thetaflow.core.command.StrategySpec;
import dev.thetaflow.core.instrument.Contract;
import dev.thetaflow.core.instrument.Leg;
import dev.thetaflow.core.risk.LegAnalytics;
import dev.thetaflow.core.risk.LegGreeks;
import dev.thetaflow.core.risk.MarketAssumptions;
import dev.thetaflow.core.strategy.Strategy;
import dev.thetaflow.core.strategy.StrategyState;
import dev.thetaflow.core.time.Expiries;
import dev.thetaflow.ib.codec.TwsContract;
import dev.thetaflow.ib.codec.TwsValues;
import dev.thetaflow.ib.source.ContractLookup;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a strategy spec from a command into a strategy of listed contracts: an expiry given by days
 * to expiry becomes the listed expiry nearest to it (the later one on a tie, never one in the
 * past); strikes and expiries must be listed, or the error names the nearest that are.
 *
 * <p>A leg chosen by target delta takes the listed strike whose delta, solved by our own analytics
 * from a snapshot mid at the underlying's mid and the broker's time, is nearest the target (ties:
 * the further out of the money). The chain is searched by sampling strikes around spot and
 * narrowing to where the deltas straddle the target, so a chain of hundreds of strikes costs a few
 * dozen snapshots. No strike within {@link DeltaChoice#MAX_MISS} of the target, or two legs of the
 * same right and expiry on one strike, refuses the spec.
 */
public final class StrategyResolver {
  private static final Logger LOG = LoggerFactory.getLogger(StrategyResolver.class);

  /** Snapshots outstanding at once, and strikes sampled per search round. */
  static final int BATCH = 16;

  /** Real TWS ends an option snapshot within about 11 s. */
  static final Duration SNAPSHOT_TIMEOUT = Duration.ofSeconds(20);

  private final ContractLookup lookup;
  private final MarketAssumptions market;

  public StrategyResolver(ContractLookup lookup, MarketAssumptions market) {
    this.lookup = lookup;
    this.market = market;
  }

  /** Where a delta is valued: the underlying's mid at the broker's time. */
  private record Valuation(double spot, Instant at) {}

  private record Inputs(ContractLookup.Chain chain, Valuation valuation) {}

  /** Resolves {@code spec} on {@code today} (the exchange date) for an underlying stock or ETF. */
  public CompletableFuture<Strategy> resolve(
      StrategySpec spec, int underlyingConId, LocalDate today, Instant now) {
    boolean byDelta = spec.legs().stream().anyMatch(l -> l.delta().isPresent());
    CompletableFuture<Valuation> valuation =
        byDelta
            ? valuation(spec.underlying(), underlyingConId)
            : CompletableFuture.completedFuture(null);
    return lookup
        .chain(spec.underlying(), "STK", underlyingConId)
        .thenCombine(valuation, Inputs::new)
        .thenCompose(
            in -> {
              ContractLookup.Chain chain = in.chain();
              Valuation v = in.valuation();
              List<CompletableFuture<Leg>> legs = new ArrayList<>();
              for (int i = 0; i < spec.legs().size(); i++) {
                legs.add(leg(spec, i, chain, today, v));
              }
              return CompletableFuture.allOf(legs.toArray(new CompletableFuture<?>[0]))
                  .thenApply(
                      done -> {
                        List<Leg> resolved = legs.stream().map(CompletableFuture::join).toList();
                        distinct(spec, resolved);
                        return new Strategy(
                            spec.strategyId(),
                            spec.type(),
                            spec.underlying(),
                            resolved,
                            spec.quantity(),
                            null,
                            StrategyState.PENDING_ENTRY,
                            now,
                            null);
                      });
            });
  }

  private CompletableFuture<Valuation> valuation(String symbol, int underlyingConId) {
    Contract underlying = Contract.stock(underlyingConId, symbol, "SMART", "USD");
    return lookup
        .brokerTime()
        .thenCombine(
            lookup.snapshots(List.of(underlying), SNAPSHOT_TIMEOUT),
            (at, quotes) -> {
              ContractLookup.Snapshot q = quotes.get(underlying.conId());
              if (q == null || !q.twoSided()) {
                throw new IllegalArgumentException(
                    "legs by delta need a two-sided quote for "
                        + symbol
                        + ", got "
                        + (q == null
                            ? "nothing"
                            : q.failure() != null
                                ? q.failure()
                                : "bid " + q.bid() + " ask " + q.ask()));
              }
              return new Valuation(q.mid(), at);
            });
  }

  private CompletableFuture<Leg> leg(
      StrategySpec spec, int index, ContractLookup.Chain chain, LocalDate today, Valuation v) {
    LegSpec leg = spec.legs().get(index);
    String where = spec.strategyId() + " legs[" + index + "]";
    LocalDate expiry;
    try {
      expiry =
          leg.expiry() != null
              ? listed(where, leg.expiry(), chain)
              : nearest(where, leg.dte().getAsInt(), chain, today);
      if (leg.strike().isPresent()) {
        listedStrike(where, leg.strike().getAsDouble(), chain.strikes());
      }
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    double strike = leg.strike().isPresent() ? leg.strike().getAsDouble() : TwsValues.UNSET_DOUBLE;
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
        .thenCompose(
            found -> {
              List<Contract> standard =
                  found.stream().filter(c -> c.tradingClass().equals(spec.underlying())).toList();
              List<Contract> pick = standard.isEmpty() ? found : standard;
              if (leg.delta().isPresent()) {
                return new DeltaSearch(where, leg, byStrike(where, pick), v)
                    .run()
                    .thenApply(c -> new Leg(c, leg.ratio()));
              }
              if (pick.size() != 1) {
                throw new IllegalArgumentException(
                    where + ": " + pick.size() + " contracts match " + query + ", expected one");
              }
              return CompletableFuture.completedFuture(new Leg(pick.get(0), leg.ratio()));
            });
  }

  private static TreeMap<Double, Contract> byStrike(String where, List<Contract> contracts) {
    TreeMap<Double, Contract> out = new TreeMap<>();
    for (Contract c : contracts) {
      Contract before = out.put(c.strike(), c);
      if (before != null) {
        throw new IllegalArgumentException(
            where + ": two contracts at strike " + c.strike() + ": " + before + " and " + c);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(where + ": no contracts listed for that expiry and right");
    }
    return out;
  }

  /** One leg's search of its expiry's strikes for the target delta. */
  private final class DeltaSearch {
    private final String where;
    private final LegSpec leg;
    private final double target;
    private final TreeMap<Double, Contract> contracts;
    private final Valuation v;
    private final List<Double> window;
    private final Set<Double> asked = new HashSet<>();
    private final List<DeltaChoice.Candidate> usable = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    DeltaSearch(String where, LegSpec leg, TreeMap<Double, Contract> contracts, Valuation v) {
      this.where = where;
      this.leg = leg;
      this.target = leg.delta().getAsDouble();
      this.contracts = contracts;
      this.v = v;
      double years = Expiries.yearFraction(v.at(), contracts.firstEntry().getValue());
      this.window =
          DeltaChoice.window(new TreeSet<>(contracts.keySet()), v.spot(), DeltaChoice.width(years));
    }

    CompletableFuture<Contract> run() {
      return round(DeltaChoice.sample(window, BATCH)).thenApply(done -> choose());
    }

    private CompletableFuture<Void> round(List<Double> strikes) {
      List<Contract> ask = strikes.stream().map(contracts::get).toList();
      asked.addAll(strikes);
      return lookup
          .snapshots(ask, SNAPSHOT_TIMEOUT)
          .thenCompose(
              quotes -> {
                for (Contract c : ask) {
                  value(c, quotes.get(c.conId()));
                }
                List<Double> next =
                    DeltaChoice.between(window, usable, target).stream()
                        .filter(k -> !asked.contains(k))
                        .toList();
                if (usable.isEmpty() || next.isEmpty()) {
                  return CompletableFuture.completedFuture(null);
                }
                return round(DeltaChoice.sample(next, BATCH));
              });
    }

    private void value(Contract c, ContractLookup.Snapshot q) {
      if (q == null || !q.twoSided()) {
        skipped.add(
            c.strike()
                + " ("
                + (q == null ? "no answer" : q.failure() != null ? q.failure() : "one-sided")
                + ")");
        return;
      }
      LegGreeks g = LegAnalytics.of(c, q.mid(), v.spot(), v.at(), market);
      if (!g.usable()) {
        skipped.add(c.strike() + " (" + g.ivStatus() + ")");
        return;
      }
      LOG.debug(
          "{}: strike {} delta {} (IB model {}) at mid {}",
          where,
          c.strike(),
          g.delta(),
          q.modelDelta(),
          q.mid());
      usable.add(new DeltaChoice.Candidate(c.strike(), g.delta()));
    }

    private Contract choose() {
      String what = where + ": " + leg.right() + " " + contracts.firstEntry().getValue().expiry();
      DeltaChoice.Candidate best =
          DeltaChoice.nearest(leg.right(), target, usable)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          what
                              + " target delta "
                              + target
                              + ": no strike within "
                              + window.size()
                              + " listed around spot "
                              + v.spot()
                              + " had a usable quote; asked "
                              + asked.size()
                              + ", skipped e.g. "
                              + skipped.subList(0, Math.min(3, skipped.size()))));
      if (Math.abs(best.delta() - target) > DeltaChoice.MAX_MISS) {
        throw new IllegalArgumentException(
            String.format(
                "%s target delta %.3f: nothing within %.2f; nearest found strike %s at delta %.3f",
                what, target, DeltaChoice.MAX_MISS, best.strike(), best.delta()));
      }
      LOG.info(
          "{} target delta {} -> strike {} at delta {} ({} strikes quoted, spot {} at {})",
          what,
          target,
          best.strike(),
          best.delta(),
          asked.size(),
          v.spot(),
          v.at());
      return contracts.get(best.strike());
    }
  }

  /**
   * Two legs on one contract, one of them chosen by delta, would net out or change the shape (a
   * vertical whose targets land on one strike): refused. Legs given by strike are taken as written.
   */
  private static void distinct(StrategySpec spec, List<Leg> legs) {
    for (int i = 0; i < legs.size(); i++) {
      for (int j = 0; j < i; j++) {
        Contract a = legs.get(j).contract();
        Contract b = legs.get(i).contract();
        boolean chosen =
            spec.legs().get(i).delta().isPresent() || spec.legs().get(j).delta().isPresent();
        if (chosen && a.conId() == b.conId()) {
          throw new IllegalArgumentException(
              String.format(
                  "%s legs[%d] (%s) and legs[%d] (%s) both resolve to %s %s strike %s;"
                      + " they must differ",
                  spec.strategyId(),
                  j,
                  target(spec.legs().get(j)),
                  i,
                  target(spec.legs().get(i)),
                  b.right(),
                  b.expiry(),
                  b.strike()));
        }
      }
    }
  }

  private static String target(LegSpec leg) {
    return leg.delta().isPresent()
        ? "target delta " + leg.delta().getAsDouble()
        : "strike " + leg.strike().getAsDouble();
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
