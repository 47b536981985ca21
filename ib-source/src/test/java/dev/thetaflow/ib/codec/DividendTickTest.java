package dev.thetaflow.ib.codec;

import static dev.thetaflow.ib.codec.TestFrames.frame;
import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.core.broker.BrokerEvent;
import dev.thetaflow.core.broker.BrokerEvent.DividendEvent;
import dev.thetaflow.core.broker.BrokerEvent.QuoteEvent;
import dev.thetaflow.ib.mapping.BrokerEvents;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** IB's dividend tick (59, a tickString) from wire bytes to a broker event. */
class DividendTickTest {
  private static final Instant T = Instant.parse("2026-12-01T15:00:00Z");
  private static final int SPY_REQ = 5001;
  private static final long SPY = 756733;

  private final List<BrokerEvent> events = new ArrayList<>();
  private final BrokerEvents mapping = new BrokerEvents(ZoneId.of("America/New_York"), events::add);

  /** Frames as TWS sends them, read through the frame decoder and the message decoder. */
  private void receive(byte[]... frames) {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    for (byte[] f : frames) {
      stream.writeBytes(f);
    }
    byte[] bytes = stream.toByteArray();
    MessageDecoder decoder = new MessageDecoder();
    new FrameDecoder()
        .feed(
            bytes,
            0,
            bytes.length,
            (buffer, offset, length) -> mapping.apply(decoder.decode(buffer, offset, length), T));
  }

  /** tickString (46): version 6, tickerId, tickType, value. */
  private static byte[] tickString(int tickType, String value) {
    return frame("46", "6", String.valueOf(SPY_REQ), String.valueOf(tickType), value);
  }

  @Test
  void theWireTickStringDecodesWithItsFourFields() {
    byte[] f = tickString(59, "0.83,0.92,20130219,0.23");
    IncomingMessage m = new MessageDecoder().decode(f, 4, f.length - 4);
    assertThat(m).isEqualTo(new TickString(SPY_REQ, 59, "0.83,0.92,20130219,0.23"));
  }

  @Test
  void theNextDividendOfATrackedUnderlyingBecomesAnEvent() {
    mapping.book().track(SPY_REQ, SPY);
    receive(tickString(59, "6.86,7.02,20261219,1.82"));
    assertThat(events).containsExactly(new DividendEvent(SPY, 1.82, LocalDate.of(2026, 12, 19), T));
  }

  @Test
  void noDividendExpectedIsAnExplicitNone() {
    mapping.book().track(SPY_REQ, SPY);
    receive(tickString(59, "0,0,,"), tickString(59, ",,,0"));
    assertThat(events)
        .containsExactly(DividendEvent.none(SPY, T), DividendEvent.none(SPY, T))
        .allSatisfy(e -> assertThat(((DividendEvent) e).known()).isFalse());
  }

  @Test
  void aGarbledTickIsDroppedAloneAndCounted() {
    mapping.book().track(SPY_REQ, SPY);
    receive(
        tickString(59, "0.83,0.92,2013-02-19,0.23"), // not yyyyMMdd
        tickString(59, "0.83,0.92,20130219"), // three fields
        tickString(59, "0.83,0.92,20130219,abc"), // amount not a number
        tickString(59, "0.83,0.92,20130219,0"), // a date without an amount
        tickString(59, "0.83,0.92,,0.23"), // an amount without a date
        frame("1", "6", String.valueOf(SPY_REQ), "1", "601.25", "300", "0"), // then a bid
        tickString(59, "0.83,0.92,20130219,0.23"));
    assertThat(mapping.book().badDividends()).isEqualTo(5);
    assertThat(events).hasSize(2);
    assertThat(events.get(0)).isInstanceOf(QuoteEvent.class);
    assertThat(events.get(1)).isEqualTo(new DividendEvent(SPY, 0.23, LocalDate.of(2013, 2, 19), T));
  }

  @Test
  void otherTextTicksAndUntrackedRequestsMakeNoDividend() {
    receive(tickString(59, "0.83,0.92,20130219,0.23")); // not tracked
    mapping.book().track(SPY_REQ, SPY);
    receive(tickString(45, "1767364200")); // last timestamp
    assertThat(events).isEmpty();
  }
}
