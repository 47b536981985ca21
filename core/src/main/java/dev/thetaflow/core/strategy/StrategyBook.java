package dev.thetaflow.core.strategy;

import dev.thetaflow.core.instrument.Leg;
import dev.thetaflow.core.market.Quote;
import dev.thetaflow.core.order.Fill;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One strategy's books, as its keyed operator keeps them: what each leg holds from the fills
 * attributed to the strategy, the average price and realized P&amp;L per leg (average-cost method),
 * commissions, and the latest sane mark per leg. Marks are mids of two-sided, uncrossed quotes no
 * wider than a limit; a quote that fails is kept out, and a mark older than the staleness limit
 * makes the unrealized P&amp;L unknown (NaN), never a number from a dead quote.
 *
 * <p>Money is per the contract's multiplier: P&amp;L of one short call sold at 2.10 and marked at
 * 1.60 with multiplier 100 is +50.
 */
public final class StrategyBook {

  /** One leg's holdings and mark. */
  private static final class LegBook {
    final long conId;
    final double multiplier;
    long position; // signed contracts
    double averagePrice = Double.NaN;
    double realized;
    double mark = Double.NaN;
    Instant markedAt;
    // markedAt + the staleness limit as plain numbers, so freshness reads no other object; never
    // marked: stale at any time
    long staleAfterSecond = Long.MIN_VALUE;
    int staleAfterNano;
    LegSnapshot snapshot; // these books as a value, null after a change

    LegBook(Leg leg) {
      this.conId = leg.contract().conId();
      this.multiplier = leg.contract().multiplier();
    }
  }

  // In the strategy's leg order, one per instrument. A strategy has a handful of legs: a scan
  // beats a hash map, and each mark (several per strategy per second) looks one up.
  private final LegBook[] legs;
  private final long[] conIds; // legs[i]'s, side by side: a lookup reads one array
  private final double maxRelativeSpread;
  private final Duration maxMarkAge;
  private double commissions;
  private long rejectedQuotes;
  private List<LegSnapshot> snapshots; // every leg's snapshot, null after any change

  /**
   * @param legs the strategy's legs
   * @param maxRelativeSpread a quote wider than this share of its mid is not a mark (e.g. 0.5)
   * @param maxMarkAge a mark older than this is stale
   */
  public StrategyBook(List<Leg> legs, double maxRelativeSpread, Duration maxMarkAge) {
    List<LegBook> books = new ArrayList<>(legs.size());
    for (Leg leg : legs) {
      long conId = leg.contract().conId();
      if (books.stream().noneMatch(b -> b.conId == conId)) {
        books.add(new LegBook(leg));
      }
    }
    this.legs = books.toArray(new LegBook[0]);
    this.conIds = new long[this.legs.length];
    for (int i = 0; i < this.legs.length; i++) {
      this.conIds[i] = this.legs[i].conId;
    }
    this.maxRelativeSpread = maxRelativeSpread;
    this.maxMarkAge = maxMarkAge;
  }

  private LegBook find(long conId) {
    for (int i = 0; i < conIds.length; i++) {
      if (conIds[i] == conId) {
        return legs[i];
      }
    }
    return null;
  }

  private void changed(LegBook book) {
    book.snapshot = null;
    snapshots = null;
  }

  /**
   * Books a fill of one of the legs; a fill of another instrument is an error naming it, since an
   * orderRef attributed it to this strategy.
   */
  public void applyFill(Fill fill) {
    LegBook book = find(fill.conId());
    if (book == null) {
      throw new IllegalArgumentException(
          "fill " + fill.execId() + ": conId " + fill.conId() + " is not a leg of this strategy");
    }
    long signed = fill.side().sign() * fill.quantity();
    double price = fill.price().doubleValue();
    long before = book.position;
    if (before == 0 || Long.signum(before) == Long.signum(signed)) {
      // opening or adding: the average moves
      double cost = before == 0 ? 0 : book.averagePrice * before;
      book.position = before + signed;
      book.averagePrice = (cost + price * signed) / book.position;
    } else {
      // reducing (and perhaps flipping): realize against the average
      long closing = Math.min(Math.abs(signed), Math.abs(before)) * Long.signum(before);
      book.realized += (price - book.averagePrice) * closing * book.multiplier;
      book.position = before + signed;
      if (book.position == 0) {
        book.averagePrice = Double.NaN;
      } else if (Long.signum(book.position) != Long.signum(before)) {
        book.averagePrice = price; // flipped: the rest opened at this fill's price
      }
    }
    if (fill.commission() != null) {
      commissions += fill.commission().amount().doubleValue();
    }
    changed(book);
  }

  /** Takes a quote of a leg as its mark if it is sane; returns whether it did. */
  public boolean mark(Quote quote) {
    LegBook book = find(quote.conId());
    if (book == null) {
      return false;
    }
    if (!sane(quote, maxRelativeSpread)) {
      rejectedQuotes++;
      return false;
    }
    book.mark = quote.mid();
    setMarkedAt(book, quote.time());
    changed(book);
    return true;
  }

