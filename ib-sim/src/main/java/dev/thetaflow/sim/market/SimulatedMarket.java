package dev.thetaflow.sim.market;

import java.time.Instant;

/** The market the simulator drives: a view that the event loop moves forward in time. */
public interface SimulatedMarket extends MarketView {

  /**
   * Moves the market to {@code time}, in steps of its own resolution; the price process, VIX and
   * any scripted path events up to {@code time} are applied. A time before {@link #now()} is an
   * IllegalArgumentException.
   */
  void advanceTo(Instant time);

  /** Applies a scripted change (drift, volatility regime, gap, VIX level) now. */
  void apply(dev.thetaflow.sim.scenario.PathEvent event);
}
