/**
 * The order path in domain terms: intents from strategies, requests to the broker keyed by {@link
 * dev.thetaflow.core.order.OrderRef}, statuses, fills and positions coming back.
 */
package dev.thetaflow.core.order;
