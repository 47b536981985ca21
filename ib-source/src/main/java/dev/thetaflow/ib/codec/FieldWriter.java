package dev.thetaflow.ib.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds one outgoing frame: {@link #begin} reserves the 4-byte length and writes the message id,
 * the {@code write…} methods append NUL-terminated fields, and {@link #finish} patches the length.
 * The frame is then {@code buffer()[0, frameLength())}, ready for a socket write.
 *
 * <p>Values are written the way the official client writes them at version 178: ints and longs as
 * decimal text, booleans as {@code 1}/{@code 0}, doubles as Java {@link Double#toString} ({@code
 * 450.0}, {@code 1.0E-4}, {@code Infinity}), and the {@code …Max} variants write the unset
 * sentinels of {@link TwsValues} as an empty field. Reusable and allocation-free except for doubles
 * and non-ASCII strings. Not thread-safe.
 */
public final class FieldWriter {
  private static final int HEADER = 4;

  private byte[] buffer;
  private int length;
  private boolean open;

  /** A writer with a 256-byte initial buffer that grows as needed. */
  public FieldWriter() {
    this(256);
  }

  /** A writer with the given initial buffer capacity. */
  public FieldWriter(int initialCapacity) {
    buffer = new byte[Math.max(initialCapacity, 16)];
  }

  /** Starts a new frame (discarding any unfinished one) and writes the message id field. */
  public FieldWriter begin(OutgoingMessageId messageId) {
    length = HEADER;
    open = true;
    return writeInt(messageId.id());
  }

  /**
   * Starts a new frame with a numeric message id: for writing the server's side of the protocol
   * (ib-sim), whose ids are not {@link OutgoingMessageId}s.
   */
  public FieldWriter beginServerMessage(int messageId) {
    length = HEADER;
    open = true;
    return writeInt(messageId);
  }

  /** Writes an int as decimal text. */
  public FieldWriter writeInt(int value) {
    return writeLong(value);
  }

  /** Writes an int, or an empty field for {@link TwsValues#UNSET_INT}. */
  public FieldWriter writeIntMax(int value) {
    return value == TwsValues.UNSET_INT ? writeEmpty() : writeLong(value);
  }

  /** Writes a long as decimal text. */
  public FieldWriter writeLong(long value) {
    checkOpen();
    ensure(21);
    if (value < 0) {
      buffer[length++] = '-';
    } else {
      value = -value; // work in negatives so that Long.MIN_VALUE needs no special case
    }
    int start = length;
    do {
      buffer[length++] = (byte) ('0' - (value % 10));
      value /= 10;
    } while (value != 0);
    reverse(start, length - 1);
    buffer[length++] = 0;
    return this;
  }

  /** Writes a long, or an empty field for {@link TwsValues#UNSET_LONG}. */
  public FieldWriter writeLongMax(long value) {
    return value == TwsValues.UNSET_LONG ? writeEmpty() : writeLong(value);
  }

  /** Writes {@code 1} or {@code 0}. */
  public FieldWriter writeBoolean(boolean value) {
    return writeInt(value ? 1 : 0);
  }

  /**
   * Writes a double in Java {@code Double.toString} form. NaN is refused: TWS has no NaN input and
   * sending one would be a bug upstream.
   */
  public FieldWriter writeDouble(double value) {
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException("NaN cannot be sent to TWS");
    }
    return writeAscii(Double.toString(value));
  }

  /** Writes a double, or an empty field for {@link TwsValues#UNSET_DOUBLE}. */
  public FieldWriter writeDoubleMax(double value) {
    return value == TwsValues.UNSET_DOUBLE ? writeEmpty() : writeDouble(value);
  }

  /** Writes a UTF-8 string; {@code null} writes an empty field. A NUL inside is refused. */
  public FieldWriter writeString(String value) {
    checkOpen();
    if (value == null) {
      return writeEmpty();
    }
    int n = value.length();
    ensure(n + 1);
    int start = length;
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c == 0) {
        length = start;
        throw new IllegalArgumentException("a NUL inside a field would break the framing");
      }
      if (c >= 0x80) {
        length = start;
        return writeUtf8(value);
      }
      buffer[length++] = (byte) c;
    }
    buffer[length++] = 0;
    return this;
  }

  /** Writes an empty field. */
  public FieldWriter writeEmpty() {
    checkOpen();
    ensure(1);
    buffer[length++] = 0;
    return this;
  }

  /**
   * Patches the length prefix and closes the frame.
   *
   * @return the frame length in bytes, prefix included
   * @throws IllegalStateException if the payload exceeds {@link TwsValues#MAX_FRAME_LENGTH}
   */
  public int finish() {
    checkOpen();
    int payload = length - HEADER;
    if (payload > TwsValues.MAX_FRAME_LENGTH) {
      throw new IllegalStateException("frame payload of " + payload + " bytes exceeds the limit");
    }
    buffer[0] = (byte) (payload >>> 24);
    buffer[1] = (byte) (payload >>> 16);
    buffer[2] = (byte) (payload >>> 8);
    buffer[3] = (byte) payload;
    open = false;
    return length;
  }

  /** The internal buffer; the finished frame is {@code [0, frameLength())}. */
  public byte[] buffer() {
    return buffer;
  }

  /** Bytes written so far, length prefix included. */
  public int frameLength() {
    return length;
  }

  /** A copy of the frame (for tests and logging, not for the hot path). */
  public byte[] toByteArray() {
    return Arrays.copyOf(buffer, length);
  }

  private FieldWriter writeAscii(String text) {
    checkOpen();
    int n = text.length();
    ensure(n + 1);
    for (int i = 0; i < n; i++) {
      buffer[length++] = (byte) text.charAt(i);
    }
    buffer[length++] = 0;
    return this;
  }

  private FieldWriter writeUtf8(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    ensure(bytes.length + 1);
    System.arraycopy(bytes, 0, buffer, length, bytes.length);
    length += bytes.length;
    buffer[length++] = 0;
    return this;
  }

  private void checkOpen() {
    if (!open) {
      throw new IllegalStateException("begin() a frame before writing fields");
    }
  }

  private void ensure(int extra) {
    if (length + extra > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + extra));
    }
  }

  private void reverse(int from, int to) {
    while (from < to) {
      byte t = buffer[from];
      buffer[from++] = buffer[to];
      buffer[to--] = t;
    }
  }
}
