/**
 * ib-sim: a market and broker simulator that speaks the TWS wire protocol on a loopback socket, for
 * tests, the demo and fault drills.
 */
package dev.thetaflow.sim;
