package dev.thetaflow.core.rules;

import dev.thetaflow.core.decision.Decision;
import dev.thetaflow.core.decision.RuleId;

/**
 * What one rule made of one input.
 *
 * @param rule the rule
 * @param progress how far the measured value has come towards the threshold: 0 far, 1 at it (the
 *     rule fires), above 1 beyond; NaN when the rule does not apply or cannot measure (no marks, no
 *     Greeks). An alert goes out once per episode when it first reaches the near-trigger share.
 * @param decision the decision when the rule fires, else null
 * @param waiting why the rule could not judge (a stale or wide quote), else null; a waiting rule
 *     never fires
 */
public record Evaluation(RuleId rule, double progress, Decision decision, String waiting) {

  public Evaluation {
    if (rule == null) {
      throw new IllegalArgumentException("evaluation: rule is required");
    }
    if (decision != null && waiting != null) {
      throw new IllegalArgumentException("evaluation of " + rule + ": fired and waiting at once");
    }
  }

  /** The rule does not apply (disabled, nothing held, not its kind of strategy). */
  public static Evaluation notApplicable(RuleId rule) {
    return new Evaluation(rule, Double.NaN, null, null);
  }

  /** The rule cannot judge now and says why. */
  public static Evaluation waiting(RuleId rule, String why) {
    return new Evaluation(rule, Double.NaN, null, why);
  }

  /** Measured, not fired. */
  public static Evaluation quiet(RuleId rule, double progress) {
    return new Evaluation(rule, progress, null, null);
  }

  /** Fired. */
  public static Evaluation fired(double progress, Decision decision) {
    return new Evaluation(decision.rule(), progress, decision, null);
  }

  public boolean fired() {
    return decision != null;
  }
}
