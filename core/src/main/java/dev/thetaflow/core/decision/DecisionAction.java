package dev.thetaflow.core.decision;

/** What a rule wants done with a strategy. */
public enum DecisionAction {
  /** Nothing: keep the position as it is. */
  HOLD,
  /** Close every leg. */
  CLOSE,
  /** Close and reopen further out in time (and possibly strikes). */
  ROLL,
  /** Change some legs, e.g. move the tested side. */
  ADJUST,
  /** Add an offsetting position (e.g. underlying shares against delta). */
  HEDGE,
  /** Close part of the quantity. */
  REDUCE
}
