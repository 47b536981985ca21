package dev.thetaflow.jobs.topology;

import dev.thetaflow.core.decision.Decision;
import java.time.Instant;

/**
 * What the decision executor did with a decision, for the decisions table and alerts.
 *
 * @param decision the decision
 * @param verdict SENT; SUPERSEDING (the working order is cancelled, this one is sent once it
 *     ended); ESCALATED (more urgent than the working one, already at market); RESENT (the broker
 *     had not reported it); REFUSED (the pre-trade checks); UNSUPPORTED (no order for this action)
 * @param orderRef the order sent for it, or null
 * @param note what happened, in words (the refusal's reason, the order's shape)
 * @param time event time
 */
public record DecisionEvent(
    Decision decision, String verdict, String orderRef, String note, Instant time) {}
