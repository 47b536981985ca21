/**
 * Option strategies as the system manages them: shape, legs, entry price (credit positive), and the
 * state machine PENDING_ENTRY → OPEN → (ADJUSTING) → CLOSING → CLOSED.
 */
package dev.thetaflow.core.strategy;
