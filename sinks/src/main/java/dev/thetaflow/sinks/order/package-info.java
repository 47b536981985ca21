/**
 * The order sink: places, cancels and kill-switches orders at IB on its own client id, each {@link
 * dev.thetaflow.core.order.OrderRef} at most once across restarts.
 */
package dev.thetaflow.sinks.order;
