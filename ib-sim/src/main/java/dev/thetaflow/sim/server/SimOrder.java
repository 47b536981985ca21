package dev.thetaflow.sim.server;

import dev.thetaflow.sim.market.SimInstrument;
import java.util.List;

/** A working or finished order in the simulated broker; mutated only by the sim's event loop. */
final class SimOrder {
  /**
   * One leg and its direction when the order buys (a combo's BUY/SELL per leg); a single-leg order
   * has one leg with ratio 1 and {@code buy} true, its direction being the order's.
   */
  record Leg(SimInstrument instrument, int ratio, boolean buy) {}

  final int clientId;
  final int orderId;
  final long permId;
  final boolean combo;
  final List<Leg> legs;
  boolean buy;
  long quantity;
  String orderType;
  double limitPrice;
  double auxPrice;
  double trailStopPrice;
  double trailingPercent;
  String tif;
  String orderRef;
  String status = "PreSubmitted";
  long filled;
  double avgFillPrice;
  double lastFillPrice;
  boolean triggered;

  /** When it filled or was cancelled, as TWS writes it; null while working. */
  String completedTime;

  SimOrder(int clientId, int orderId, long permId, boolean combo, List<Leg> legs) {
    this.clientId = clientId;
    this.orderId = orderId;
    this.permId = permId;
    this.combo = combo;
    this.legs = List.copyOf(legs);
  }

  long remaining() {
    return quantity - filled;
  }

  boolean isWorking() {
    return status.equals("PreSubmitted") || status.equals("Submitted");
  }
}
