package dev.thetaflow.ib.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Hand-built frames for tests, written without the codec under test. */
final class TestFrames {
  private TestFrames() {}

  /** A payload: each field followed by NUL. */
  static byte[] payload(String... fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String field : fields) {
      out.writeBytes(field.getBytes(StandardCharsets.UTF_8));
      out.write(0);
    }
    return out.toByteArray();
  }

  /** A frame: 4-byte big-endian length, then the payload. */
  static byte[] frame(byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int n = payload.length;
    out.write(n >>> 24);
    out.write(n >>> 16);
    out.write(n >>> 8);
    out.write(n);
    out.writeBytes(payload);
    return out.toByteArray();
  }

  static byte[] frame(String... fields) {
    return frame(payload(fields));
  }
}
