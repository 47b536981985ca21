package dev.thetaflow.ib.mapping;

import dev.thetaflow.core.broker.BrokerEvent;
import dev.thetaflow.core.broker.BrokerEvent.AccountValueEvent;
import dev.thetaflow.core.broker.BrokerEvent.DividendEvent;
import dev.thetaflow.core.broker.BrokerEvent.ModelGreeksEvent;
import dev.thetaflow.core.broker.BrokerEvent.OpenOrderEvent;
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
import dev.thetaflow.ib.codec.OpenOrder;
import dev.thetaflow.ib.codec.OrderStatus;
import dev.thetaflow.ib.codec.Position;
import dev.thetaflow.ib.codec.TwsComboLeg;
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

        @Override
        public void dividend(DividendEvent dividend) {
          out.accept(dividend);
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
    } else if (message instanceof OpenOrder o && !o.whatIf()) {
      out.accept(openOrder(o));
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

  private OpenOrderEvent openOrder(OpenOrder o) {
    StringBuilder legs = new StringBuilder("[");
    if (o.contract().comboLegs().isEmpty()) {
      legs.append("{\"conId\":").append(o.contract().conId()).append(",\"ratio\":1}");
    } else {
      for (TwsComboLeg leg : o.contract().comboLegs()) {
        if (legs.length() > 1) {
          legs.append(',');
        }
        legs.append("{\"conId\":")
            .append(leg.conId())
            .append(",\"ratio\":")
            .append(leg.ratio())
            .append(",\"action\":\"")
            .append(leg.action())
            .append("\"}");
      }
    }
    legs.append(']');
    double filledGuess = "Filled".equals(o.state().status()) ? o.totalQuantity() : 0;
    return new OpenOrderEvent(
        o.orderId(),
        o.clientId(),
        o.permId(),
        o.orderRef() == null ? "" : o.orderRef(),
        o.account(),
        o.action(),
        o.totalQuantity(),
        o.orderType(),
        TwsValues.isSet(o.lmtPrice()) ? o.lmtPrice() : Double.NaN,
        TwsValues.isSet(o.auxPrice()) ? o.auxPrice() : Double.NaN,
        o.tif(),
        legs.toString(),
        OrderStatuses.of(o.state().status(), filledGuess, o.totalQuantity() - filledGuess),
        receivedAt);
  }
}
