package dev.thetaflow.ib.mapping;

import dev.thetaflow.core.broker.BrokerEvent.DividendEvent;
import dev.thetaflow.core.market.MarketDataKind;
import dev.thetaflow.core.market.ModelGreeks;
import dev.thetaflow.core.market.ModelTickSource;
import dev.thetaflow.core.market.Quote;
import dev.thetaflow.ib.codec.IncomingMessage;
import dev.thetaflow.ib.codec.MarketDataType;
import dev.thetaflow.ib.codec.TickOptionComputation;
import dev.thetaflow.ib.codec.TickPrice;
import dev.thetaflow.ib.codec.TickSize;
import dev.thetaflow.ib.codec.TickString;
import dev.thetaflow.ib.codec.TwsValues;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The top of book of every streamed instrument, assembled from TWS ticks: each market-data request
 * id is tracked with the instrument it asked for, price and size ticks update that instrument's
 * book, and every change comes out as a whole {@link Quote}; option computation ticks come out as
 * {@link ModelGreeks}; IB's dividend tick (59) comes out as a {@link DividendEvent}. TWS sends no
 * time with a tick, so quotes carry the time they were received (processing time, as DESIGN allows
 * where the wire gives none).
 *
 * <p>Not thread-safe: one connection's reader thread owns it.
 */
public final class MarketDataBook {
  private static final Logger LOG = LoggerFactory.getLogger(MarketDataBook.class);

  /** Where assembled market data goes. */
  public interface Sink {
    void quote(Quote quote, MarketDataKind kind);

    void modelGreeks(ModelGreeks greeks, MarketDataKind kind);

    /** The underlying's next dividend, or that none is expected (rare: once per subscription). */
    default void dividend(DividendEvent dividend) {}
  }

  // TWS tick types (EWrapper reference): live 0-5, delayed 66-71
  private static final int BID_SIZE = 0;
  private static final int BID = 1;
  private static final int ASK = 2;
  private static final int ASK_SIZE = 3;
  private static final int LAST = 4;
  private static final int LAST_SIZE = 5;

  /** One instrument's book, mutable. */
  private static final class Book {
    final long conId;
    double bid = Double.NaN;
    double ask = Double.NaN;
    double last = Double.NaN;
    long bidSize;
    long askSize;
    long lastSize;
    MarketDataKind kind = MarketDataKind.REAL_TIME;

    Book(long conId) {
      this.conId = conId;
    }

    Quote quote(Instant time) {
      return new Quote(conId, bid, ask, last, bidSize, askSize, lastSize, time);
    }
  }

  private final Map<Integer, Book> byRequest = new HashMap<>();
  private long untracked;
  private long badDividends;

  /** Ticks for {@code reqId} are about {@code conId} from now on. */
  public void track(int reqId, long conId) {
    if (conId <= 0) {
      throw new IllegalArgumentException("request " + reqId + ": conId must be > 0, was " + conId);
    }
    byRequest.put(reqId, new Book(conId));
  }

  /** The request was cancelled: its ticks are ignored from now on. */
  public void untrack(int reqId) {
    byRequest.remove(reqId);
  }

  /** Ticks that named a request this book does not track (late ticks after a cancel, say). */
  public long untrackedTicks() {
    return untracked;
  }

  /** Dividend ticks that could not be read (logged and dropped). */
  public long badDividends() {
    return badDividends;
  }

  /** The current quote of a tracked request, or null. */
  public Quote current(int reqId, Instant time) {
    Book book = byRequest.get(reqId);
    return book == null ? null : book.quote(time);
  }

  /**
   * Applies one message; market data of a tracked request updates its book and goes to {@code
   * sink}. Other messages are ignored. Returns whether the message was market data of a tracked
   * request.
   */
  public boolean apply(IncomingMessage message, Instant receivedAt, Sink sink) {
    if (message instanceof TickPrice p) {
      Book book = book(p.tickerId());
      if (book == null) {
        return false;
      }
      int type = live(p.tickType(), book);
      boolean changed = price(book, type, p.price());
      if (TwsValues.isSet(p.size()) && p.size() >= 0) {
        // TWS sends the size with the price; the official client splits it into a size tick
        changed |= size(book, type + sizeOffset(type), p.size());
      }
      if (changed) {
        sink.quote(book.quote(receivedAt), book.kind);
      }
      return true;
    } else if (message instanceof TickSize s) {
      Book book = book(s.tickerId());
      if (book == null) {
        return false;
      }
      if (size(book, live(s.tickType(), book), s.size())) {
        sink.quote(book.quote(receivedAt), book.kind);
      }
      return true;
    } else if (message instanceof TickOptionComputation c) {
      Book book = book(c.tickerId());
      if (book == null) {
        return false;
      }
      ModelTickSource source = modelSource(c.tickType());
      if (source != null) {
        if (c.tickType() >= 80) {
          book.kind = delayedKind(book.kind);
        }
        sink.modelGreeks(
            new ModelGreeks(
                book.conId,
                source,
                nanIfUnset(c.impliedVol()),
                nanIfUnset(c.delta()),
                nanIfUnset(c.gamma()),
                nanIfUnset(c.vega()),
                nanIfUnset(c.theta()),
                nanIfUnset(c.optPrice()),
                nanIfUnset(c.undPrice()),
                receivedAt),
            book.kind);
      }
      return true;
    } else if (message instanceof TickString t) {
      Book book = book(t.tickerId());
      if (book == null) {
        return false;
      }
      if (t.tickType() == Dividends.TICK_TYPE) {
        try {
          sink.dividend(Dividends.parse(book.conId, t.value(), receivedAt));
        } catch (IllegalArgumentException e) {
          // one bad tick loses this dividend only; the rule keeps the last one it knew
          badDividends++;
          LOG.error("conId {}: dividend tick dropped: {}", book.conId, e.getMessage());
        }
      }
      return true;
    } else if (message instanceof MarketDataType t) {
      Book book = book(t.reqId());
      if (book == null) {
        return false;
      }
      book.kind = kindOf(t.marketDataType());
      return true;
    }
    return false;
  }

