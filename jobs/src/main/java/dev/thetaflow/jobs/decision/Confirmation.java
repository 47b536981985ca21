package dev.thetaflow.jobs.decision;

import java.io.Serializable;
import java.time.Duration;

/**
 * How long a breach must hold before it becomes a decision: at least {@code marks} consecutive
 * breached signals, and at least {@code hold} of event time between the first breached signal of
 * the episode and the confirming one. An un-breached signal in between cancels the episode
 * (whipsaw). Both must hold, so a burst of quotes cannot confirm in a blink and a slow market
 * cannot confirm on a single stale mark.
 *
 * @param marks consecutive breached signals, at least 1
 * @param hold event time from the first breached signal to the confirming one, at least zero
 */
// Serializable: the CEP condition and match function that hold it ship with the job graph.
public record Confirmation(int marks, Duration hold) implements Serializable {

  /** Trailing stop: 3 marks over 10 s, so a spike through the trail that reverts does not exit. */
  public static final Confirmation TRAILING_STOP_DEFAULT =
      new Confirmation(3, Duration.ofSeconds(10));

  /** Stop loss: 2 marks over 3 s, shorter, since holding a real loser costs more than a whipsaw. */
  public static final Confirmation STOP_LOSS_DEFAULT = new Confirmation(2, Duration.ofSeconds(3));

  public Confirmation {
    if (marks < 1) {
      throw new IllegalArgumentException("confirmation needs at least 1 mark, was " + marks);
    }
    if (hold == null || hold.isNegative()) {
      throw new IllegalArgumentException("confirmation hold must be zero or more, was " + hold);
    }
  }

  /** Whether a breach seen on {@code heldMarks} signals over {@code elapsed} is confirmed. */
  public boolean confirmedBy(int heldMarks, Duration elapsed) {
    return heldMarks >= marks && elapsed.compareTo(hold) >= 0;
  }

  /** The first breached signal confirms on its own: no pattern needs to wait. */
  boolean immediate() {
    return marks == 1 && hold.isZero();
  }
}
