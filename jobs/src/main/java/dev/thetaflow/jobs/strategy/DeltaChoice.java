package dev.thetaflow.jobs.strategy;

import dev.thetaflow.core.analytics.OptionType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * Choosing a listed strike by target delta, as pure functions of strikes and their deltas. Delta
 * falls as the strike rises for calls (1 to 0) and puts (0 to −1) alike, so the strikes whose
 * deltas straddle the target bound where the answer is, and a chain can be searched by sampling it
 * and narrowing instead of quoting every strike.
 */
final class DeltaChoice {
  /** A chosen strike further than this from the target delta is refused, not traded. */
  static final double MAX_MISS = 0.10;

  /** Deltas this close are equal: they come out of a numeric volatility solve. */
  static final double TIE = 1e-6;

  private DeltaChoice() {}

  /** A listed strike and our delta there. */
  record Candidate(double strike, double delta) {}

  /**
   * The candidate whose delta is nearest {@code target}; on a tie the further out of the money (the
   * lower strike for a put, the higher for a call), the cheaper leg to be wrong with. Empty when
   * there are no candidates.
   */
  static Optional<Candidate> nearest(OptionType right, double target, List<Candidate> candidates) {
    Candidate best = null;
    for (Candidate c : candidates) {
      if (best == null) {
        best = c;
        continue;
      }
      double d = Math.abs(c.delta() - target);
      double b = Math.abs(best.delta() - target);
      boolean furtherOut =
          right == OptionType.PUT ? c.strike() < best.strike() : c.strike() > best.strike();
      if (d < b - TIE || (Math.abs(d - b) <= TIE && furtherOut)) {
        best = c;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Listed strikes within {@code spot × [1 − width, 1 + width]}, ascending. */
  static List<Double> window(SortedSet<Double> listed, double spot, double width) {
    return List.copyOf(listed.subSet(spot * (1 - width), Math.nextUp(spot * (1 + width))));
  }

  /**
   * The window's half-width for an expiry {@code years} away: three standard deviations of a
   * 50%-volatility underlying, at least 5% and at most 50% of spot. Wide on purpose; the search
   * samples it rather than quoting it whole.
   */
  static double width(double years) {
    return Math.min(0.5, Math.max(0.05, 3 * 0.5 * Math.sqrt(Math.max(years, 0))));
  }

  /**
   * At most {@code n} (≥ 2) strikes evenly spread over {@code strikes} by index, the first and last
   * included.
   */
  static List<Double> sample(List<Double> strikes, int n) {
    if (n < 2) {
      throw new IllegalArgumentException("a sample needs at least 2 strikes, was " + n);
    }
    if (strikes.size() <= n) {
      return List.copyOf(strikes);
    }
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int index = (int) Math.round(i * (strikes.size() - 1) / (double) (n - 1));
      if (out.isEmpty() || !out.get(out.size() - 1).equals(strikes.get(index))) {
        out.add(strikes.get(index));
      }
    }
    return out;
  }

  /**
   * The strikes of {@code window} still worth quoting: those strictly between the highest evaluated
   * strike with delta at or above {@code target} and the lowest with delta at or below it (either
   * order), not evaluated yet. Where no evaluated delta lies on one side, the window's end bounds
   * it; a strike exactly on the target leaves nothing to search.
   */
  static List<Double> between(List<Double> window, List<Candidate> evaluated, double target) {
    double low = Double.NEGATIVE_INFINITY;
    double high = Double.POSITIVE_INFINITY;
    for (Candidate c : evaluated) {
      if (c.delta() >= target) {
        low = Math.max(low, c.strike());
      }
      if (c.delta() <= target) {
        high = Math.min(high, c.strike());
      }
    }
    // quote noise can make neighbouring deltas non-monotone: then the answer lies between the two
    double from = Math.min(low, high);
    double to = Math.max(low, high);
    List<Double> done = evaluated.stream().map(Candidate::strike).toList();
    List<Double> out = new ArrayList<>();
    for (double k : window) {
      if (k > from && k < to && !done.contains(k)) {
        out.add(k);
      }
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }
}
