package dev.thetaflow.ib.mapping;

import dev.thetaflow.core.analytics.ExerciseStyle;
import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.instrument.Contract;
import dev.thetaflow.core.instrument.SettlementStyle;
import dev.thetaflow.ib.codec.ContractDetails;
import dev.thetaflow.ib.codec.TwsContract;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * Contract details as thetaflow's {@link Contract}: the minimum tick every price is rounded to, the
 * multiplier, and for options the exercise and settlement style, which TWS does not send and which
 * decide how an option is priced and when it stops trading.
 *
 * <p>Equity and ETF options are American and PM-settled. Cash-index options are European; the
 * AM-settled trading classes (SPX third-Friday monthlies, NDX, RUT, VIX) are named below, the
 * weekly classes (SPXW, NDXP, RUTW, XSP) settle PM. An index class not in either list is refused,
 * naming it, rather than priced with a guessed style.
 */
public final class Contracts {
  private static final Set<String> AM_INDEX_CLASSES = Set.of("SPX", "NDX", "RUT", "VIX", "DJX");
  private static final Set<String> PM_INDEX_CLASSES = Set.of("SPXW", "NDXP", "RUTW", "XSP", "VIXW");

  private Contracts() {}

  /** The contract of {@code details}; throws naming the contract when it cannot be mapped. */
  public static Contract toCore(ContractDetails details) {
    TwsContract c = details.contract();
    String what = c.secType() + " " + c.symbol() + " (conId " + c.conId() + ")";
    if (!(details.minTick() > 0) || Double.isInfinite(details.minTick())) {
      throw new IllegalArgumentException(
          what + ": minTick " + details.minTick() + " is not a tick");
    }
    BigDecimal tick = BigDecimal.valueOf(details.minTick()).stripTrailingZeros();
    String exchange = c.exchange() == null || c.exchange().isEmpty() ? "SMART" : c.exchange();
    return switch (c.secType()) {
      case "STK" -> withTick(Contract.stock(c.conId(), c.symbol(), exchange, c.currency()), tick);
      case "IND" -> withTick(Contract.index(c.conId(), c.symbol(), exchange, c.currency()), tick);
      case "OPT" -> option(details, c, what, tick, exchange);
      default -> throw new IllegalArgumentException(what + ": secType is not traded by thetaflow");
    };
  }

  private static Contract option(
      ContractDetails details, TwsContract c, String what, BigDecimal tick, String exchange) {
    LocalDate expiry;
    try {
      expiry = LocalDate.parse(c.lastTradeDateOrContractMonth(), DateTimeFormatter.BASIC_ISO_DATE);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new IllegalArgumentException(
          what + ": expiry '" + c.lastTradeDateOrContractMonth() + "' is not yyyyMMdd");
    }
    OptionType right =
        switch (c.right()) {
          case "C", "CALL" -> OptionType.CALL;
          case "P", "PUT" -> OptionType.PUT;
          default -> throw new IllegalArgumentException(what + ": right '" + c.right() + "'");
        };
    double multiplier;
    try {
      multiplier = Double.parseDouble(c.multiplier());
    } catch (NumberFormatException | NullPointerException e) {
      throw new IllegalArgumentException(what + ": multiplier '" + c.multiplier() + "'");
    }
    ExerciseStyle exercise;
    SettlementStyle settlement;
    String tradingClass = c.tradingClass() == null ? "" : c.tradingClass();
    if ("IND".equals(details.underSecType())) {
      exercise = ExerciseStyle.EUROPEAN;
      if (AM_INDEX_CLASSES.contains(tradingClass)) {
        settlement = SettlementStyle.AM;
      } else if (PM_INDEX_CLASSES.contains(tradingClass)) {
        settlement = SettlementStyle.PM;
      } else {
        throw new IllegalArgumentException(
            what
                + ": index option class '"
                + tradingClass
                + "' has no known settlement (AM: "
                + AM_INDEX_CLASSES
                + ", PM: "
                + PM_INDEX_CLASSES
                + ")");
      }
    } else {
      exercise = ExerciseStyle.AMERICAN;
      settlement = SettlementStyle.PM;
    }
    return Contract.option(
        c.conId(),
        c.symbol(),
        expiry,
        c.strike(),
        right,
        multiplier,
        exchange,
        c.currency(),
        tradingClass,
        tick,
        settlement,
        exercise);
  }

  private static Contract withTick(Contract c, BigDecimal tick) {
    return new Contract(
        c.conId(),
        c.symbol(),
        c.secType(),
        c.expiry(),
        c.strike(),
        c.right(),
        c.multiplier(),
        c.exchange(),
        c.currency(),
        c.tradingClass(),
        tick,
        c.settlement(),
        c.exerciseStyle());
  }
}
