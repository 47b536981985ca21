package dev.thetaflow.ib.codec;

/**
 * tickString (46): a textual tick, for example 45 last timestamp (epoch seconds) or 48 RT volume.
 *
 * @param tickerId the reqId of the market-data request
 * @param tickType TWS tick type
 * @param value the text as sent
 */
public record TickString(int tickerId, int tickType, String value) implements IncomingMessage {}
