package dev.thetaflow.core.value;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * An exact amount of one currency, e.g. a commission or a realised P&amp;L. Positive and negative
 * amounts are both allowed; what the sign means is defined by the field that holds the money.
 *
 * @param amount the exact decimal amount
 * @param currency ISO 4217 code, three upper-case letters (USD)
 */
public record Money(BigDecimal amount, String currency) {

  private static final Pattern ISO_4217 = Pattern.compile("[A-Z]{3}");

  public Money {
    if (amount == null) {
      throw new IllegalArgumentException("money amount is required");
    }
    requireCurrency(currency);
  }

  /** Converts a double exactly as it prints ({@code 1.05} stays {@code 1.05}); NaN is rejected. */
  public static Money of(double amount, String currency) {
    if (!Double.isFinite(amount)) {
      throw new IllegalArgumentException("money amount must be finite, was " + amount);
    }
    return new Money(BigDecimal.valueOf(amount), currency);
  }

  public static Money of(String amount, String currency) {
    if (amount == null || amount.isBlank()) {
      throw new IllegalArgumentException("money amount text is required");
    }
    return new Money(new BigDecimal(amount.trim()), currency);
  }

  /** Checks an ISO 4217 code and returns it. */
  public static String requireCurrency(String currency) {
    if (currency == null || !ISO_4217.matcher(currency).matches()) {
      throw new IllegalArgumentException(
          "currency must be a 3-letter upper-case ISO 4217 code, was " + currency);
    }
    return currency;
  }

  public Money plus(Money other) {
    return new Money(amount.add(sameCurrency(other).amount), currency);
  }

  public Money minus(Money other) {
    return new Money(amount.subtract(sameCurrency(other).amount), currency);
  }

  public Money negate() {
    return new Money(amount.negate(), currency);
  }

  private Money sameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "cannot combine " + currency + " with " + other.currency + " money");
    }
    return other;
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency;
  }
}
