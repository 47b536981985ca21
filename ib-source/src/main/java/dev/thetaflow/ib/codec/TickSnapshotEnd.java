package dev.thetaflow.ib.codec;

/**
 * tickSnapshotEnd (57): a snapshot request has delivered everything.
 *
 * @param reqId the snapshot request's id
 */
public record TickSnapshotEnd(int reqId) implements IncomingMessage {}
