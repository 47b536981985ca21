package dev.thetaflow.ib.codec;

import static dev.thetaflow.ib.codec.TestFrames.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FieldWriterTest {
  private final FieldWriter w = new FieldWriter(8);

  @Test
  void writesIntegersAsJavaDecimalText() {
    w.begin(OutgoingMessageId.REQ_IDS)
        .writeInt(0)
        .writeInt(-1)
        .writeInt(Integer.MIN_VALUE)
        .writeLong(Long.MIN_VALUE)
        .writeLong(Long.MAX_VALUE)
        .finish();
    assertThat(w.toByteArray())
        .isEqualTo(
            frame("8", "0", "-1", "-2147483648", "-9223372036854775808", "9223372036854775807"));
  }

  @Test
  void randomLongsMatchLongToString() {
    Random random = new Random(7);
    for (int i = 0; i < 2_000; i++) {
      long value = random.nextLong() >> random.nextInt(64);
      w.begin(OutgoingMessageId.REQ_IDS).writeLong(value).finish();
      assertThat(w.toByteArray()).isEqualTo(frame("8", Long.toString(value)));
    }
  }

  @Test
  void writesDoublesBooleansAndUnsetValuesAsTheOfficialClientDoes() {
    w.begin(OutgoingMessageId.PLACE_ORDER)
        .writeDouble(450.0)
        .writeDouble(-1.25)
        .writeDouble(1.0E-4)
        .writeDouble(Double.POSITIVE_INFINITY)
        .writeDouble(Double.MAX_VALUE)
        .writeDoubleMax(Double.MAX_VALUE)
        .writeIntMax(Integer.MAX_VALUE)
        .writeLongMax(Long.MAX_VALUE)
        .writeIntMax(5)
        .writeBoolean(true)
        .writeBoolean(false)
        .writeString(null)
        .writeEmpty()
        .finish();
    assertThat(w.toByteArray())
        .isEqualTo(
            frame(
                "3",
                "450.0",
                "-1.25",
                "1.0E-4",
                "Infinity",
                "1.7976931348623157E308",
                "",
                "",
                "",
                "5",
                "1",
                "0",
                "",
                ""));
  }

  @Test
  void writesNonAsciiAsUtf8() {
    w.begin(OutgoingMessageId.REQ_ACCOUNT_SUMMARY).writeString("Zürich 中").finish();
    assertThat(w.toByteArray()).isEqualTo(frame("62", "Zürich 中"));
  }

  @Test
  void refusesWhatWouldCorruptTheFrame() {
    w.begin(OutgoingMessageId.REQ_IDS).writeInt(1);
    assertThatThrownBy(() -> w.writeString("a\0b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> w.writeDouble(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    w.writeInt(2).finish();
    assertThat(w.toByteArray()).isEqualTo(frame("8", "1", "2")); // the refused fields left no trace
  }

  @Test
  void fieldsOutsideAFrameAreRefused() {
    assertThatThrownBy(() -> new FieldWriter().writeInt(1))
        .isInstanceOf(IllegalStateException.class);
    w.begin(OutgoingMessageId.REQ_IDS).finish();
    assertThatThrownBy(() -> w.writeInt(1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void whatTheWriterWritesTheReaderReadsBack() {
    Random random = new Random(11);
    FieldReader reader = new FieldReader();
    for (int i = 0; i < 2_000; i++) {
      int n = random.nextInt();
      long l = random.nextLong();
      double d = Double.longBitsToDouble(random.nextLong());
      if (Double.isNaN(d)) {
        d = random.nextGaussian();
      }
      double price = Math.round(random.nextDouble() * 100_000) / 100.0;
      int length =
          w.begin(OutgoingMessageId.REQ_MKT_DATA)
              .writeInt(n)
              .writeLong(l)
              .writeDouble(d)
              .writeDouble(price)
              .writeDoubleMax(TwsValues.UNSET_DOUBLE)
              .writeBoolean(n % 2 == 0)
              .finish();
      FieldReader r = reader.wrap(w.buffer(), 4, length - 4);
      assertThat(r.readMessageId()).isEqualTo(1);
      assertThat(r.readInt("n")).isEqualTo(n);
      assertThat(r.readLong("l")).isEqualTo(l);
      assertThat(r.readDouble("d")).isEqualTo(d);
      assertThat(r.readDouble("price")).isEqualTo(price);
      assertThat(r.readDoubleMax("unset")).isEqualTo(TwsValues.UNSET_DOUBLE);
      assertThat(r.readBoolean("b")).isEqualTo(n % 2 == 0);
      r.expectEnd();
    }
  }
}
