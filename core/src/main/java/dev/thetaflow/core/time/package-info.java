/**
 * Exchange time: the US equity calendar (hours, holidays, early closes) and option expiry
 * arithmetic. Every method takes its "now" from the caller; nothing reads the system clock.
 */
package dev.thetaflow.core.time;
