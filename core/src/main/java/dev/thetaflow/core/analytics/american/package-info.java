/**
 * American option pricing: the Andersen–Lake–Offengelt fixed-point method for the early-exercise
 * boundary ({@link dev.thetaflow.core.analytics.american.AmericanEngine}) and a Crank–Nicolson
 * finite-difference solver for the cases it does not cover and as an independent reference ({@link
 * dev.thetaflow.core.analytics.american.FiniteDifferenceAmericanEngine}).
 */
package dev.thetaflow.core.analytics.american;
