package dev.thetaflow.jobs.wire;

import dev.thetaflow.core.analytics.IvStatus;
import dev.thetaflow.core.broker.BrokerEvent.ModelGreeksEvent;
import dev.thetaflow.core.broker.BrokerEvent.QuoteEvent;
import dev.thetaflow.core.market.MarketDataKind;
import dev.thetaflow.core.market.ModelGreeks;
import dev.thetaflow.core.market.ModelTickSource;
import dev.thetaflow.core.market.Quote;
import dev.thetaflow.core.risk.LegGreeks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** The field layouts the wire serializers share. */
public final class WireFields {
  private static final MarketDataKind[] KINDS = MarketDataKind.values();
  private static final ModelTickSource[] SOURCES = ModelTickSource.values();
  private static final IvStatus[] IV_STATUSES = IvStatus.values();

  private WireFields() {}

  /** The length byte that says an id follows as modified UTF-8 (not plain ASCII). */
  private static final int UTF_ID = 255;

  /**
   * An identifier (strategy ids are ASCII, at most 64 characters): its length and its bytes, which
   * read back as a Latin-1 string with one copy; Java's modified UTF-8 decoding was 5% of the
   * strategies' task. Any other string still round-trips, as UTF.
   */
  public static void writeId(String id, DataOutputView out) throws IOException {
    int n = id.length();
    boolean ascii = n < UTF_ID;
    for (int i = 0; ascii && i < n; i++) {
      ascii = id.charAt(i) < 0x80;
    }
    if (!ascii) {
      out.writeByte(UTF_ID);
      out.writeUTF(id);
      return;
    }
    out.writeByte(n);
    for (int i = 0; i < n; i++) {
      out.writeByte(id.charAt(i));
    }
  }

  public static String readId(DataInputView in) throws IOException {
    int n = in.readUnsignedByte();
    if (n == UTF_ID) {
      return in.readUTF();
    }
    byte[] bytes = new byte[n];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  public static void writeInstant(Instant t, DataOutputView out) throws IOException {
    out.writeLong(t.getEpochSecond());
    out.writeInt(t.getNano());
  }

  public static Instant readInstant(DataInputView in) throws IOException {
    return Instant.ofEpochSecond(in.readLong(), in.readInt());
  }

  public static void writeQuote(QuoteEvent e, DataOutputView out) throws IOException {
    Quote q = e.quote();
    out.writeLong(q.conId());
    out.writeDouble(q.bid());
    out.writeDouble(q.ask());
    out.writeDouble(q.last());
    out.writeLong(q.bidSize());
    out.writeLong(q.askSize());
    out.writeLong(q.lastSize());
    writeInstant(q.time(), out);
    out.writeByte(e.kind().ordinal());
  }

  public static QuoteEvent readQuote(DataInputView in) throws IOException {
    Quote q =
        new Quote(
            in.readLong(),
            in.readDouble(),
            in.readDouble(),
            in.readDouble(),
            in.readLong(),
            in.readLong(),
            in.readLong(),
            readInstant(in));
    return new QuoteEvent(q, KINDS[in.readByte()]);
  }

  public static void writeModel(ModelGreeksEvent e, DataOutputView out) throws IOException {
    ModelGreeks g = e.greeks();
    out.writeLong(g.conId());
    out.writeByte(g.source().ordinal());
    out.writeDouble(g.impliedVol());
    out.writeDouble(g.delta());
    out.writeDouble(g.gamma());
    out.writeDouble(g.vega());
    out.writeDouble(g.theta());
    out.writeDouble(g.optionPrice());
    out.writeDouble(g.underlyingPrice());
    writeInstant(g.time(), out);
    out.writeByte(e.kind().ordinal());
  }

  public static ModelGreeksEvent readModel(DataInputView in) throws IOException {
    ModelGreeks g =
        new ModelGreeks(
            in.readLong(),
            SOURCES[in.readByte()],
            in.readDouble(),
            in.readDouble(),
            in.readDouble(),
            in.readDouble(),
            in.readDouble(),
            in.readDouble(),
            in.readDouble(),
            readInstant(in));
    return new ModelGreeksEvent(g, KINDS[in.readByte()]);
  }

  public static void writeLegGreeks(LegGreeks g, DataOutputView out) throws IOException {
    out.writeLong(g.conId());
    out.writeDouble(g.impliedVol());
    out.writeByte(g.ivStatus().ordinal());
    out.writeDouble(g.delta());
    out.writeDouble(g.gamma());
    out.writeDouble(g.vega());
    out.writeDouble(g.theta());
    out.writeDouble(g.rho());
    out.writeDouble(g.optionPrice());
    out.writeDouble(g.spot());
    writeInstant(g.at(), out);
  }

  public static LegGreeks readLegGreeks(DataInputView in) throws IOException {
    return new LegGreeks(
        in.readLong(),
        in.readDouble(),
        IV_STATUSES[in.readByte()],
        in.readDouble(),
        in.readDouble(),
        in.readDouble(),
        in.readDouble(),
        in.readDouble(),
        in.readDouble(),
        in.readDouble(),
        readInstant(in));
  }
}
