package dev.thetaflow.sim.scenario;

import java.time.Duration;

/**
 * One fault of a scenario.
 *
 * @param at simulated time since the start of the run when the fault begins
 * @param kind what happens
 * @param duration how long it lasts; zero for instantaneous faults (DROP_CONNECTION, GARBAGE_FRAME)
 * @param code IB error code for REJECT_ORDERS (default 201), 0 otherwise
 * @param reason the rejection text for REJECT_ORDERS, empty otherwise
 */
public record Fault(Duration at, FaultKind kind, Duration duration, int code, String reason) {}
