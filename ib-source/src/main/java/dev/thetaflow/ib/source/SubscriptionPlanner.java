package dev.thetaflow.ib.source;

import dev.thetaflow.ib.mapping.Dividends;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which instruments get one of IB's market-data lines (100 by default) and which are polled with
 * snapshots. Underlyings and VIX always stream. Option legs are ranked by risk: short before long,
 * then nearer expiry, then nearer the money; the best fill the lines left after a reserve for
 * snapshots in flight. The rest are polled in rotation, oldest snapshot first, so every polled
 * instrument's staleness stays bounded by (polled ÷ snapshots per cycle) × cycle.
 *
 * <p>Pure bookkeeping: the source sends the requests it asks for and reports snapshots back.
 */
public final class SubscriptionPlanner {

  /** Why an instrument is wanted. */
  public enum Role {
    UNDERLYING,
    VIX,
    LEG,
    CHAIN
  }

  /**
   * An instrument the job wants prices for.
   *
   * @param conId the instrument
   * @param role why it is wanted
   * @param shortPosition a leg we are short (assignment and gamma risk live there)
   * @param expiry the option's expiry, or null
   * @param moneyness |ln(strike / spot)|, or NaN when unknown (ranked last among equals)
   */
  public record Candidate(
      long conId, Role role, boolean shortPosition, LocalDate expiry, double moneyness) {}

  /** What to stream and what to poll, in priority order. */
  public record Plan(List<Long> streamed, List<Long> polled) {}

  private static final Comparator<Candidate> RISK_FIRST =
      Comparator.comparingInt((Candidate c) -> c.role().ordinal() <= Role.VIX.ordinal() ? 0 : 1)
          .thenComparing(c -> c.role() == Role.LEG ? 0 : 1)
          .thenComparing(c -> c.shortPosition() ? 0 : 1)
          .thenComparing(c -> c.expiry() == null ? LocalDate.MAX : c.expiry())
          .thenComparingDouble(c -> Double.isNaN(c.moneyness()) ? Double.MAX_VALUE : c.moneyness())
          .thenComparingLong(Candidate::conId); // a total order: the same wants, the same plan

  private final int lines;
  private final int snapshotReserve;
  private final Map<Long, Instant> lastSnapshot = new HashMap<>();
  private final Map<Long, Instant> polledSince = new HashMap<>();
  private Plan plan = new Plan(List.of(), List.of());

  /**
   * @param lines market-data lines the account has (IB's default is 100)
   * @param snapshotReserve lines kept free for snapshots in flight (each counts while it runs)
   */
  public SubscriptionPlanner(int lines, int snapshotReserve) {
    if (lines < 1 || snapshotReserve < 0 || snapshotReserve >= lines) {
      throw new IllegalArgumentException(
          "market-data lines must be >= 1 with a snapshot reserve below them, were "
              + lines
              + " and "
              + snapshotReserve);
    }
    this.lines = lines;
    this.snapshotReserve = snapshotReserve;
  }

  /**
   * Plans for {@code wanted}. Underlyings and VIX stream even beyond the budget would allow
   * (without them nothing can be priced); an error says so when they alone exceed it.
   */
  public Plan plan(List<Candidate> wanted, Instant now) {
    List<Candidate> ranked = new ArrayList<>(new LinkedHashSet<>(wanted));
    ranked.sort(RISK_FIRST);
    int budget = lines - snapshotReserve;
    List<Long> streamed = new ArrayList<>();
    List<Long> polled = new ArrayList<>();
    for (Candidate c : ranked) {
      boolean essential = c.role() == Role.UNDERLYING || c.role() == Role.VIX;
      if (essential && streamed.size() >= budget) {
        throw new IllegalStateException(
            "the underlyings and VIX alone need more than the "
                + budget
                + " streaming lines left after "
                + snapshotReserve
                + " for snapshots; raise the market-data lines or stream fewer underlyings");
      }
      if (streamed.size() < budget && c.role() != Role.CHAIN) {
        streamed.add(c.conId());
      } else {
        polled.add(c.conId());
      }
    }
    Set<Long> keep = new LinkedHashSet<>(polled);
    lastSnapshot.keySet().retainAll(keep);
    polledSince.keySet().retainAll(keep);
    for (long id : polled) {
      polledSince.putIfAbsent(id, now);
    }
    plan = new Plan(List.copyOf(streamed), List.copyOf(polled));
    return plan;
  }

  /**
   * The generic ticks a streamed instrument asks for: IB's dividends (456 → tick 59) for a stock or
   * ETF underlying, where a short call's early assignment depends on them; nothing for options,
   * indices (VIX pays none) or snapshots (a generic tick list with a snapshot is IB error 414).
   *
   * @param secType the instrument's IB security type (STK, IND, OPT, ...)
   */
  public static String genericTicks(Role role, String secType) {
    return role == Role.UNDERLYING && "STK".equals(secType) ? Dividends.GENERIC_TICK : "";
  }

  /** The current plan. */
  public Plan current() {
    return plan;
  }

  /** A snapshot of {@code conId} completed at {@code time}. */
  public void snapshotDone(long conId, Instant time) {
    if (plan.polled().contains(conId)) {
      lastSnapshot.put(conId, time);
    }
  }

  /**
   * The polled instruments to snapshot next, at most {@code count} (the reserve and IB's pacing
   * bound it): never-polled first, then the oldest snapshot.
   */
  public List<Long> nextSnapshots(int count) {
    List<Long> order = new ArrayList<>(plan.polled());
    order.sort(Comparator.comparing(id -> lastSnapshot.getOrDefault(id, Instant.MIN)));
    return List.copyOf(order.subList(0, Math.min(Math.min(count, snapshotReserve), order.size())));
  }

  /**
   * The stalest polled instrument's age, for the metric: since its last snapshot, or since it was
   * first polled when none has come yet. Zero when nothing is polled.
   */
  public Duration worstStaleness(Instant now) {
    Duration worst = Duration.ZERO;
    for (long id : plan.polled()) {
      Instant since = lastSnapshot.getOrDefault(id, polledSince.get(id));
      Duration age = Duration.between(since, now);
      if (age.compareTo(worst) > 0) {
        worst = age;
      }
    }
    return worst;
  }
}
