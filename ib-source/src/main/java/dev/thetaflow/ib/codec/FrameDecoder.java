package dev.thetaflow.ib.codec;

/**
 * Splits the server's byte stream into frames ({@code [4-byte big-endian length][payload]}) however
 * the socket chunks it: a frame split across reads is kept until complete, several frames in one
 * read are all delivered, in order.
 *
 * <p>A length prefix that is negative or above the maximum means the stream is out of step and
 * nothing after it can be trusted. {@link #feed} then returns {@link Status#CORRUPT_LENGTH} and
 * keeps returning it until {@link #reset}; the client should drop the connection and reconnect.
 *
 * <p>Use from one thread (the connection's reader). Payloads are delivered straight from the
 * internal buffer, without copying.
 */
public final class FrameDecoder {
  /** Outcome of {@link #feed}. */
  public enum Status {
    /** Every complete frame was delivered; any partial frame is kept for the next feed. */
    OK,
    /** A length prefix was negative or over the limit; the stream is unusable until reset. */
    CORRUPT_LENGTH
  }

  private static final int HEADER = 4;

  private final int maxFrameLength;
  private byte[] buffer;
  private int start;
  private int end;
  private int corruptLength;
  private boolean corrupt;

  /** A decoder with the protocol's limit, {@link TwsValues#MAX_FRAME_LENGTH}. */
  public FrameDecoder() {
    this(TwsValues.MAX_FRAME_LENGTH);
  }

  /** A decoder that rejects payloads longer than {@code maxFrameLength} bytes. */
  public FrameDecoder(int maxFrameLength) {
    if (maxFrameLength < 1) {
      throw new IllegalArgumentException("maxFrameLength must be positive: " + maxFrameLength);
    }
    this.maxFrameLength = maxFrameLength;
    this.buffer = new byte[Math.min(maxFrameLength + HEADER, 64 * 1024)];
  }

  /**
   * Appends {@code src[offset, offset + length)} and delivers every frame now complete.
   *
   * <p>If the handler throws, the frame it was given counts as consumed, so feeding more bytes
   * later continues with the next frame.
   */
  public Status feed(byte[] src, int offset, int length, FrameHandler handler) {
    if (corrupt) {
      return Status.CORRUPT_LENGTH;
    }
    append(src, offset, length);
    while (end - start >= HEADER) {
      int payload =
          (buffer[start] & 0xFF) << 24
              | (buffer[start + 1] & 0xFF) << 16
              | (buffer[start + 2] & 0xFF) << 8
              | (buffer[start + 3] & 0xFF);
      if (payload < 0 || payload > maxFrameLength) {
        corrupt = true;
        corruptLength = payload;
        return Status.CORRUPT_LENGTH;
      }
      if (end - start - HEADER < payload) {
        break;
      }
      int payloadStart = start + HEADER;
      start = payloadStart + payload;
      handler.onFrame(buffer, payloadStart, payload);
    }
    if (start == end) {
      start = 0;
      end = 0;
    }
    return Status.OK;
  }

  /** The offending length prefix after {@link Status#CORRUPT_LENGTH} (as a signed int). */
  public int corruptLength() {
    return corruptLength;
  }

  /** Bytes received but not yet delivered (a partial frame). */
  public int bufferedBytes() {
    return end - start;
  }

  /** Forgets all buffered bytes and any corruption, for a fresh connection. */
  public void reset() {
    start = 0;
    end = 0;
    corrupt = false;
    corruptLength = 0;
  }

  private void append(byte[] src, int offset, int length) {
    if (offset < 0 || length < 0 || offset > src.length - length) {
      throw new IndexOutOfBoundsException(
          "offset " + offset + ", length " + length + " outside array of " + src.length);
    }
    if (end + length > buffer.length) {
      int pending = end - start;
      if (pending + length <= buffer.length && start > 0) {
        System.arraycopy(buffer, start, buffer, 0, pending);
      } else {
        byte[] bigger = new byte[Math.max(buffer.length * 2, pending + length)];
        System.arraycopy(buffer, start, bigger, 0, pending);
        buffer = bigger;
      }
      start = 0;
      end = pending;
    }
    System.arraycopy(src, offset, buffer, end, length);
    end += length;
  }
}
