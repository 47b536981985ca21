package dev.thetaflow.ib.codec;

import static dev.thetaflow.ib.codec.TestFrames.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FieldReaderTest {
  private final FieldReader reader = new FieldReader();

  private FieldReader over(String... fields) {
    byte[] p = payload(fields);
    return reader.wrap(p, 0, p.length);
  }

  @Test
  void integersIncludingTheirLimits() {
    FieldReader r = over("-1", "0", "2147483647", "-2147483648", "9223372036854775807");
    assertThat(r.readInt("a")).isEqualTo(-1);
    assertThat(r.readInt("b")).isZero();
    assertThat(r.readInt("c")).isEqualTo(Integer.MAX_VALUE);
    assertThat(r.readInt("d")).isEqualTo(Integer.MIN_VALUE);
    assertThat(r.readLong("e")).isEqualTo(Long.MAX_VALUE);
    assertThat(r.hasMoreFields()).isFalse();
    r.expectEnd();
    assertThat(over("-9223372036854775808").readLong("f")).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void integersOutOfRangeOrNotIntegersAreErrors() {
    for (String bad :
        new String[] {"2147483648", "-2147483649", "", "-", "1a", " 1", "1.0", "+1"}) {
      assertThatThrownBy(() -> over(bad).readInt("n"))
          .as(bad)
          .isInstanceOf(MalformedMessageException.class);
    }
    for (String bad :
        new String[] {"9223372036854775808", "-9223372036854775809", "99999999999999999999"}) {
      assertThatThrownBy(() -> over(bad).readLong("n"))
          .as(bad)
          .isInstanceOf(MalformedMessageException.class);
    }
  }

  @Test
  void emptyMeansUnsetOnlyInTheMaxVariants() {
    FieldReader r = over("", "", "", "7");
    assertThat(r.readIntMax("a")).isEqualTo(TwsValues.UNSET_INT);
    assertThat(r.readLongMax("b")).isEqualTo(TwsValues.UNSET_LONG);
    assertThat(r.readDoubleMax("c")).isEqualTo(TwsValues.UNSET_DOUBLE);
    assertThat(r.readIntMax("d")).isEqualTo(7);
    assertThatThrownBy(() -> over("").readDouble("x"))
        .isInstanceOf(MalformedMessageException.class);
  }

  @Test
  void booleansAndStrings() {
    FieldReader r = over("1", "0", "", "café SPY");
    assertThat(r.readBoolean("a")).isTrue();
    assertThat(r.readBoolean("b")).isFalse();
    assertThat(r.readString("c")).isEmpty();
    assertThat(r.readString("d")).isEqualTo("café SPY");
  }

  @Test
  void doublesInEveryFormJavaWrites() {
    FieldReader r =
        over(
            "5.05",
            "-0.0456",
            "450",
            "1.0E-4",
            "1.7976931348623157E308",
            "1.7976931348623157e+308",
            "Infinity",
            "-Infinity",
            "-0.0",
            "0.123456789012345678");
    assertThat(r.readDouble("a")).isEqualTo(5.05);
    assertThat(r.readDouble("b")).isEqualTo(-0.0456);
    assertThat(r.readDouble("c")).isEqualTo(450.0);
    assertThat(r.readDouble("d")).isEqualTo(1.0E-4);
    assertThat(r.readDoubleMax("e")).isEqualTo(TwsValues.UNSET_DOUBLE);
    assertThat(r.readDouble("f")).isEqualTo(Double.MAX_VALUE);
    assertThat(r.readDouble("g")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(r.readDouble("h")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(Double.doubleToRawLongBits(r.readDouble("i")))
        .isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(r.readDouble("j")).isEqualTo(0.123456789012345678);
  }

  @Test
  void fastDecimalPathAgreesBitForBitWithTheJdkParser() {
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      int digits = 1 + random.nextInt(19);
      StringBuilder text = new StringBuilder(random.nextBoolean() ? "-" : "");
      int point = random.nextInt(digits + 1);
      for (int d = 0; d < digits; d++) {
        if (d == point && d > 0) {
          text.append('.');
        }
        text.append((char) ('0' + random.nextInt(10)));
      }
      String s = text.toString();
      double expected = Double.parseDouble(s);
      assertThat(Double.doubleToRawLongBits(over(s).readDouble("x")))
          .as(s)
          .isEqualTo(Double.doubleToRawLongBits(expected));
    }
  }

  @Test
  void malformedDoublesAreErrors() {
    for (String bad :
        new String[] {".", "-", "1.2.3", " 1", "1 ", "0x10", "1d", "1f", "abc", "--1"}) {
      assertThatThrownBy(() -> over(bad).readDouble("x"))
          .as(bad)
          .isInstanceOf(MalformedMessageException.class);
    }
  }

  @Test
  void decimalSizesTreatEveryUnsetSpellingAlike() {
    FieldReader r = over("", "2147483647", "9223372036854775807", "1.7976931348623157E308", "0.5");
    for (int i = 0; i < 4; i++) {
      assertThat(r.readDecimal("size")).isEqualTo(TwsValues.UNSET_DOUBLE);
    }
    assertThat(r.readDecimal("size")).isEqualTo(0.5);
  }

  @Test
  void errorsNameTheMessageTheFieldAndItsPosition() {
    FieldReader r = over("21", "5001", "13", "1", "0.25", "oops");
    r.readMessageId();
    r.skip("tickerId");
    r.skip("tickType");
    r.skip("tickAttrib");
    r.skip("impliedVol");
    assertThatThrownBy(() -> r.readDouble("delta"))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessage(
            "message 21 (TICK_OPTION_COMPUTATION): field 'delta' (#5) is not a number: 'oops'");
    assertThatThrownBy(() -> r.readDouble("optPrice"))
        .hasMessage(
            "message 21 (TICK_OPTION_COMPUTATION): field 'optPrice' (#6) is missing: the frame"
                + " ended");
  }

  @Test
  void neverReadsPastTheWrappedRange() {
    // Two frames back to back; wrapping only the first, minus its final NUL, must not borrow the
    // second frame's bytes to finish the field.
    byte[] both = new byte[] {'4', '9', 0, '1', 0, '5', '7', 0};
    FieldReader r = reader.wrap(both, 0, 4);
    r.readMessageId();
    assertThatThrownBy(() -> r.readString("version"))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("NUL");
    assertThatThrownBy(() -> reader.wrap(both, 5, 4)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void leftoverFieldsAreReported() {
    FieldReader r = over("49", "1", "1767364200", "surprise");
    r.readMessageId();
    r.skip("version");
    r.readLong("time");
    assertThatThrownBy(r::expectEnd)
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("#3");
  }

  @Test
  void unicodeEscapesAreUndoneOnlyWhereWellFormed() {
    FieldReader r = over("caf\\u00e9 \\u4e2d", "bad \\u00g1 and \\u12", "no escapes");
    assertThat(r.readEscapedString("a")).isEqualTo("café 中");
    assertThat(r.readEscapedString("b")).isEqualTo("bad \\u00g1 and \\u12");
    assertThat(r.readEscapedString("c")).isEqualTo("no escapes");
  }

  @Test
  void readsAtAnOffsetInsideALargerBuffer() {
    byte[] p = payload("9", "1", "1000");
    byte[] padded = new byte[p.length + 10];
    System.arraycopy(p, 0, padded, 5, p.length);
    FieldReader r = reader.wrap(padded, 5, p.length);
    assertThat(r.readMessageId()).isEqualTo(9);
    r.skip("version");
    assertThat(r.readInt("orderId")).isEqualTo(1000);
    r.expectEnd();
    // A size written as text survives exactly when read back through BigDecimal.
    assertThat(new BigDecimal(Double.toString(over("0.0001").readDecimal("s"))))
        .isEqualByComparingTo("0.0001");
  }
}
