package dev.thetaflow.core.rules;

import dev.thetaflow.core.decision.Decision;
import dev.thetaflow.core.decision.RuleId;
import dev.thetaflow.core.strategy.StrategyType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The enabled rules of each strategy type in their priority order. A fired decision gets its rule's
 * rank in that order (1 first), so the arbiter compares decisions as configured for the strategy's
 * type.
 */
public final class RuleBook {
  private final Map<StrategyType, Rule[]> byType;

  /**
   * @param byType each type's enabled rules, highest priority first; every type present
   */
  public RuleBook(Map<StrategyType, List<Rule>> byType) {
    this.byType = new EnumMap<>(StrategyType.class);
    for (StrategyType t : StrategyType.values()) {
      List<Rule> rules = byType.get(t);
      if (rules == null) {
        throw new IllegalArgumentException("rule book: no rules for " + t);
      }
      this.byType.put(t, rules.toArray(new Rule[0]));
    }
  }

  /** Whether the type has no enabled rule (nothing to evaluate). */
  public boolean isEmpty(StrategyType type) {
    return byType.get(type).length == 0;
  }

  /** The type's rules, highest priority first. */
  public List<Rule> rules(StrategyType type) {
    return List.of(byType.get(type));
  }

  /** The rank of {@code rule} for {@code type} (1 first), or -1 when it is disabled there. */
  public int priority(StrategyType type, RuleId rule) {
    Rule[] rules = byType.get(type);
    for (int i = 0; i < rules.length; i++) {
      if (rules[i].id() == rule) {
        return i + 1;
      }
    }
    return -1;
  }

  /**
   * Evaluates every rule of the input's type, in priority order; fired decisions carry their rank.
   * The list is cleared first (one list may be reused between calls).
   */
  public void evaluate(RuleInput input, List<Evaluation> out) {
    out.clear();
    Rule[] rules = byType.get(input.type());
    for (int i = 0; i < rules.length; i++) {
      Evaluation e = rules[i].evaluate(input);
      Decision d = e.decision();
      if (d != null && d.priority() != i + 1) {
        e = Evaluation.fired(e.progress(), d.withPriority(i + 1));
      }
      out.add(e);
    }
  }

  /** The same, into a new list. */
  public List<Evaluation> evaluate(RuleInput input) {
    List<Evaluation> out = new ArrayList<>();
    evaluate(input, out);
    return out;
  }

  /** Every type with the same rules. */
  public static RuleBook same(List<Rule> rules) {
    Map<StrategyType, List<Rule>> all = new EnumMap<>(StrategyType.class);
    for (StrategyType t : StrategyType.values()) {
      all.put(t, rules);
    }
    return new RuleBook(all);
  }
}
