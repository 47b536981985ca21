package dev.thetaflow.core.decision;

import java.util.List;
import java.util.Optional;

/**
 * Where a strategy's decisions meet: the highest priority wins ({@link Decision#BY_PRIORITY}), and
 * what is already being worked is not sent twice. Pure: the keyed operator keeps the decision being
 * worked (from the moment its order is sent until the order ends) and asks here what to do.
 */
public final class DecisionArbiter {
  private DecisionArbiter() {}

  /** What to do with the winning decision. */
  public enum Verdict {
    /** Nothing to do: no rule fired (only holds). */
    NOTHING,
    /** Send an order for the winner; nothing is being worked. */
    SEND,
    /** The same action is being worked: do not send it again. */
    ALREADY_WORKING,
    /** The same action is being worked, but the winner is more urgent: re-price it marketable. */
    ESCALATE,
    /** Another, lower-priority action is being worked: cancel it and send the winner. */
    SUPERSEDE
  }

  /**
   * The outcome for one strategy.
   *
   * @param verdict what to do
   * @param winner the winning decision, empty for {@link Verdict#NOTHING}
   */
  public record Outcome(Verdict verdict, Optional<Decision> winner) {}

  /**
   * Arbitrates {@code candidates} (one strategy's decisions of this evaluation) against {@code
   * working}, the decision whose order is still working, if any.
   */
  public static Outcome arbitrate(List<Decision> candidates, Optional<Decision> working) {
    Optional<Decision> winner =
        candidates.stream()
            .filter(d -> d.action() != DecisionAction.HOLD)
            .min(Decision.BY_PRIORITY);
    if (winner.isEmpty()) {
      return new Outcome(Verdict.NOTHING, Optional.empty());
    }
    Decision w = winner.get();
    if (working.isEmpty()) {
      return new Outcome(Verdict.SEND, winner);
    }
    Decision current = working.get();
    if (current.action() == w.action()) {
      return new Outcome(
          w.urgency().compareTo(current.urgency()) > 0 ? Verdict.ESCALATE : Verdict.ALREADY_WORKING,
          winner);
    }
    // a different action: the higher priority one is worked, the other waits
    return Decision.BY_PRIORITY.compare(w, current) < 0
        ? new Outcome(Verdict.SUPERSEDE, winner)
        : new Outcome(Verdict.ALREADY_WORKING, winner);
  }
}
