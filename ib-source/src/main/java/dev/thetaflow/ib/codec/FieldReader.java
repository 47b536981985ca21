package dev.thetaflow.ib.codec;

import java.nio.charset.StandardCharsets;

/**
 * Reads the NUL-terminated text fields of one frame payload, in order, without copying the frame.
 *
 * <p>A flyweight: {@link #wrap} it over (buffer, offset, length) and read field by field. Numbers
 * are parsed straight from the bytes; only string fields (and rare exotic doubles) allocate. Every
 * problem is reported as a {@link MalformedMessageException} that names the message id and the
 * field; the reader never reads outside the wrapped range, so a bad frame cannot disturb the next.
 *
 * <p>Read methods come in two flavours: {@code readInt}, {@code readLong} and {@code readDouble}
 * reject an empty field; the {@code …Max} variants map an empty field to the unset sentinels of
 * {@link TwsValues} (the official decoder's readIntMax/readDoubleMax). Not thread-safe.
 */
public final class FieldReader {
  private static final double[] POW10 = new double[23];

  static {
    double p = 1.0;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p; // 10^0..10^22 are exact doubles
      p *= 10.0;
    }
  }

  private byte[] buffer;
  private int position;
  private int end;
  private int messageId = -1;
  private int fieldIndex;
  private int currentField;
  private int fieldStart;
  private int fieldEnd;

  /** Positions the reader at the first field of {@code buffer[offset, offset + length)}. */
  public FieldReader wrap(byte[] buffer, int offset, int length) {
    if (offset < 0 || length < 0 || offset > buffer.length - length) {
      throw new IndexOutOfBoundsException(
          "offset " + offset + ", length " + length + " outside buffer of " + buffer.length);
    }
    this.buffer = buffer;
    this.position = offset;
    this.end = offset + length;
    this.messageId = -1;
    this.fieldIndex = 0;
    return this;
  }

  /** Reads field 0, the message id; later errors name it. */
  public int readMessageId() {
    int id = readInt("msgId");
    messageId = id;
    return id;
  }

  /** The message id read by {@link #readMessageId}, or -1 before that. */
  public int messageId() {
    return messageId;
  }

  /** True while at least one more field (terminated or not) remains. */
  public boolean hasMoreFields() {
    return position < end;
  }

  /** Fails unless every field of the frame has been read; a leftover means a layout mismatch. */
  public void expectEnd() {
    if (position < end) {
      currentField = fieldIndex;
      throw error("<end>", "is unexpected: the frame has more fields than the 178 layout");
    }
  }

  /** Skips one field the caller does not need (for example a version field). */
  public void skip(String field) {
    next(field);
  }

  /** A UTF-8 string; an empty field gives "". Malformed UTF-8 becomes U+FFFD. */
  public String readString(String field) {
    next(field);
    return new String(buffer, fieldStart, fieldEnd - fieldStart, StandardCharsets.UTF_8);
  }

  /**
   * A string in which TWS escaped non-ASCII characters as {@code \}{@code uXXXX} (from version 153,
   * error texts and long names); the escapes are turned back into characters.
   */
  public String readEscapedString(String field) {
    String raw = readString(field);
    return raw.indexOf("\\u") < 0 ? raw : unescape(raw);
  }

  /** A decimal int; an empty field is an error. */
  public int readInt(String field) {
    next(field);
    return parseInt(field);
  }

  /** A decimal int, or {@link TwsValues#UNSET_INT} for an empty field. */
  public int readIntMax(String field) {
    next(field);
    return fieldStart == fieldEnd ? TwsValues.UNSET_INT : parseInt(field);
  }

  /** A decimal long; an empty field is an error. */
  public long readLong(String field) {
    next(field);
    return parseLong(field);
  }

  /** A decimal long, or {@link TwsValues#UNSET_LONG} for an empty field. */
  public long readLongMax(String field) {
    next(field);
    return fieldStart == fieldEnd ? TwsValues.UNSET_LONG : parseLong(field);
  }

  /**
   * A repeat count. It must be non-negative and no larger than the fields that could still follow,
   * so a corrupt count fails here instead of sizing a huge list.
   */
  public int readCount(String field) {
    int count = readInt(field);
    if (count < 0 || count > end - position) {
      throw error(field, "is an impossible count: " + count);
    }
    return count;
  }

  /** A boolean written as an int (0 is false, anything else true, as TWS reads it). */
  public boolean readBoolean(String field) {
    return readInt(field) != 0;
  }

  /** A Java-formatted double ({@code 5.05}, {@code -1}, {@code 1.0E-4}, {@code Infinity}). */
  public double readDouble(String field) {
    next(field);
    return parseDouble(field);
  }

  /**
   * A double, or {@link TwsValues#UNSET_DOUBLE} for an empty field. The text {@code
   * 1.7976931348623157E308} parses to the same sentinel.
   */
  public double readDoubleMax(String field) {
    next(field);
    return fieldStart == fieldEnd ? TwsValues.UNSET_DOUBLE : parseDouble(field);
  }

  /**
   * A decimal size (TWS "Decimal": {@code 12}, {@code 0.5}), as a double; empty, {@code
   * 2147483647}, {@code 9223372036854775807} and {@code 1.7976931348623157E308} all mean unset and
   * give {@link TwsValues#UNSET_DOUBLE}.
   */
  public double readDecimal(String field) {
    double value = readDoubleMax(field);
    return value == Integer.MAX_VALUE || value == (double) Long.MAX_VALUE
        ? TwsValues.UNSET_DOUBLE
        : value;
  }

  private void next(String field) {
    currentField = fieldIndex;
    if (position >= end) {
      throw error(field, "is missing: the frame ended");
    }
    int nul = position;
    while (nul < end && buffer[nul] != 0) {
      nul++;
    }
    if (nul == end) {
      throw error(field, "is not NUL-terminated");
    }
    fieldStart = position;
    fieldEnd = nul;
    position = nul + 1;
    fieldIndex++;
  }

  private int parseInt(String field) {
    long value = parseLong(field);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw malformedNumber(field, "is out of int range");
    }
    return (int) value;
  }

  private long parseLong(String field) {
    int i = fieldStart;
    if (i == fieldEnd) {
      throw malformedNumber(field, "is empty, a number was expected");
    }
    boolean negative = buffer[i] == '-';
    if (negative) {
      i++;
    }
    if (i == fieldEnd) {
      throw malformedNumber(field, "is not an integer");
    }
    long value = 0; // accumulated negatively so that Long.MIN_VALUE fits
    for (; i < fieldEnd; i++) {
      int digit = buffer[i] - '0';
      if (digit < 0 || digit > 9) {
        throw malformedNumber(field, "is not an integer");
      }
      if (value < (Long.MIN_VALUE + digit) / 10) {
        throw malformedNumber(field, "is out of long range");
      }
      value = value * 10 - digit;
    }
    if (!negative && value == Long.MIN_VALUE) {
      throw malformedNumber(field, "is out of long range");
    }
    return negative ? value : -value;
  }

  /**
   * Plain decimals of at most 15 digits and 22 fraction digits are exact as (integer / 10^k), and
   * one IEEE division rounds correctly, so the result equals Double.parseDouble. Everything else
   * (exponents, Infinity, long mantissas) goes through Double.parseDouble.
   */
  private double parseDouble(String field) {
    int i = fieldStart;
    if (i == fieldEnd) {
      throw malformedNumber(field, "is empty, a number was expected");
    }
    boolean negative = buffer[i] == '-';
    if (negative) {
      i++;
    }
    long mantissa = 0;
    int digits = 0;
    int fractionDigits = -1;
    for (; i < fieldEnd; i++) {
      byte b = buffer[i];
      if (b >= '0' && b <= '9') {
        if (++digits > 15) {
          return parseDoubleSlow(field);
        }
        mantissa = mantissa * 10 + (b - '0');
        if (fractionDigits >= 0) {
          fractionDigits++;
        }
      } else if (b == '.' && fractionDigits < 0) {
        fractionDigits = 0;
      } else {
        return parseDoubleSlow(field);
      }
    }
    if (digits == 0) {
      throw malformedNumber(field, "is not a number");
    }
    double value = fractionDigits > 0 ? mantissa / POW10[fractionDigits] : (double) mantissa;
    return negative ? -value : value;
  }

  private double parseDoubleSlow(String field) {
    // Only what Java's Double.toString can produce; Double.parseDouble alone would also accept
    // whitespace, hex and type suffixes.
    for (int i = fieldStart; i < fieldEnd; i++) {
      byte b = buffer[i];
      boolean allowed =
          (b >= '0' && b <= '9') || b == '.' || b == '-' || b == '+' || b == 'E' || b == 'e';
      if (!allowed) {
        String text = text();
        if (text.equals("Infinity") || text.equals("-Infinity") || text.equals("NaN")) {
          return Double.parseDouble(text);
        }
        throw malformedNumber(field, "is not a number");
      }
    }
    try {
      return Double.parseDouble(text());
    } catch (NumberFormatException e) {
      throw malformedNumber(field, "is not a number");
    }
  }

  private String text() {
    return new String(buffer, fieldStart, fieldEnd - fieldStart, StandardCharsets.UTF_8);
  }

  private MalformedMessageException malformedNumber(String field, String problem) {
    return error(field, problem + ": '" + text() + "'");
  }

  /** An exception for a field whose value is well-formed but not one this codec decodes. */
  MalformedMessageException unsupported(String field, String problem) {
    return error(field, problem);
  }

  private MalformedMessageException error(String field, String problem) {
    return new MalformedMessageException(messageId, field, currentField, problem);
  }

  private static String unescape(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < raw.length() && raw.charAt(i + 1) == 'u' && isHex4(raw, i + 2)) {
        out.append((char) Integer.parseInt(raw, i + 2, i + 6, 16));
        i += 6;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static boolean isHex4(String s, int from) {
    if (from + 4 > s.length()) {
      return false;
    }
    for (int i = from; i < from + 4; i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
