package dev.thetaflow.core.risk;

import dev.thetaflow.core.instrument.Leg;
import dev.thetaflow.core.order.OrderPurpose;
import dev.thetaflow.core.order.OrderRequest;

/**
 * The pre-trade checks every order passes before it may leave: the kill switch (nothing new
 * leaves), paused entries (exits still leave, so a trader can always get out), and the size limit
 * per order. Plain state, no Flink: the job's risk gate keeps it in checkpointed state, so a
 * restart does not lift a kill switch.
 */
public final class PreTradeGate {

  /** Why an order may not leave, or null when it may. */
  public record Refusal(String reason) {}

  private final int maxContractsPerOrder;
  private boolean killed;
  private boolean entriesPaused;

  /**
   * @param maxContractsPerOrder most contracts of any one leg in one order, &ge; 1
   */
  public PreTradeGate(int maxContractsPerOrder) {
    if (maxContractsPerOrder < 1) {
      throw new IllegalArgumentException(
          "maxContractsPerOrder must be >= 1, was " + maxContractsPerOrder);
    }
    this.maxContractsPerOrder = maxContractsPerOrder;
  }

  /** Null when {@code order} may leave now; otherwise why not, in words for an alert. */
  public Refusal check(OrderRequest order) {
    String ref = order.orderRef().toString();
    if (killed) {
      return new Refusal(ref + " refused: the kill switch is on");
    }
    if (entriesPaused && order.orderRef().purpose() == OrderPurpose.ENTRY) {
      return new Refusal(ref + " refused: entries are paused");
    }
    for (Leg leg : order.legs()) {
      long contracts = Math.abs((long) leg.ratio()) * order.quantity();
      if (contracts > maxContractsPerOrder) {
        return new Refusal(
            ref
                + " refused: "
                + contracts
                + " contracts of "
                + leg.contract().conId()
                + " in one order, the limit is "
                + maxContractsPerOrder);
      }
    }
    return null;
  }

  public void kill() {
    killed = true;
  }

  public void release() {
    killed = false;
  }

  public void pauseEntries() {
    entriesPaused = true;
  }

  public void resumeEntries() {
    entriesPaused = false;
  }

  public boolean killed() {
    return killed;
  }

  public boolean entriesPaused() {
    return entriesPaused;
  }

  /** Restores switches from a checkpoint. */
  public void restore(boolean killed, boolean entriesPaused) {
    this.killed = killed;
    this.entriesPaused = entriesPaused;
  }
}
