package dev.thetaflow.ib.codec;

import java.nio.charset.StandardCharsets;

/**
 * The connection prefix (protocol brief §1.1–1.2): the client sends {@code "API\0"}, then a
 * length-prefixed version range such as {@code v100..178} (no trailing NUL); the server answers
 * with one ordinary frame of two fields, its version and its connection time.
 */
public final class Handshake {
  private static final byte[] API_PREFIX = {'A', 'P', 'I', 0};

  private Handshake() {}

  /** The bytes for {@code v100..178}, the range this codec speaks. */
  public static byte[] encode() {
    return encode(TwsValues.MIN_CLIENT_VERSION, TwsValues.SERVER_VERSION, "");
  }

  /**
   * The handshake bytes for a version range and optional connect options (such as {@code +PACEAPI},
   * appended after one space). When min equals max the text is just {@code v<ver>}.
   */
  public static byte[] encode(int minVersion, int maxVersion, String connectOptions) {
    if (minVersion < 1 || maxVersion < minVersion) {
      throw new IllegalArgumentException("bad version range " + minVersion + ".." + maxVersion);
    }
    String text =
        minVersion == maxVersion ? "v" + minVersion : "v" + minVersion + ".." + maxVersion;
    if (connectOptions != null && !connectOptions.isEmpty()) {
      text = text + " " + connectOptions;
    }
    byte[] version = text.getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[API_PREFIX.length + 4 + version.length];
    System.arraycopy(API_PREFIX, 0, out, 0, API_PREFIX.length);
    int n = version.length;
    out[4] = (byte) (n >>> 24);
    out[5] = (byte) (n >>> 16);
    out[6] = (byte) (n >>> 8);
    out[7] = (byte) n;
    System.arraycopy(version, 0, out, 8, n);
    return out;
  }

  /**
   * True if this payload has exactly two fields, the shape of the server's answer. The official
   * client skips other frames (news can arrive first) until it sees one.
   */
  public static boolean isAnswer(byte[] buffer, int offset, int length) {
    int fields = 0;
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      if (buffer[i] == 0) {
        fields++;
      }
    }
    return fields == 2 && length > 0 && buffer[end - 1] == 0;
  }

  /**
   * Decodes the answer payload. The connection time is read as ISO-8859-1 because a gateway may
   * send its zone name in a local, non-UTF-8 encoding; it never fails on those bytes.
   */
  public static HandshakeAnswer decodeAnswer(byte[] buffer, int offset, int length) {
    FieldReader reader = new FieldReader().wrap(buffer, offset, length);
    int serverVersion = reader.readInt("serverVersion");
    int timeStart = offset;
    while (buffer[timeStart] != 0) {
      timeStart++;
    }
    timeStart++;
    reader.skip("connectionTime");
    reader.expectEnd();
    int end = offset + length - 1; // the final NUL
    String time = new String(buffer, timeStart, end - timeStart, StandardCharsets.ISO_8859_1);
    return new HandshakeAnswer(serverVersion, time);
  }
}
