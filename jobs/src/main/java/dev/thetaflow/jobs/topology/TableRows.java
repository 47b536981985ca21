package dev.thetaflow.jobs.topology;

import dev.thetaflow.core.broker.BrokerEvent.AccountValueEvent;
import dev.thetaflow.core.broker.BrokerEvent.PositionEvent;
import dev.thetaflow.sinks.delta.RowConverter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What the job's rows share (the exchange date that partitions them, NaN as null), and the rows of
 * the tables that take broker events as they come: {@code positions} and {@code account}.
 */
final class TableRows {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private TableRows() {}

  /** The trade_date partition of an event: its exchange date in New York. */
  static LocalDate tradeDate(Instant time) {
    return time.atZone(NEW_YORK).toLocalDate();
  }

  /** A number, or null for NaN or an unbounded value: tables hold neither. */
  static Double number(double value) {
    return Double.isFinite(value) ? value : null;
  }

  /** A broker position report as a row of {@code positions} (no strategy: the broker's view). */
  static final class Positions implements RowConverter<PositionEvent> {
    private static final long serialVersionUID = 1L;
    private final String jobId;

    Positions(String jobId) {
      this.jobId = jobId;
    }

    @Override
    public Object[] toRow(PositionEvent p) {
      return new Object[] {
        tradeDate(p.time()),
        p.time(),
        jobId,
        null,
        p.account(),
        (int) p.conId(),
        p.symbol() == null ? "" : p.symbol(),
        null,
        Math.round(p.quantity()),
        p.averageCost(),
        null,
        null,
        null
      };
    }
  }

  /** One account value as a row of {@code account}. */
  static final class Account implements RowConverter<AccountValueEvent> {
    private static final long serialVersionUID = 1L;
    private final String jobId;

    Account(String jobId) {
      this.jobId = jobId;
    }

    @Override
    public Object[] toRow(AccountValueEvent a) {
      return new Object[] {
        tradeDate(a.time()),
        a.time(),
        jobId,
        null,
        a.account() == null ? "" : a.account(),
        a.key(),
        a.value() == null ? "" : a.value(),
        a.currency() == null || a.currency().isEmpty() ? null : a.currency()
      };
    }
  }
}
