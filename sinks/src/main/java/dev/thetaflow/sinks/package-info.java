/**
 * Everything the job writes outward: the Delta Lake sink (Sink V2 on Delta Kernel, exactly-once),
 * table schemas, Delta read helpers, the order sink, notification sinks.
 */
package dev.thetaflow.sinks;
