package dev.thetaflow.core.rules;

import dev.thetaflow.core.decision.RuleId;

/**
 * One exit or risk rule with its thresholds. Implementations are immutable, validate their
 * thresholds in their constructors (naming the threshold, its value and what was expected), build
 * reason strings only when they fire, and allocate nothing else on the way: a rule is evaluated on
 * every change of every strategy.
 */
public interface Rule {

  RuleId id();

  /** Judges one strategy at one moment; never throws on market data (NaN means unknown). */
  Evaluation evaluate(RuleInput input);
}
