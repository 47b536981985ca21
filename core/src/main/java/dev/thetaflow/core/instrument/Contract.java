package dev.thetaflow.core.instrument;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.thetaflow.core.analytics.ExerciseStyle;
import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.value.Money;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A tradable (or quoted) instrument, venue-neutral.
 *
 * <p>Fields that only options have follow one convention: for a non-option {@code strike} is NaN
 * and {@code right}, {@code settlement} and {@code exerciseStyle} are null; {@code expiry} is null
 * unless the type {@linkplain SecType#hasExpiry() has one}. Use {@link #isOption()} rather than
 * testing those fields.
 *
 * @param conId the venue's contract id, &gt; 0 once known, 0 while unresolved
 * @param symbol the underlying symbol (SPX, SPY), non-blank
 * @param secType the kind of instrument
 * @param expiry the expiration date (the day settlement is fixed, which for AM-settled SPX
 *     monthlies is the day <em>after</em> the last trading day), or null
 * @param strike the strike in price units, &gt; 0 for options, NaN otherwise
 * @param right call or put for options, null otherwise
 * @param multiplier units of underlying per contract (100 for US equity options, 1 for stock), &gt;
 *     0
 * @param exchange routing exchange (SMART, CBOE), non-blank
 * @param currency ISO 4217 code
 * @param tradingClass the venue's trading class (SPXW vs SPX), may be empty, never null
 * @param minTick the minimum price increment, &gt; 0. TODO: some classes have a price-dependent
 *     tick (SPX: 0.05 below 3.00, 0.10 from 3.00); until that is modelled, adapters put the tick
 *     that applies to the prices being traded, and order pricing must re-check it
 * @param settlement AM or PM for options, null otherwise
 * @param exerciseStyle American or European for options, null otherwise
 */
public record Contract(
    long conId,
    String symbol,
    SecType secType,
    LocalDate expiry,
    double strike,
    OptionType right,
    double multiplier,
    String exchange,
    String currency,
    String tradingClass,
    BigDecimal minTick,
    SettlementStyle settlement,
    ExerciseStyle exerciseStyle) {

  public Contract {
    if (conId < 0) {
      throw new IllegalArgumentException("conId must be >= 0 (0 = unresolved), was " + conId);
    }
    requireText("symbol", symbol);
    if (secType == null) {
      throw new IllegalArgumentException("secType is required for " + symbol);
    }
    if (secType.hasExpiry() != (expiry != null)) {
      throw new IllegalArgumentException(
          secType + " " + symbol + ": expiry must be " + (secType.hasExpiry() ? "set" : "null"));
    }
    if (secType.isOption()) {
      if (!(strike > 0.0) || Double.isInfinite(strike)) {
        throw new IllegalArgumentException(
            "option " + symbol + ": strike must be a finite number > 0, was " + strike);
      }
      if (right == null || settlement == null || exerciseStyle == null) {
        throw new IllegalArgumentException(
            "option " + symbol + ": right, settlement and exerciseStyle are required");
      }
    } else if (!Double.isNaN(strike)
        || right != null
        || settlement != null
        || exerciseStyle != null) {
      throw new IllegalArgumentException(
          secType + " " + symbol + ": strike must be NaN and right/settlement/exercise null");
    }
    if (!(multiplier > 0.0) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException(
          symbol + ": multiplier must be a finite number > 0, was " + multiplier);
    }
    requireText("exchange", exchange);
    Money.requireCurrency(currency);
    if (tradingClass == null) {
      throw new IllegalArgumentException(symbol + ": tradingClass must not be null (use \"\")");
    }
    if (minTick == null || minTick.signum() <= 0) {
      throw new IllegalArgumentException(symbol + ": minTick must be > 0, was " + minTick);
    }
  }

  private static final BigDecimal PENNY = new BigDecimal("0.01");

  /** An instrument without expiry, strike or right, quoted in pennies with multiplier 1. */
  private static Contract nonDerivative(
      long conId, String symbol, SecType secType, String exchange, String currency) {
    return new Contract(
        conId,
        symbol,
        secType,
        null,
        Double.NaN,
        null,
        1.0,
        exchange,
        currency,
        symbol,
        PENNY,
        null,
        null);
  }

  /** A stock or ETF: multiplier 1, tick 0.01. */
  public static Contract stock(long conId, String symbol, String exchange, String currency) {
    return nonDerivative(conId, symbol, SecType.STK, exchange, currency);
  }

  /** A cash index such as SPX or VIX: multiplier 1, tick 0.01. */
  public static Contract index(long conId, String symbol, String exchange, String currency) {
    return nonDerivative(conId, symbol, SecType.IND, exchange, currency);
  }

  /** An option (secType OPT) with every option field given. */
  public static Contract option(
      long conId,
      String symbol,
      LocalDate expiry,
      double strike,
      OptionType right,
      double multiplier,
      String exchange,
      String currency,
      String tradingClass,
      BigDecimal minTick,
      SettlementStyle settlement,
      ExerciseStyle exerciseStyle) {
    return new Contract(
        conId,
        symbol,
        SecType.OPT,
        expiry,
        strike,
        right,
        multiplier,
        exchange,
        currency,
        tradingClass,
        minTick,
        settlement,
        exerciseStyle);
  }

  /** A US equity or ETF option: SMART, USD, multiplier 100, PM-settled, American. */
  public static Contract equityOption(
      long conId,
      String symbol,
      LocalDate expiry,
      double strike,
      OptionType right,
      BigDecimal minTick) {
    return option(
        conId,
        symbol,
        expiry,
        strike,
        right,
        100.0,
        "SMART",
        "USD",
        symbol,
        minTick,
        SettlementStyle.PM,
        ExerciseStyle.AMERICAN);
  }

  /** OPT or FOP. */
  @JsonIgnore
  public boolean isOption() {
    return secType.isOption();
  }

  /** The same contract with the venue's id filled in. */
  public Contract withConId(long newConId) {
    return new Contract(
        newConId,
        symbol,
        secType,
        expiry,
        strike,
        right,
        multiplier,
        exchange,
        currency,
        tradingClass,
        minTick,
        settlement,
        exerciseStyle);
  }

  private static void requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must be non-blank, was '" + value + "'");
    }
  }

  /**
   * {@code SPY 2026-12-18 450 P} for an option, {@code ES 2026-12-18 FUT}, {@code SPX IND}, {@code
   * SPY}.
   */
  @Override
  public String toString() {
    if (!isOption()) {
      if (secType == SecType.STK) {
        return symbol;
      }
      return expiry == null ? symbol + " " + secType : symbol + " " + expiry + " " + secType;
    }
    String k = BigDecimal.valueOf(strike).stripTrailingZeros().toPlainString();
    return symbol + " " + expiry + " " + k + " " + (right == OptionType.CALL ? "C" : "P");
  }
}
