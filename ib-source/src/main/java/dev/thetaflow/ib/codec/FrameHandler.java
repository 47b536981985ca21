package dev.thetaflow.ib.codec;

/** Receives complete frame payloads from a {@link FrameDecoder}. */
@FunctionalInterface
public interface FrameHandler {
  /**
   * One complete payload: the fields after the length prefix, {@code buffer[offset, offset +
   * length)}. The bytes are only valid during the call; copy what must outlive it.
   */
  void onFrame(byte[] buffer, int offset, int length);
}
