package dev.thetaflow.ib.client;

/** Frame bytes as text for logs: hex, with a cap so a huge bad frame does not flood the log. */
final class Hex {
  static final int MAX_LOGGED_BYTES = 512;

  private Hex() {}

  static String of(byte[] buffer, int offset, int length) {
    int shown = Math.min(length, MAX_LOGGED_BYTES);
    StringBuilder out = new StringBuilder(shown * 2 + 32);
    for (int i = 0; i < shown; i++) {
      int b = buffer[offset + i] & 0xFF;
      out.append(Character.forDigit(b >>> 4, 16)).append(Character.forDigit(b & 0xF, 16));
    }
    if (shown < length) {
      out.append("… (").append(length).append(" bytes)");
    }
    return out.toString();
  }
}
