package dev.thetaflow.ib.mapping;

import dev.thetaflow.core.broker.BrokerEvent.DividendEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * IB's dividend tick (generic tick 456, tick type 59): a tickString of four comma-separated fields,
 * {@code past12,next12,nextDate,nextAmount}, e.g. {@code 0.83,0.92,20130219,0.23} (the sums of the
 * dividends over the past and next 12 months, the next ex-date and the next single amount). Only
 * the next date and amount are read; empty ones mean no dividend is expected.
 */
public final class Dividends {
  /** The received tick type of IB dividends. */
  public static final int TICK_TYPE = 59;

  /** The generic tick that asks for it in reqMktData. */
  public static final String GENERIC_TICK = "456";

  private Dividends() {}

  /**
   * The dividend {@code value} says for {@code conId}.
   *
   * @throws IllegalArgumentException when the value is not four fields, the date is not yyyyMMdd,
   *     or the amount is not a number &gt; 0 with a date (or 0/empty without one)
   */
  public static DividendEvent parse(long conId, String value, Instant time) {
    if (value == null) {
      throw new IllegalArgumentException("IB dividends tick: no value");
    }
    String[] fields = value.split(",", -1);
    if (fields.length != 4) {
      throw new IllegalArgumentException(
          "IB dividends tick '"
              + value
              + "': expected past12,next12,nextDate,nextAmount, got "
              + fields.length
              + " field(s)");
    }
    String date = fields[2].trim();
    String amountText = fields[3].trim();
    double amount;
    try {
      amount = amountText.isEmpty() ? 0 : Double.parseDouble(amountText);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "IB dividends tick '" + value + "': next amount '" + amountText + "' is not a number");
    }
    if (date.isEmpty()) {
      if (amount != 0) {
        throw new IllegalArgumentException(
            "IB dividends tick '" + value + "': a next amount of " + amount + " without a date");
      }
      return DividendEvent.none(conId, time);
    }
    LocalDate exDate;
    try {
      exDate = LocalDate.parse(date, DateTimeFormatter.BASIC_ISO_DATE);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "IB dividends tick '" + value + "': next date '" + date + "' is not yyyyMMdd");
    }
    if (!(amount > 0) || Double.isInfinite(amount)) {
      throw new IllegalArgumentException(
          "IB dividends tick '" + value + "': next amount must be > 0 with a date, was " + amount);
    }
    return new DividendEvent(conId, amount, exDate, time);
  }
}
