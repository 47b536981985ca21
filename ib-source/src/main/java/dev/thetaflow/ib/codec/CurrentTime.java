package dev.thetaflow.ib.codec;

/**
 * currentTime (49): the server's clock.
 *
 * @param epochSeconds seconds since 1970-01-01T00:00Z
 */
public record CurrentTime(long epochSeconds) implements IncomingMessage {}
