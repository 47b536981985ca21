/**
 * The twelve exit and risk rules as pure functions: each reads a {@link
 * dev.thetaflow.core.rules.RuleInput} (one strategy at one moment), compares what it measures with
 * its typed thresholds and returns an {@link dev.thetaflow.core.rules.Evaluation}: how close it is
 * to firing, and the {@link dev.thetaflow.core.decision.Decision} when it does. No Flink, no clock,
 * no state of their own: whatever must be remembered (the best profit so far, the prices at the
 * start of the day) is in the input.
 */
package dev.thetaflow.core.rules;
