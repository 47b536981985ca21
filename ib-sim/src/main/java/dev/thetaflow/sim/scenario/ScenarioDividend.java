package dev.thetaflow.sim.scenario;

import java.time.LocalDate;

/**
 * An underlying's next dividend, which ib-sim sends as IB's dividend tick (59) to a market-data
 * request that asks for generic tick 456: what the assignment-risk rule needs to see a short call
 * worth exercising before the ex-date.
 *
 * @param symbol the underlying, e.g. SPY
 * @param amount the next dividend per share, &gt; 0
 * @param exDate its ex-date, or null when given as {@code exInDays}
 * @param exInDays the ex-date as whole days after the run's first trading date (when exDate is
 *     null)
 */
public record ScenarioDividend(String symbol, double amount, LocalDate exDate, int exInDays) {

  public ScenarioDividend {
    if (symbol == null || !symbol.matches("[A-Z]{1,6}")) {
      throw new IllegalArgumentException("dividend: symbol must be 1-6 capital letters: " + symbol);
    }
    if (!(amount > 0) || Double.isInfinite(amount)) {
      throw new IllegalArgumentException(symbol + ": dividend amount must be > 0, was " + amount);
    }
    if (exDate == null && exInDays < 0) {
      throw new IllegalArgumentException(symbol + ": dividend exInDays must be >= 0");
    }
  }

  /** The ex-date for a run whose first trading date is {@code start}. */
  public LocalDate exDate(LocalDate start) {
    return exDate != null ? exDate : start.plusDays(exInDays);
  }
}
