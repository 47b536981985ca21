package dev.thetaflow.sim.scenario;

import java.time.Duration;

/**
 * A scripted change to the market at a simulated time since the start of the run. Exactly one of
 * {@code drift}, {@code volatility}, {@code gap} applies to an underlying; {@code vix} sets the VIX
 * level (underlying null), from which it mean-reverts.
 *
 * @param at simulated time since the start
 * @param underlying the symbol, or null for a VIX event
 * @param kind what changes
 * @param value annual drift, instantaneous volatility, gap as a fraction (−0.03), or a VIX level
 */
public record PathEvent(Duration at, String underlying, Kind kind, double value) {

  /** What a path event changes. */
  public enum Kind {
    DRIFT,
    VOLATILITY,
    GAP,
    VIX
  }
}
