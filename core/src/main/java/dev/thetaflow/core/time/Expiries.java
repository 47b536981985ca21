package dev.thetaflow.core.time;

import dev.thetaflow.core.instrument.Contract;
import dev.thetaflow.core.instrument.SettlementStyle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Expiry instants, days to expiry and year fractions for US options, always in exchange time
 * (America/New_York) and always from a caller-supplied {@code now} or {@link Clock}, never the
 * system clock.
 *
 * <p>The expiry instant is the moment the settlement value is fixed, because that is when the
 * option's risk ends and what a pricing model must count down to:
 *
 * <ul>
 *   <li>PM-settled: 16:00 New York on the expiration date (the closing print).
 *   <li>AM-settled: 09:30 New York on the expiration date (the opening prints that make up the
 *       special opening quotation). Trading already stopped at the previous day's close, see {@link
 *       #lastTradingDay(Contract)}; the overnight gap until 09:30 is still risk and still time
 *       value.
 * </ul>
 */
public final class Expiries {

  private static final double SECONDS_PER_YEAR = 365.0 * 86_400.0;

  private Expiries() {}

  /** The instant the settlement value is fixed, per the class comment. */
  public static Instant expiryInstant(LocalDate expiry, SettlementStyle settlement) {
    if (expiry == null || settlement == null) {
      throw new IllegalArgumentException("expiry date and settlement style are required");
    }
    return expiry
        .atTime(settlement == SettlementStyle.AM ? UsEquityCalendar.OPEN : UsEquityCalendar.CLOSE)
        .atZone(UsEquityCalendar.ZONE)
        .toInstant();
  }

  /** The expiry instant of an option contract. */
  public static Instant expiryInstant(Contract option) {
    requireOption(option);
    return expiryInstant(option.expiry(), option.settlement());
  }

  /**
   * The last day the option can be traded: the expiration date for PM-settled options, the previous
   * trading day for AM-settled ones (an SPX monthly expiring Friday stops trading Thursday).
   */
  public static LocalDate lastTradingDay(Contract option) {
    requireOption(option);
    return option.settlement() == SettlementStyle.AM
        ? UsEquityCalendar.previousTradingDay(option.expiry())
        : option.expiry();
  }

  /**
   * Calendar days from the exchange date of {@code now} to the expiry date: 0 on expiration day,
   * negative after it. At 23:30 New York (04:30 UTC next day) it is still the New York date.
   */
  public static long daysToExpiry(Instant now, LocalDate expiry) {
    if (now == null || expiry == null) {
      throw new IllegalArgumentException("now and expiry are required");
    }
    return ChronoUnit.DAYS.between(UsEquityCalendar.exchangeDate(now), expiry);
  }

  /** {@link #daysToExpiry(Instant, LocalDate)} reading {@code now} from the clock. */
  public static long daysToExpiry(Clock clock, LocalDate expiry) {
    return daysToExpiry(clock.instant(), expiry);
  }

  /**
   * Year fraction ACT/365 from {@code now} to {@code expiry}: exact elapsed seconds (with
   * nanoseconds) divided by 365 × 86,400; 0 once expiry has passed, never negative. Elapsed time is
   * real time, so a day that loses an hour to daylight saving counts 23 hours.
   */
  public static double yearFraction(Instant now, Instant expiry) {
    if (now == null || expiry == null) {
      throw new IllegalArgumentException("now and expiry are required");
    }
    Duration d = Duration.between(now, expiry);
    if (d.isNegative()) {
      return 0.0;
    }
    return (d.getSeconds() + d.getNano() / 1e9) / SECONDS_PER_YEAR;
  }

  /** Year fraction to an option's expiry instant. */
  public static double yearFraction(Instant now, Contract option) {
    return yearFraction(now, expiryInstant(option));
  }

  /** {@link #yearFraction(Instant, Contract)} reading {@code now} from the clock. */
  public static double yearFraction(Clock clock, Contract option) {
    return yearFraction(clock.instant(), option);
  }

  private static void requireOption(Contract contract) {
    if (contract == null || !contract.isOption()) {
      throw new IllegalArgumentException("an option contract is required, was " + contract);
    }
  }
}
