package dev.thetaflow.ib.codec;

/**
 * The server's answer to the handshake.
 *
 * @param serverVersion the version the server chose; this codec only speaks {@link
 *     TwsValues#SERVER_VERSION}
 * @param connectionTime {@code yyyyMMdd HH:mm:ss <zone>} as sent; the zone may be several words
 */
public record HandshakeAnswer(int serverVersion, String connectionTime) {
  /** True if the server chose the version this codec speaks. */
  public boolean isSupported() {
    return serverVersion == TwsValues.SERVER_VERSION;
  }
}
