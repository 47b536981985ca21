package dev.thetaflow.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.instrument.Contract;
import dev.thetaflow.core.market.Quote;
import dev.thetaflow.core.order.Fill;
import dev.thetaflow.core.order.OrderRef;
import dev.thetaflow.core.value.Money;
import dev.thetaflow.core.value.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Hand-computed books of an iron condor: fills, marks, P&L, staleness, sanity of quotes. */
class StrategyBookTest {
  private static final Instant T = Instant.parse("2026-12-01T15:00:00Z");
  private static final LocalDate EXPIRY = LocalDate.of(2026, 12, 18);
  private static final BigDecimal TICK = new BigDecimal("0.01");

  private static Contract option(long conId, double strike, OptionType right) {
    return Contract.equityOption(conId, "SPY", EXPIRY, strike, right, TICK);
  }

  private final Contract longPut = option(1, 560, OptionType.PUT);
  private final Contract shortPut = option(2, 570, OptionType.PUT);
  private final Contract shortCall = option(3, 630, OptionType.CALL);
  private final Contract longCall = option(4, 640, OptionType.CALL);
  private final Strategy condor =
      Strategies.ironCondor("ic-1", longPut, shortPut, shortCall, longCall, 2, T);

  private int execs;

  private Fill fill(Contract c, Side side, long qty, String price) {
    return new Fill(
        "e" + (++execs),
        OrderRef.parse("ic-1:ENTRY:1"),
        7,
        "DU1",
        c.conId(),
        side,
        qty,
        new BigDecimal(price),
        Money.of(0.65 * qty, "USD"),
        T);
  }

  private static Quote quote(Contract c, double bid, double ask, Instant at) {
    return new Quote(c.conId(), bid, ask, Double.NaN, 10, 10, 0, at);
  }

  private StrategyBook openCondor() {
    StrategyBook book = new StrategyBook(condor.legs(), 0.5, Duration.ofSeconds(30));
    // sold for a net 1.25 per share: buy 0.40, sell 1.10, sell 1.00, buy 0.45
    book.applyFill(fill(longPut, Side.BUY, 2, "0.40"));
    book.applyFill(fill(shortPut, Side.SELL, 2, "1.10"));
    book.applyFill(fill(shortCall, Side.SELL, 2, "1.00"));
    book.applyFill(fill(longCall, Side.BUY, 2, "0.45"));
    return book;
  }

  @Test
  void unrealizedPnlOfAnIronCondorAtItsMarks() {
    StrategyBook book = openCondor();
    assertThat(book.position(2)).isEqualTo(-2);
    assertThat(book.commissions()).isCloseTo(4 * 1.30, within(1e-12));
    book.mark(quote(longPut, 0.20, 0.24, T)); // mid 0.22
    book.mark(quote(shortPut, 0.55, 0.61, T)); // mid 0.58
    book.mark(quote(shortCall, 0.48, 0.52, T)); // mid 0.50
    book.mark(quote(longCall, 0.18, 0.22, T)); // mid 0.20
    // credit 1.25, now worth 0.58 + 0.50 - 0.22 - 0.20 = 0.66 to close: (1.25 - 0.66) x 100 x 2
    assertThat(book.unrealizedPnl(T.plusSeconds(5))).isCloseTo(118.0, within(1e-9));
    assertThat(book.realizedPnl()).isZero();
  }

  @Test
  void aStaleOrInsaneQuoteIsNoMark() {
    StrategyBook book = openCondor();
    book.mark(quote(longPut, 0.20, 0.24, T));
    book.mark(quote(shortPut, 0.55, 0.61, T));
    book.mark(quote(shortCall, 0.48, 0.52, T));
    assertThat(book.unrealizedPnl(T)).as("long call never marked").isNaN();
    assertThat(book.mark(quote(longCall, 0.30, 0.10, T))).as("crossed").isFalse();
    assertThat(book.mark(quote(longCall, 0.05, 0.60, T))).as("too wide").isFalse();
    assertThat(book.mark(new Quote(4, Double.NaN, 0.22, Double.NaN, 0, 10, 0, T)))
        .as("one-sided")
        .isFalse();
    assertThat(book.rejectedQuotes()).isEqualTo(3);
    assertThat(book.mark(quote(longCall, 0.18, 0.22, T))).isTrue();
    assertThat(book.unrealizedPnl(T.plusSeconds(30))).isCloseTo(118.0, within(1e-9));
    assertThat(book.unrealizedPnl(T.plusSeconds(31))).as("marks 31 s old").isNaN();
    assertThat(book.unrealizedPnl(T.plusSeconds(30).plusNanos(1)))
        .as("a nanosecond past the limit")
        .isNaN();
  }

  @Test
  void closingRealizesAgainstTheAveragePrice() {
    StrategyBook book = openCondor();
    // add one more short put at 1.30: average (1.10 x 2 + 1.30) / 3
    book.applyFill(fill(shortPut, Side.SELL, 1, "1.30"));
    assertThat(book.averagePrice(2)).isCloseTo((2.20 + 1.30) / 3, within(1e-12));
    // buy back all three at 0.50: realized (avg - 0.50) x 3 x 100
    book.applyFill(fill(shortPut, Side.BUY, 3, "0.50"));
    assertThat(book.realizedPnl()).isCloseTo(((2.20 + 1.30) / 3 - 0.50) * 300, within(1e-9));
    assertThat(book.position(2)).isZero();
    assertThat(book.averagePrice(2)).isNaN();
    // close the rest at their entry prices: nothing more realized, flat
    book.applyFill(fill(longPut, Side.SELL, 2, "0.40"));
    book.applyFill(fill(shortCall, Side.BUY, 2, "1.00"));
    book.applyFill(fill(longCall, Side.SELL, 2, "0.45"));
    assertThat(book.flat()).isTrue();
    assertThat(book.realizedPnl()).isCloseTo(((2.20 + 1.30) / 3 - 0.50) * 300, within(1e-9));
    assertThat(book.unrealizedPnl(T)).isZero();
  }

  @Test
  void aFillOfAnotherInstrumentIsRefusedByName() {
    StrategyBook book = openCondor();
    assertThatThrownBy(
            () -> book.applyFill(fill(option(9, 600, OptionType.CALL), Side.BUY, 1, "1")))
        .hasMessageContaining("conId 9 is not a leg of this strategy");
  }
}
