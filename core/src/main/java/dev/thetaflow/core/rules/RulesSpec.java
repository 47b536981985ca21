package dev.thetaflow.core.rules;

import dev.thetaflow.core.decision.RuleId;
import dev.thetaflow.core.strategy.StrategyType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The configured rules as they travel with a job: per strategy type, the enabled rules in priority
 * order with their thresholds as configured text. {@link #create()} builds the {@link RuleBook}
 * where the job runs; the configuration built it once before, so a bad threshold fails at start.
 *
 * @param byType each type's enabled rules, highest priority first
 * @param volatility the volatility scaling's settings ({@code rules.volatility})
 */
public record RulesSpec(Map<StrategyType, List<Entry>> byType, Entry volatility)
    implements RuleBookFactory {
  private static final long serialVersionUID = 1L;

  /**
   * One rule's thresholds.
   *
   * @param rule the rule (null for the volatility scaling)
   * @param path where they were configured, for messages
   * @param params key to configured text
   */
  public record Entry(RuleId rule, String path, Map<String, String> params)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    public Entry {
      params = new TreeMap<>(params);
    }

    RuleParams toParams() {
      return new RuleParams(path, params);
    }
  }

  public RulesSpec {
    Map<StrategyType, List<Entry>> copy = new EnumMap<>(StrategyType.class);
    byType.forEach((t, entries) -> copy.put(t, new ArrayList<>(entries)));
    byType = copy;
  }

  @Override
  public RuleBook create() {
    VolatilityScaling scaling = VolatilityScaling.from(volatility.toParams());
    Map<StrategyType, List<Rule>> rules = new LinkedHashMap<>();
    for (StrategyType t : StrategyType.values()) {
      List<Rule> list = new ArrayList<>();
      for (Entry e : byType.getOrDefault(t, List.of())) {
        list.add(Rules.create(e.rule(), e.toParams(), scaling));
      }
      rules.put(t, list);
    }
    return new RuleBook(rules);
  }
}
