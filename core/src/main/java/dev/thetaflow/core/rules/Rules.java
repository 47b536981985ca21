package dev.thetaflow.core.rules;

import dev.thetaflow.core.decision.RuleId;
import java.util.Locale;

/** Every rule by its id and configuration key: where configuration becomes rules. */
public final class Rules {
  private Rules() {}

  /**
   * The rule {@code id} with the thresholds in {@code params}; the stop loss and the trailing stop
   * scale their distances with {@code scaling}. Throws IllegalArgumentException (a {@link
   * RuleParams.Problem} when one threshold is at fault) when the thresholds do not make a rule.
   */
  public static Rule create(RuleId id, RuleParams params, VolatilityScaling scaling) {
    return switch (id) {
      case CATASTROPHE -> CatastropheRule.from(params);
      case TRAILING_STOP -> TrailingStopRule.from(params, scaling);
      case TIME_EXIT -> TimeExitRule.from(params);
      case TAKE_PROFIT -> TakeProfitRule.from(params);
      case STOP_LOSS -> StopLossRule.from(params, scaling);
      case DELTA_RISK -> DeltaRiskRule.from(params);
      case GAMMA_RISK -> GammaRiskRule.from(params);
      case IV_CRUSH -> IvCrushRule.from(params);
      case DTE_ROLL -> DteRollRule.from(params);
      case VIX_EXIT -> VixExitRule.from(params);
      case ASSIGNMENT_RISK -> AssignmentRiskRule.from(params);
      case PORTFOLIO_LIMITS, MANUAL ->
          throw new IllegalArgumentException(
              id + " is not a per-strategy rule (the portfolio operator judges limits)");
    };
  }

  /** The configuration key of a rule: {@code TRAILING_STOP} → {@code trailingStop}. */
  public static String configKey(RuleId id) {
    StringBuilder key = new StringBuilder();
    boolean upper = false;
    for (char c : id.name().toLowerCase(Locale.ROOT).toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        key.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return key.toString();
  }

  /** The rule of a configuration key, or null. */
  public static RuleId ofConfigKey(String key) {
    for (RuleId id : RuleId.values()) {
      if (id != RuleId.MANUAL && configKey(id).equals(key)) {
        return id;
      }
    }
    return null;
  }
}
