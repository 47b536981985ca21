package dev.thetaflow.core.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The whole configuration of one thetaflow session, as loaded by {@link ConfigLoader}.
 *
 * @param mode sim, paper or live; required, and must match a profile named after a mode
 * @param account the IB account id; required in mode live, where it must not be a paper id
 * @param ib the gateway connection
 * @param storage where the Delta tables live
 * @param flink how the job runs
 * @param risk portfolio limits
 * @param analytics the option analytics' rate and dividend yields
 * @param sim the simulator; present exactly when {@code mode} is sim
 * @param dashboard the web dashboard
 * @param notifications where alerts are sent besides the alerts table; empty means nowhere
 * @param rules the exit and risk rules; empty means none: strategies are closed only by command
 */
public record ThetaflowConfig(
    Mode mode,
    Optional<String> account,
    IbConfig ib,
    StorageConfig storage,
    FlinkConfig flink,
    RiskConfig risk,
    AnalyticsConfig analytics,
    Optional<SimConfig> sim,
    DashboardConfig dashboard,
    Optional<NotificationsConfig> notifications,
    Optional<RulesConfig> rules) {

  public ThetaflowConfig {
    Checks.notNull("mode", mode);
    Objects.requireNonNull(account, "account: use Optional.empty()");
    account.ifPresent(
        id -> {
          if (!AccountIds.PATTERN.matcher(id).matches()) {
            throw new ConfigViolation(
                "account", ConfigNode.Scalar.quote(id), "expected " + AccountIds.EXPECTED);
          }
        });
    Checks.notNull("ib", ib);
    Checks.notNull("storage", storage);
    Checks.notNull("flink", flink);
    Checks.notNull("risk", risk);
    Checks.notNull("analytics", analytics);
    Objects.requireNonNull(sim, "sim: use Optional.empty()");
    if (sim.isPresent() != (mode == Mode.SIM)) {
      throw new ConfigViolation(
          "sim",
          sim.isPresent() ? "(a section)" : ConfigProblem.NOT_SET,
          "expected a sim section exactly when mode is sim");
    }
    Checks.notNull("dashboard", dashboard);
    Objects.requireNonNull(notifications, "notifications: use Optional.empty()");
    Objects.requireNonNull(rules, "rules: use Optional.empty()");
  }

  static ThetaflowConfig read(ConfigSection s) {
    Mode mode = s.choice("mode", Mode.class);
    Optional<String> account =
        s.optionalMatching("account", AccountIds.PATTERN, AccountIds.EXPECTED);
    IbConfig ib = IbConfig.read(s.section("ib"));
    StorageConfig storage = StorageConfig.read(s.section("storage"));
    FlinkConfig flink = FlinkConfig.read(s.section("flink"));
    RiskConfig risk = RiskConfig.read(s.section("risk"));
    AnalyticsConfig analytics = AnalyticsConfig.read(s.section("analytics"));
    Optional<SimConfig> sim = Optional.empty();
    if (mode == Mode.SIM || (mode == null && s.has("sim"))) {
      sim = Optional.ofNullable(SimConfig.read(s.section("sim")));
    } else if (s.has("sim")) {
      s.reject(
          "sim",
          "expected no sim section in mode "
              + mode.configName()
              + ": ib-sim settings only apply to mode sim; move them to the sim profile");
    }
    DashboardConfig dashboard = DashboardConfig.read(s.section("dashboard"));
    Optional<NotificationsConfig> notifications =
        s.has("notifications")
            ? Optional.ofNullable(NotificationsConfig.read(s.section("notifications")))
            : Optional.empty();
    Optional<RulesConfig> rules =
        s.has("rules")
            ? Optional.ofNullable(RulesConfig.read(s.section("rules")))
            : Optional.empty();
    Optional<SimConfig> simConfig = sim;
    return s.build(
        () ->
            new ThetaflowConfig(
                mode,
                account,
                ib,
                storage,
                flink,
                risk,
                analytics,
                simConfig,
                dashboard,
                notifications,
                rules));
  }
}
