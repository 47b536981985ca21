package dev.thetaflow.core.broker;

import dev.thetaflow.core.market.MarketDataKind;
import dev.thetaflow.core.market.ModelGreeks;
import dev.thetaflow.core.market.Quote;
import dev.thetaflow.core.order.Fill;
import dev.thetaflow.core.order.OrderStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** One thing the broker said, with the time it was true. */
public sealed interface BrokerEvent {

  /** Event time: the broker's time where the wire carries one, else when it was received. */
  Instant time();

  /** A new top of book. */
  record QuoteEvent(Quote quote, MarketDataKind kind) implements BrokerEvent {
    public QuoteEvent {
      Objects.requireNonNull(quote, "quote");
      Objects.requireNonNull(kind, "kind");
    }

    @Override
    public Instant time() {
      return quote.time();
    }
  }

  /** The broker's option model at a quote. */
  record ModelGreeksEvent(ModelGreeks greeks, MarketDataKind kind) implements BrokerEvent {
    public ModelGreeksEvent {
      Objects.requireNonNull(greeks, "greeks");
      Objects.requireNonNull(kind, "kind");
    }

    @Override
    public Instant time() {
      return greeks.time();
    }
  }

  /**
   * The underlying's next dividend as the broker knows it (IB's tick 59), or that none is expected:
   * the assignment-risk rule compares it with a short call's extrinsic value before the ex-date.
   *
   * @param conId the underlying (a stock or ETF)
   * @param nextAmount the next single dividend per share, &gt; 0; 0 when none is expected
   * @param nextExDate its ex-date; null when none is expected
   */
  record DividendEvent(long conId, double nextAmount, LocalDate nextExDate, Instant time)
      implements BrokerEvent {
    public DividendEvent {
      Objects.requireNonNull(time, "time");
      boolean none = nextExDate == null && nextAmount == 0;
      boolean known = nextExDate != null && nextAmount > 0 && !Double.isInfinite(nextAmount);
      if (!none && !known) {
        throw new IllegalArgumentException(
            "dividend of "
                + conId
                + ": an amount > 0 with its ex-date, or none (0 and no date), were "
                + nextAmount
                + " and "
                + nextExDate);
      }
    }

    /** No dividend is expected. */
    public static DividendEvent none(long conId, Instant time) {
      return new DividendEvent(conId, 0, null, time);
    }

    /** Whether a next dividend is known (else none is expected). */
    public boolean known() {
      return nextExDate != null;
    }
  }

  /**
   * A fill, with its commission.
   *
   * @param fill the fill
   * @param symbol the filled contract's symbol, as the broker reported it
   * @param permId the broker's permanent id of the order
   */
  record FillEvent(Fill fill, String symbol, long permId) implements BrokerEvent {
    public FillEvent {
      Objects.requireNonNull(fill, "fill");
      Objects.requireNonNull(symbol, "symbol");
    }

    @Override
    public Instant time() {
      return fill.time();
    }
  }

  /**
   * An order's state.
   *
   * @param orderId the broker order id
   * @param permId the broker's permanent id (0 until assigned)
   * @param status the state
   * @param filled contracts filled so far
   * @param remaining contracts still working
   * @param averageFillPrice average price of the fills so far, or NaN
   * @param whyHeld the broker's reason when held (e.g. "locate"), or empty
   */
  record OrderStatusEvent(
      long orderId,
      long permId,
      OrderStatus status,
      double filled,
      double remaining,
      double averageFillPrice,
      String whyHeld,
      Instant time)
      implements BrokerEvent {
    public OrderStatusEvent {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(time, "time");
    }
  }

  /**
   * What an order is, as the broker reports it on placement and on every change (IB's openOrder;
   * the master client sees every client's). Its fills and average price come in {@link
   * OrderStatusEvent}s with the same {@code permId}.
   *
   * @param orderId the order's id at the client that placed it
   * @param clientId the client that placed it
   * @param permId the broker's permanent id (0 until assigned)
   * @param orderRef the placing client's reference, empty when none (orders from elsewhere)
   * @param account the account
   * @param action BUY or SELL
   * @param quantity units ordered (combo units for a combo)
   * @param orderType LMT, MKT, …
   * @param limitPrice the limit (net for a combo), NaN when none
   * @param auxPrice the stop price or trailing amount, NaN when none
   * @param tif time in force
   * @param legs the legs as JSON: [{"conId":…,"ratio":…,"action":"BUY"}, …] for a combo, [{"conId":
   *     …,"ratio":1}] for a single contract
   * @param status where it stands
   */
  record OpenOrderEvent(
      long orderId,
      int clientId,
      long permId,
      String orderRef,
      String account,
      String action,
      double quantity,
      String orderType,
      double limitPrice,
      double auxPrice,
      String tif,
      String legs,
      OrderStatus status,
      Instant time)
      implements BrokerEvent {
    public OpenOrderEvent {
      Objects.requireNonNull(orderRef, "orderRef");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(time, "time");
    }
  }

  /**
   * A position as the broker holds it (the full contract comes from contract details downstream).
   *
   * @param account the account
   * @param conId the instrument
   * @param symbol its symbol
   * @param quantity signed contracts or shares, negative short
   * @param averageCost the broker's average cost per unit, multiplier included for options
   */
  record PositionEvent(
      String account, long conId, String symbol, double quantity, double averageCost, Instant time)
      implements BrokerEvent {
    public PositionEvent {
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(time, "time");
    }
  }

  /** One account value (NetLiquidation, BuyingPower, ...), as text the way the broker sends it. */
  record AccountValueEvent(String account, String key, String value, String currency, Instant time)
      implements BrokerEvent {
    public AccountValueEvent {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(time, "time");
    }
  }

  /**
   * The connection to the broker changed state: downstream stops trusting marks while it is not
   * {@code READY}.
   *
   * @param clientId the IB client id of the connection
   * @param state the state's name (READY, RECONNECT_WAIT, ...)
   * @param reason why, in words
   */
  record ConnectionEvent(int clientId, String state, String reason, Instant time)
      implements BrokerEvent {
    public ConnectionEvent {
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(time, "time");
    }
  }
}
