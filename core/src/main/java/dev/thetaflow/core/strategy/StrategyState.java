package dev.thetaflow.core.strategy;

/**
 * Where a strategy is in its life.
 *
 * <pre>
 * PENDING_ENTRY ─► OPEN ◄──► ADJUSTING
 *      │            │  ▲          │
 *      │            ▼  │          ▼
 *      └──────────► CLOSING ◄─────┘        (CLOSING → OPEN when the exit order dies unfilled)
 *      │            │
 *      ▼            ▼
 *    CLOSED ◄───────┘   (also OPEN → CLOSED: expired, assigned, or closed outside the system)
 * </pre>
 */
public enum StrategyState {
  /** Entry order working, nothing filled. */
  PENDING_ENTRY,
  /** All legs held. */
  OPEN,
  /** Adjustment or roll orders working. */
  ADJUSTING,
  /** Exit orders working. */
  CLOSING,
  /** Nothing held any more, or entry never filled. Terminal. */
  CLOSED;

  /** True if the state machine allows going from this state to {@code next} (never to itself). */
  public boolean canTransitionTo(StrategyState next) {
    if (next == null) {
      return false;
    }
    return switch (this) {
      case PENDING_ENTRY -> next == OPEN || next == CLOSING || next == CLOSED;
      case OPEN -> next == ADJUSTING || next == CLOSING || next == CLOSED;
      case ADJUSTING -> next == OPEN || next == CLOSING || next == CLOSED;
      case CLOSING -> next == OPEN || next == CLOSED;
      case CLOSED -> false;
    };
  }

  public boolean isTerminal() {
    return this == CLOSED;
  }
}
