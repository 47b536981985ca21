/**
 * What the broker tells the job, as the IB source emits it: quotes and model Greeks, positions,
 * order states, fills with commissions, account values, and the connection's own state. The broker
 * is the loop: downstream trusts these, never its own wish that an order was filled.
 */
package dev.thetaflow.core.broker;
