/**
 * The TWS wire protocol ({@code codec}: bytes, framing, fields), the client ({@code client}: the
 * connection, handshake, version negotiation, request ids, pacing, reconnect) and the Flink {@code
 * source}. Dependencies point one way: codec &larr; client &larr; source. TWS types never leave
 * this module; a mapping package translates them into {@code dev.thetaflow.core} types.
 */
package dev.thetaflow.ib;
