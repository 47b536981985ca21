package dev.thetaflow.ib.codec;

/**
 * marketDataType (58): the kind of data a subscription now delivers.
 *
 * @param reqId the market-data request
 * @param marketDataType 1 live, 2 frozen, 3 delayed, 4 delayed-frozen
 */
public record MarketDataType(int reqId, int marketDataType) implements IncomingMessage {}
