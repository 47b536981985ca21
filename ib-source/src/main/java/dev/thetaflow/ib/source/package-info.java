/**
 * The Flink source of broker events: one split per IB connection, its reader owning the connection,
 * its checkpointed state the time of the last fill so that a restored job asks the broker for the
 * executions it may have missed.
 */
package dev.thetaflow.ib.source;
