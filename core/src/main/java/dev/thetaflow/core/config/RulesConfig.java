package dev.thetaflow.core.config;

import dev.thetaflow.core.decision.RuleId;
import dev.thetaflow.core.rules.PortfolioLimits;
import dev.thetaflow.core.rules.RuleParams;
import dev.thetaflow.core.rules.Rules;
import dev.thetaflow.core.rules.RulesSpec;
import dev.thetaflow.core.strategy.StrategyType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The exit and risk rules ({@code rules:}): their priority order, their thresholds by default and
 * per strategy type, the volatility scaling of stop and trail distances, the confirmation of
 * trailing-stop and stop-loss breaches, and the near-trigger share for alerts.
 *
 * <pre>
 * rules:
 *   priority: [catastrophe, trailingStop, timeExit, ...]   # all twelve, first wins
 *   nearTrigger: 0.8
 *   volatility: {baseline: 0.20, minFactor: 0.75, maxFactor: 1.5}
 *   confirm:
 *     trailingStop: {marks: 3, hold: 10s}
 *     stopLoss: {marks: 2, hold: 3s}
 *   defaults:
 *     takeProfit: {shareOfMaxProfit: 0.5, shareOfDebit: 1.0}
 *     ...                                                  # every rule; enabled: false turns one off
 *   byType:
 *     IRON_CONDOR:
 *       priority: [...]                                    # optional
 *       takeProfit: {shareOfMaxProfit: 0.4}                # overrides key by key
 * </pre>
 *
 * Every threshold is checked when the configuration is read, by building each type's rules: a
 * mistake names the key, the value and what was expected, before a job starts.
 *
 * @param spec the rules per strategy type, as they travel with the job
 * @param nearTrigger a rule this close to its threshold (a share, e.g. 0.8) raises an alert
 * @param confirmations how long a trailing-stop or stop-loss breach must hold before it acts
 * @param portfolioLimits the portfolio limits' thresholds
 * @param vixConId the conId of the CBOE VIX index whose quotes the rules read (IB's is 13455763)
 */
public record RulesConfig(
    RulesSpec spec,
    double nearTrigger,
    Map<RuleId, Confirmation> confirmations,
    RulesSpec.Entry portfolioLimits,
    long vixConId) {

  /**
   * A breach confirmed after {@code marks} consecutive breached marks over at least {@code hold}.
   */
  public record Confirmation(int marks, Duration hold) {}

  static final DecimalRange NEAR = new DecimalRange(0.05, true, 1);
  static final IntegerRange CON_ID = new IntegerRange(1, Integer.MAX_VALUE);
  static final long IB_VIX_CON_ID = 13_455_763L;
  static final IntegerRange MARKS = new IntegerRange(1, 100);
  static final DurationRange HOLD = new DurationRange(Duration.ZERO, Duration.ofMinutes(10));
  private static final List<RuleId> CONFIRMED = List.of(RuleId.TRAILING_STOP, RuleId.STOP_LOSS);

  /** The rules in their default order, by configuration key. */
  static List<String> defaultOrder() {
    List<String> keys = new ArrayList<>();
    for (RuleId id : RuleId.values()) {
      if (id != RuleId.MANUAL) {
        keys.add(Rules.configKey(id));
      }
    }
    return keys;
  }

  static RulesConfig read(ConfigSection s) {
    List<RuleId> order = order(s, "priority", null);
    double near = s.decimal("nearTrigger", 0.8, NEAR);
    long vixConId = s.longInteger("vixConId", IB_VIX_CON_ID, CON_ID);
    ConfigSection volatilitySection = s.section("volatility");
    RulesSpec.Entry volatility =
        new RulesSpec.Entry(null, volatilitySection.path(), scalars(volatilitySection));
    ConfigSection confirm = s.section("confirm");
    Map<RuleId, Confirmation> confirmations = new EnumMap<>(RuleId.class);
    for (RuleId id : CONFIRMED) {
      ConfigSection c = confirm.section(Rules.configKey(id));
      int marks = c.integer("marks", MARKS);
      Duration hold = c.duration("hold", null, HOLD);
      confirmations.put(id, new Confirmation(marks, hold));
    }
    ConfigSection defaults = s.section("defaults");
    Map<RuleId, Map<String, String>> defaultParams = new EnumMap<>(RuleId.class);
    Map<RuleId, Boolean> defaultEnabled = new EnumMap<>(RuleId.class);
    for (String key : defaultOrder()) {
      RuleId id = Rules.ofConfigKey(key);
      ConfigSection r = defaults.section(key);
      defaultEnabled.put(id, r.bool("enabled", true));
      defaultParams.put(id, scalars(r));
    }
    ConfigSection byTypeSection = s.section("byType");
    Map<StrategyType, ConfigSection> typeSections = new EnumMap<>(StrategyType.class);
    for (String typeName : byTypeSection.keys()) {
      StrategyType type = strategyType(typeName);
      if (type == null) {
        byTypeSection.section(typeName); // declared, so the message below is the only one
        byTypeSection.reject(
            typeName,
            "expected a strategy type: " + java.util.Arrays.toString(StrategyType.values()));
      } else {
        typeSections.put(type, byTypeSection.section(typeName));
      }
    }
    Map<StrategyType, List<RulesSpec.Entry>> byType = new EnumMap<>(StrategyType.class);
    Map<StrategyType, Map<RuleId, ConfigSection>> overrides = new EnumMap<>(StrategyType.class);
    for (StrategyType type : StrategyType.values()) {
      ConfigSection t = typeSections.get(type);
      List<RuleId> typeOrder = t != null && t.has("priority") ? order(t, "priority", order) : order;
      List<RulesSpec.Entry> entries = new ArrayList<>();
      Map<RuleId, ConfigSection> typeRules = new EnumMap<>(RuleId.class);
      for (RuleId id : typeOrder == null ? List.<RuleId>of() : typeOrder) {
        if (id == RuleId.PORTFOLIO_LIMITS) {
          continue; // judged over the whole portfolio, not per strategy
        }
        Map<String, String> params = new TreeMap<>(defaultParams.get(id));
        boolean enabled = defaultEnabled.get(id);
        String path = defaults.pathOf(Rules.configKey(id));
        if (t != null && t.has(Rules.configKey(id))) {
          ConfigSection o = t.section(Rules.configKey(id));
          typeRules.put(id, o);
          enabled = o.bool("enabled", enabled);
          params.putAll(scalars(o));
          path = o.path();
        }
        if (enabled) {
          entries.add(new RulesSpec.Entry(id, path, params));
        }
      }
      byType.put(type, entries);
      overrides.put(type, typeRules);
    }
    RulesSpec.Entry portfolio =
        new RulesSpec.Entry(
            RuleId.PORTFOLIO_LIMITS,
            defaults.pathOf("portfolioLimits"),
            defaultParams.get(RuleId.PORTFOLIO_LIMITS));
    RulesSpec spec = new RulesSpec(byType, volatility);
    check(spec, portfolio, defaults, overrides, volatilitySection);
    return s.build(() -> new RulesConfig(spec, near, confirmations, portfolio, vixConId));
  }

  /**
   * Builds every type's rules once, so that a bad threshold is a configuration problem at the key
   * that holds it (the type's override, else the default), reported once.
   */
  private static void check(
      RulesSpec spec,
      RulesSpec.Entry portfolio,
      ConfigSection defaults,
      Map<StrategyType, Map<RuleId, ConfigSection>> overrides,
      ConfigSection volatility) {
    Set<String> reported = new HashSet<>();
    try {
      dev.thetaflow.core.rules.VolatilityScaling.from(
          new RuleParams(volatility.path(), spec.volatility().params()));
    } catch (IllegalArgumentException e) {
      report(volatility, e, reported);
      return;
    }
    try {
      PortfolioLimits.from(new RuleParams(portfolio.path(), portfolio.params()));
    } catch (IllegalArgumentException e) {
      report(defaults.section("portfolioLimits"), e, reported);
    }
    for (var typeEntries : spec.byType().entrySet()) {
      for (RulesSpec.Entry entry : typeEntries.getValue()) {
        try {
          Rules.create(
              entry.rule(),
              new RuleParams(entry.path(), entry.params()),
              dev.thetaflow.core.rules.VolatilityScaling.from(
                  new RuleParams(volatility.path(), spec.volatility().params())));
        } catch (IllegalArgumentException e) {
          ConfigSection override = overrides.get(typeEntries.getKey()).get(entry.rule());
          String key = e instanceof RuleParams.Problem p ? p.key() : null;
          ConfigSection where =
              override != null && (key == null || override.keys().contains(key))
                  ? override
                  : defaults.section(Rules.configKey(entry.rule()));
          report(where, e, reported);
        }
      }
    }
  }

  private static void report(
      ConfigSection where, IllegalArgumentException e, Set<String> reported) {
    String key = e instanceof RuleParams.Problem p ? p.key() : null;
    String expected =
        e instanceof RuleParams.Problem p ? "expected " + p.expected() : e.getMessage();
    String id = where.pathOf(key == null ? "" : key) + "|" + expected;
    if (!reported.add(id)) {
      return;
    }
    if (key == null) {
      // a threshold that is fine alone but not with the others (e.g. targetDte <= rollAtDte)
      where.rejectSection(expected);
    } else {
      where.reject(key, expected);
    }
  }

  /** The scalar keys of a rule's section as text ({@code enabled} is read apart). */
  private static Map<String, String> scalars(ConfigSection s) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String key : s.keys()) {
      if (!key.equals("enabled")) {
        String text = s.scalarText(key);
        if (text != null) {
          out.put(key, text);
        }
      }
    }
    return out;
  }

  /** A list of all twelve rules' keys, each once; {@code fallback} when not set (null: default). */
  private static List<RuleId> order(ConfigSection s, String key, List<RuleId> fallback) {
    List<String> keys =
        s.has(key)
            ? s.texts(
                key,
                "the twelve rule keys, each once, first wins: " + String.join(", ", defaultOrder()),
                text -> {
                  if (Rules.ofConfigKey(text.trim()) == null) {
                    throw new IllegalArgumentException(
                        "expected one of " + String.join(", ", defaultOrder()));
                  }
                  return text.trim();
                })
            : null;
    if (keys == null) {
      return fallback != null ? fallback : defaultOrder().stream().map(Rules::ofConfigKey).toList();
    }
    List<RuleId> ids = keys.stream().map(Rules::ofConfigKey).distinct().toList();
    if (!keys.isEmpty() && (ids.size() != keys.size() || ids.size() != defaultOrder().size())) {
      s.reject(
          key,
          "expected each of the twelve rules exactly once: " + String.join(", ", defaultOrder()));
      return fallback;
    }
    return keys.isEmpty() ? fallback : ids;
  }

  private static StrategyType strategyType(String name) {
    try {
      return StrategyType.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
