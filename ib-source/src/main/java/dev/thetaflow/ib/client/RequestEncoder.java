package dev.thetaflow.ib.client;

import dev.thetaflow.ib.codec.FieldWriter;

/**
 * Writes one request frame, e.g. {@code w -> Requests.reqIds(w, 1)}; returns the frame length as
 * the {@code Requests} encoders do.
 */
@FunctionalInterface
public interface RequestEncoder {
  int encode(FieldWriter writer);
}
