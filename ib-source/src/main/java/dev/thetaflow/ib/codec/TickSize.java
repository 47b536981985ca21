package dev.thetaflow.ib.codec;

/**
 * tickSize (2).
 *
 * @param tickerId the reqId of the market-data request
 * @param tickType TWS tick type (0 bid size, 3 ask size, 5 last size, 8 volume, 27/28 open
 *     interest, 29/30 option volume…)
 * @param size the size, or {@link TwsValues#UNSET_DOUBLE}
 */
public record TickSize(int tickerId, int tickType, double size) implements IncomingMessage {}