  private Book book(int reqId) {
    Book book = byRequest.get(reqId);
    if (book == null) {
      untracked++;
    }
    return book;
  }

  /** The live tick type of a delayed one (66-71), marking the book delayed. */
  private static int live(int tickType, Book book) {
    if (tickType >= 66 && tickType <= 71) {
      book.kind = delayedKind(book.kind);
      return switch (tickType) {
        case 66 -> BID;
        case 67 -> ASK;
        case 68 -> LAST;
        case 69 -> BID_SIZE;
        case 70 -> ASK_SIZE;
        default -> LAST_SIZE;
      };
    }
    return tickType;
  }

  /** TWS marketDataType 1-4. */
  private static MarketDataKind kindOf(int marketDataType) {
    return switch (marketDataType) {
      case 2 -> MarketDataKind.FROZEN;
      case 3 -> MarketDataKind.DELAYED;
      case 4 -> MarketDataKind.DELAYED_FROZEN;
      default -> MarketDataKind.REAL_TIME;
    };
  }

  private static MarketDataKind delayedKind(MarketDataKind kind) {
    return kind == MarketDataKind.FROZEN || kind == MarketDataKind.DELAYED_FROZEN
        ? MarketDataKind.DELAYED_FROZEN
        : MarketDataKind.DELAYED;
  }

  /** From a price tick type to its size tick type: bid 1 → 0, ask 2 → 3, last 4 → 5. */
  private static int sizeOffset(int priceType) {
    return switch (priceType) {
      case BID -> BID_SIZE - BID;
      case ASK -> ASK_SIZE - ASK;
      case LAST -> LAST_SIZE - LAST;
      default -> Integer.MIN_VALUE / 2; // no size for other prices: lands on no size type
    };
  }

  private static boolean price(Book book, int type, double raw) {
    // -1 (or unset) is TWS's "no price": no bid, no ask, never traded. 0 is a real price.
    double price = !TwsValues.isSet(raw) || raw == -1.0 ? Double.NaN : raw;
    switch (type) {
      case BID -> {
        boolean changed = !same(book.bid, price);
        book.bid = price;
        return changed;
      }
      case ASK -> {
        boolean changed = !same(book.ask, price);
        book.ask = price;
        return changed;
      }
      case LAST -> {
        boolean changed = !same(book.last, price);
        book.last = price;
        return changed;
      }
      default -> {
        return false; // high, low, close, open...: not part of the top of book
      }
    }
  }

  private static boolean size(Book book, int type, double raw) {
    if (!TwsValues.isSet(raw) || raw < 0 || Double.isNaN(raw)) {
      return false;
    }
    long size = (long) Math.floor(raw); // decimal sizes (fractional shares) round down
    switch (type) {
      case BID_SIZE -> {
        boolean changed = book.bidSize != size;
        book.bidSize = size;
        return changed;
      }
      case ASK_SIZE -> {
        boolean changed = book.askSize != size;
        book.askSize = size;
        return changed;
      }
      case LAST_SIZE -> {
        boolean changed = book.lastSize != size;
        book.lastSize = size;
        return changed;
      }
      default -> {
        return false; // volume, open interest...: not part of the top of book
      }
    }
  }

  private static boolean same(double a, double b) {
    return Double.compare(a, b) == 0; // NaN equals NaN here: "still no price" is no change
  }

  private static ModelTickSource modelSource(int tickType) {
    return switch (tickType) {
      case 10, 80 -> ModelTickSource.BID;
      case 11, 81 -> ModelTickSource.ASK;
      case 12, 82 -> ModelTickSource.LAST;
      case 13, 83 -> ModelTickSource.MODEL;
      case 53 -> ModelTickSource.CUSTOM;
      default -> null;
    };
  }

  private static double nanIfUnset(double value) {
    return TwsValues.isSet(value) ? value : Double.NaN;
  }
}
