/**
 * Small immutable value types with fixed precision: {@link dev.thetaflow.core.value.Price} on a
 * tick grid, {@link dev.thetaflow.core.value.Quantity} in whole units, {@link
 * dev.thetaflow.core.value.Money} with a currency, the trade {@link dev.thetaflow.core.value.Side}.
 * Constructing one from NaN, a negative quantity or an off-grid price fails at once.
 */
package dev.thetaflow.core.value;
