/** Position and portfolio Greeks: per-unit analytics scaled by multiplier and signed quantity. */
package dev.thetaflow.core.risk;
