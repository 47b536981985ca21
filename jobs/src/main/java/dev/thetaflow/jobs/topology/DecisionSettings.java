package dev.thetaflow.jobs.topology;

import dev.thetaflow.core.config.NotificationsConfig;
import dev.thetaflow.core.config.RulesConfig;
import dev.thetaflow.core.decision.RuleId;
import dev.thetaflow.core.rules.RuleBookFactory;
import dev.thetaflow.core.rules.RulesSpec;
import dev.thetaflow.jobs.decision.Confirmation;
import dev.thetaflow.jobs.decision.Confirmations;
import dev.thetaflow.sinks.notify.NotificationSink;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * How the job decides: the rules per strategy type, the near-trigger share for alerts, the CEP
 * confirmations of trailing stops and stop losses, the portfolio limits (null: none), and the conId
 * of the VIX index whose quotes the rules read (0: none), and where alerts are sent besides the
 * alerts table (null: nowhere).
 */
public record DecisionSettings(
    RuleBookFactory rules,
    double nearTrigger,
    Map<RuleId, Confirmation> confirmations,
    RulesSpec.Entry portfolioLimits,
    long vixConId,
    NotificationSink notifications)
    implements Serializable {

  public DecisionSettings {
    confirmations = new EnumMap<>(confirmations);
  }

  /** No rules: strategies are closed by command only. */
  public static DecisionSettings none() {
    return new DecisionSettings(RuleBookFactory.none(), 0.8, Confirmations.DEFAULTS, null, 0, null);
  }

  /** As configured ({@code rules:}), or none when the section is absent. */
  public static DecisionSettings of(Optional<RulesConfig> config) {
    if (config.isEmpty()) {
      return none();
    }
    RulesConfig c = config.get();
    Map<RuleId, Confirmation> confirmations = new EnumMap<>(RuleId.class);
    c.confirmations()
        .forEach((rule, k) -> confirmations.put(rule, new Confirmation(k.marks(), k.hold())));
    return new DecisionSettings(
        c.spec(), c.nearTrigger(), confirmations, c.portfolioLimits(), c.vixConId(), null);
  }

  /** The same, sending alerts as configured ({@code notifications:}); unchanged when absent. */
  public DecisionSettings notifying(Optional<NotificationsConfig> config) {
    return config.isEmpty()
        ? this
        : new DecisionSettings(
            rules,
            nearTrigger,
            confirmations,
            portfolioLimits,
            vixConId,
            NotificationSink.of(config.get()));
  }
}
