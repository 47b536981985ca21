/**
 * From TWS messages to thetaflow's domain: request ids become instruments, ticks become quotes and
 * model Greeks, sentinels become NaN. TWS types stop here.
 */
package dev.thetaflow.ib.mapping;
