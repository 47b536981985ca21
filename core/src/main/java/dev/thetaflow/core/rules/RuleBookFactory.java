package dev.thetaflow.core.rules;

import java.io.Serializable;

/**
 * Builds a {@link RuleBook} where it runs: rules themselves need not be serializable, what travels
 * with a job is the validated configuration that builds them.
 */
@FunctionalInterface
public interface RuleBookFactory extends Serializable {
  RuleBook create();

  /** No rules at all: strategies are only opened, marked and closed by command. */
  static RuleBookFactory none() {
    return () -> RuleBook.same(java.util.List.of());
  }
}
