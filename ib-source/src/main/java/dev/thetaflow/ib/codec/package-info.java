/**
 * The TWS socket protocol at server version 178 as bytes: the handshake, the 4-byte big-endian
 * length framing, NUL-terminated text fields, message ids, and encoders/decoders for individual
 * messages. It knows nothing about connections, sockets, threads, request-id allocation or Flink;
 * the {@code client} package builds on it.
 *
 * <p>Decoded messages are TWS-shaped immutable records (tick types, TWS sentinels, raw strings).
 * Translating them into {@code dev.thetaflow.core} types is the job of a separate mapping package.
 *
 * <p>Orders go out as a {@link TwsContract} and a {@link TwsOrder} through {@link
 * Requests#placeOrder}, which refuses, with the field named, an order TWS would misread.
 *
 * <p>Unset values follow the official API: {@link TwsValues#UNSET_INT}, {@link
 * TwsValues#UNSET_LONG} and {@link TwsValues#UNSET_DOUBLE}. Classes here are not thread-safe unless
 * their comment says so; a connection owns its own instances.
 */
package dev.thetaflow.ib.codec;