  /**
   * Whether a leg's quote is a market to mark at: two-sided, not crossed, and no wider than {@code
   * maxRelativeSpread} of its mid (of a cent, for options quoted near zero).
   */
  public static boolean sane(Quote quote, double maxRelativeSpread) {
    return quote.isTwoSided()
        && quote.ask() >= quote.bid()
        && quote.bid() >= 0
        && quote.spread() <= maxRelativeSpread * Math.max(quote.mid(), 0.01);
  }

  /** Contracts held of a leg, signed. */
  public long position(long conId) {
    LegBook book = find(conId);
    return book == null ? 0 : book.position;
  }

  /** Average price of a leg's position, NaN when flat. */
  public double averagePrice(long conId) {
    LegBook book = find(conId);
    return book == null ? Double.NaN : book.averagePrice;
  }

  /** Realized P&amp;L of the strategy, before commissions. */
  public double realizedPnl() {
    double sum = 0;
    for (LegBook b : legs) {
      sum += b.realized;
    }
    return sum;
  }

  /** Commissions paid, positive. */
  public double commissions() {
    return commissions;
  }

  /** Whether every held leg has a mark no older than the limit at {@code now}. */
  public boolean marksFresh(Instant now) {
    for (LegBook b : legs) {
      if (b.position != 0
          && (now.getEpochSecond() > b.staleAfterSecond
              || (now.getEpochSecond() == b.staleAfterSecond
                  && now.getNano() > b.staleAfterNano))) {
        return false;
      }
    }
    return true;
  }

  /** Unrealized P&amp;L at the marks, NaN when a held leg's mark is missing or stale. */
  public double unrealizedPnl(Instant now) {
    if (!marksFresh(now)) {
      return Double.NaN;
    }
    double sum = 0;
    for (LegBook b : legs) {
      if (b.position != 0) {
        sum += (b.mark - b.averagePrice) * b.position * b.multiplier;
      }
    }
    return sum;
  }

  /** Whether nothing is held any more. */
  public boolean flat() {
    for (LegBook b : legs) {
      if (b.position != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * One leg's books as plain values, for a state snapshot.
   *
   * @param conId the leg
   * @param position signed contracts held
   * @param averagePrice average price of the position, NaN when flat
   * @param realized realized P&amp;L of the leg
   * @param mark the last sane mid, NaN when none
   * @param markedAt when it was marked, null when never
   */
  public record LegSnapshot(
      long conId,
      long position,
      double averagePrice,
      double realized,
      double mark,
      Instant markedAt) {}

  /**
   * Every leg's books, in the strategy's leg order (one per instrument). The list is immutable and
   * the same object until the books change, so a snapshot per mark costs the one leg that moved.
   */
  public List<LegSnapshot> legSnapshots() {
    if (snapshots == null) {
      LegSnapshot[] all = new LegSnapshot[legs.length];
      for (int i = 0; i < legs.length; i++) {
        LegBook b = legs[i];
        if (b.snapshot == null) {
          b.snapshot =
              new LegSnapshot(b.conId, b.position, b.averagePrice, b.realized, b.mark, b.markedAt);
        }
        all[i] = b.snapshot;
      }
      snapshots = List.of(all);
    }
    return snapshots;
  }

  private void setMarkedAt(LegBook b, Instant at) {
    b.markedAt = at;
    if (at == null) {
      b.staleAfterSecond = Long.MIN_VALUE;
      b.staleAfterNano = 0;
      return;
    }
    Instant staleAfter;
    try {
      staleAfter = at.plus(maxMarkAge);
    } catch (ArithmeticException | java.time.DateTimeException e) {
      staleAfter = Instant.MAX; // a limit beyond the calendar: never stale
    }
    b.staleAfterSecond = staleAfter.getEpochSecond();
    b.staleAfterNano = staleAfter.getNano();
  }

  /** Puts back a leg's books from a snapshot (a restore); the leg must be one of the strategy's. */
  public void restore(LegSnapshot snapshot) {
    LegBook b = find(snapshot.conId());
    if (b == null) {
      throw new IllegalArgumentException(
          "conId " + snapshot.conId() + " is not a leg of this strategy");
    }
    b.position = snapshot.position();
    b.averagePrice = snapshot.averagePrice();
    b.realized = snapshot.realized();
    b.mark = snapshot.mark();
    setMarkedAt(b, snapshot.markedAt());
    changed(b);
  }

  /** Puts back the commissions paid (a restore). */
  public void restoreCommissions(double paid) {
    commissions = paid;
  }

  /** Quotes kept out of the marks (one-sided, crossed, too wide). */
  public long rejectedQuotes() {
    return rejectedQuotes;
  }
}
