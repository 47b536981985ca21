package dev.thetaflow.ib.codec;

/**
 * tickGeneric (45): a single numeric tick, for example 24 option implied volatility or 23
 * historical volatility.
 *
 * @param tickerId the reqId of the market-data request
 * @param tickType TWS tick type
 * @param value the value, or {@link TwsValues#UNSET_DOUBLE}
 */
public record TickGeneric(int tickerId, int tickType, double value) implements IncomingMessage {}
