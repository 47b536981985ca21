package dev.thetaflow.ib.codec;

/**
 * tickReqParams (81), sent right after reqMktData (no version field).
 *
 * @param tickerId the reqId of the market-data request
 * @param minTick the minimum price increment, or {@link TwsValues#UNSET_DOUBLE}
 * @param bboExchange the exchange code for the BBO (as in smart-component lookups)
 * @param snapshotPermissions permission bits for snapshots
 */
public record TickReqParams(
    int tickerId, double minTick, String bboExchange, int snapshotPermissions)
    implements IncomingMessage {}
