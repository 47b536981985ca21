package dev.thetaflow.ib.mapping;

import dev.thetaflow.core.broker.BrokerEvent;
import dev.thetaflow.core.broker.BrokerEvent.AccountValueEvent;
import dev.thetaflow.core.broker.BrokerEvent.ModelGreeksEvent;
import dev.thetaflow.core.broker.BrokerEvent.OrderStatusEvent;
import dev.thetaflow.core.broker.BrokerEvent.PositionEvent;
import dev.thetaflow.core.broker.BrokerEvent.QuoteEvent;
import dev.thetaflow.core.market.MarketDataKind;
import dev.thetaflow.core.market.ModelGreeks;
import dev.thetaflow.core.market.Quote;
import dev.thetaflow.ib.codec.AccountValue;
import dev.thetaflow.ib.codec.CommissionReport;
import dev.thetaflow.ib.codec.ExecutionDetails;
import dev.thetaflow.ib.codec.IncomingMessage;
import dev.thetaflow.ib.codec.OrderStatus;
import dev.thetaflow.ib.codec.Position;
import dev.thetaflow.ib.codec.TwsValues;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Consumer;

/**
 * Every TWS message a broker event comes from, mapped: market data through the {@link
 * MarketDataBook}, executions through {@link Executions}, order states, positions and account
 * values directly. Messages that are not broker events (contract details, errors, request ends) are
 * left to the caller.
 */
public final class BrokerEvents {
  private final MarketDataBook book = new MarketDataBook();
  private final Executions executions;
  private final Consumer<BrokerEvent> out;
  private Instant receivedAt = Instant.EPOCH;

  private final MarketDataBook.Sink marketData =
      new MarketDataBook.Sink() {
        @Override
        public void quote(Quote quote, MarketDataKind kind) {
          out.accept(new QuoteEvent(quote, kind));
        }

        @Override
        public void modelGreeks(ModelGreeks greeks, MarketDataKind kind) {
          out.accept(new ModelGreeksEvent(greeks, kind));
        }
      };

  /**
   * @param gatewayZone the zone of broker times that carry none
   * @param out where events go
   */
  public BrokerEvents(ZoneId gatewayZone, Consumer<BrokerEvent> out) {
    this.out = out;
    this.executions = new Executions(gatewayZone, out::accept);
  }

  /** The market-data book, to track and untrack requests. */
  public MarketDataBook book() {
    return book;
  }

  /** The execution join, for its counters. */
  public Executions executions() {
    return executions;
  }

  /** Maps {@code message}; returns whether it was a broker event's source. */
  public boolean apply(IncomingMessage message, Instant received) {
    this.receivedAt = received;
    if (book.apply(message, received, marketData)) {
      return true;
    } else if (message instanceof ExecutionDetails e) {
      executions.onExecution(e);
    } else if (message instanceof CommissionReport c) {
      executions.onCommission(c);
    } else if (message instanceof OrderStatus s) {
      out.accept(
          new OrderStatusEvent(
              s.orderId(),
              s.permId(),
              OrderStatuses.of(s.status(), s.filled(), s.remaining()),
              s.filled(),
              s.remaining(),
              TwsValues.isSet(s.avgFillPrice()) && s.filled() > 0 ? s.avgFillPrice() : Double.NaN,
              s.whyHeld() == null ? "" : s.whyHeld(),
              receivedAt));
    } else if (message instanceof Position p) {
      out.accept(
          new PositionEvent(
              p.account(),
              p.contract().conId(),
              p.contract().symbol(),
              p.position(),
              p.avgCost(),
              receivedAt));
    } else if (message instanceof AccountValue a) {
      out.accept(
          new AccountValueEvent(a.accountName(), a.key(), a.value(), a.currency(), receivedAt));
    } else {
      return false;
    }
    return true;
  }
}
