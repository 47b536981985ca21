package dev.thetaflow.ib.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.core.market.MarketDataKind;
import dev.thetaflow.core.market.ModelGreeks;
import dev.thetaflow.core.market.ModelTickSource;
import dev.thetaflow.core.market.Quote;
import dev.thetaflow.ib.codec.MarketDataType;
import dev.thetaflow.ib.codec.TickOptionComputation;
import dev.thetaflow.ib.codec.TickPrice;
import dev.thetaflow.ib.codec.TickSize;
import dev.thetaflow.ib.codec.TwsValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketDataBookTest {
  private static final Instant T = Instant.parse("2026-12-01T15:00:00Z");
  private static final double UNSET = TwsValues.UNSET_DOUBLE;

  private final MarketDataBook book = new MarketDataBook();
  private final List<Quote> quotes = new ArrayList<>();
  private final List<MarketDataKind> kinds = new ArrayList<>();
  private final List<ModelGreeks> greeks = new ArrayList<>();
  private final MarketDataBook.Sink sink =
      new MarketDataBook.Sink() {
        @Override
        public void quote(Quote quote, MarketDataKind kind) {
          quotes.add(quote);
          kinds.add(kind);
        }

        @Override
        public void modelGreeks(ModelGreeks g, MarketDataKind kind) {
          greeks.add(g);
        }
      };

  @Test
  void ticksBuildTheTopOfBookOneWholeQuotePerChange() {
    book.track(7, 756733);
    book.apply(new TickPrice(7, 1, 601.25, 300, 0), T, sink); // bid with its size
    book.apply(new TickPrice(7, 2, 601.27, 200, 0), T, sink); // ask
    book.apply(new TickSize(7, 0, 300), T, sink); // the synthetic size tick: no change
    book.apply(new TickPrice(7, 4, 601.26, 5, 0), T, sink); // last
    book.apply(new TickSize(7, 8, 1_000_000), T, sink); // volume: not top of book
    book.apply(new TickPrice(7, 6, 605.0, UNSET, 0), T, sink); // day high: not top of book
    assertThat(quotes).hasSize(3);
    assertThat(quotes.get(2)).isEqualTo(new Quote(756733, 601.25, 601.27, 601.26, 300, 200, 5, T));
    assertThat(kinds).containsOnly(MarketDataKind.REAL_TIME);
  }

  @Test
  void minusOneIsNoPriceButZeroIsAPrice() {
    book.track(8, 42);
    book.apply(new TickPrice(8, 1, 0.0, 10, 0), T, sink); // a worthless option bids 0
    book.apply(new TickPrice(8, 2, 0.05, 10, 0), T, sink);
    book.apply(new TickPrice(8, 1, -1.0, 0, 0), T, sink); // the bid went away
    assertThat(quotes.get(0).bid()).isZero();
    assertThat(quotes.get(2).bid()).isNaN();
    assertThat(quotes.get(2).ask()).isEqualTo(0.05);
    assertThat(quotes.get(2).bidSize()).isZero();
    book.apply(new TickPrice(8, 1, -1.0, 0, 0), T, sink); // still none: no new quote
    assertThat(quotes).hasSize(3);
  }

  @Test
  void delayedAndFrozenDataIsMarked() {
    book.track(9, 43);
    book.apply(new MarketDataType(9, 2), T, sink);
    book.apply(new TickPrice(9, 1, 1.10, 1, 0), T, sink);
    assertThat(kinds).containsExactly(MarketDataKind.FROZEN);
    book.track(10, 44);
    book.apply(new TickPrice(10, 66, 2.10, UNSET, 0), T, sink); // delayed bid
    book.apply(new TickPrice(10, 68, 2.15, UNSET, 0), T, sink); // delayed last
    book.apply(new TickSize(10, 70, 12), T, sink); // delayed ask size
    assertThat(quotes.get(3)).isEqualTo(new Quote(44, 2.10, Double.NaN, 2.15, 0, 12, 0, T));
    assertThat(kinds.subList(1, 4)).containsOnly(MarketDataKind.DELAYED);
  }

  @Test
  void optionComputationsBecomeModelGreeksWithNanForWhatTwsCouldNotCompute() {
    book.track(11, 45);
    book.apply(
        new TickOptionComputation(11, 13, 1, 0.18, -0.32, 2.41, 0.0, 0.021, 0.35, -0.09, 600.5),
        T,
        sink);
    book.apply(
        new TickOptionComputation(11, 10, 0, UNSET, UNSET, 2.40, UNSET, UNSET, UNSET, UNSET, 600.5),
        T,
        sink);
    assertThat(greeks.get(0))
        .isEqualTo(
            new ModelGreeks(
                45, ModelTickSource.MODEL, 0.18, -0.32, 0.021, 0.35, -0.09, 2.41, 600.5, T));
    assertThat(greeks.get(1).source()).isEqualTo(ModelTickSource.BID);
    assertThat(greeks.get(1).impliedVol()).isNaN();
    assertThat(greeks.get(1).delta()).isNaN();
    assertThat(greeks.get(1).optionPrice()).isEqualTo(2.40);
    assertThat(quotes).isEmpty();
  }

  @Test
  void ticksOfRequestsNotTrackedAreCountedAndDropped() {
    book.track(12, 46);
    book.untrack(12);
    assertThat(book.apply(new TickPrice(12, 1, 1.0, 1, 0), T, sink)).isFalse();
    assertThat(book.apply(new TickSize(13, 0, 1), T, sink)).isFalse();
    assertThat(book.untrackedTicks()).isEqualTo(2);
    assertThat(quotes).isEmpty();
  }
}
