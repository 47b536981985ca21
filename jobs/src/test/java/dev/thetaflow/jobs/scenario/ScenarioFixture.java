package dev.thetaflow.jobs.scenario;

import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.command.LegSpec;
import dev.thetaflow.core.command.StrategySpec;
import dev.thetaflow.core.config.ConfigLoader;
import dev.thetaflow.core.decision.RuleId;
import dev.thetaflow.core.rules.Rules;
import dev.thetaflow.core.strategy.StrategyType;
import dev.thetaflow.jobs.cli.DecisionLog;
import dev.thetaflow.jobs.cli.ScenarioFiles;
import dev.thetaflow.jobs.cli.ScenarioRun;
import dev.thetaflow.jobs.topology.DecisionSettings;
import dev.thetaflow.jobs.topology.StrategySnapshot;
import dev.thetaflow.sim.market.MarketSpec;
import dev.thetaflow.sim.scenario.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * What the decision scenarios share: the shipped rules with all but the rule under test turned off
 * (thresholds overridden per test, as a {@code sim.local.yaml} would), SPY put verticals, and a
 * {@link ScenarioRun} at a session's open.
 */
final class ScenarioFixture {
  /** Tuesday 2026-11-24, 09:30 New York: the market moves at once. */
  static final Instant OPEN = Instant.parse("2026-11-24T14:30:00Z");

  static final LocalDate DEC_18 = LocalDate.of(2026, 12, 18);

  private ScenarioFixture() {}

  /**
   * The shipped rules ({@code conf/base.yaml}) with only {@code rule} enabled, its thresholds
   * overridden by {@code params} (YAML flow mapping entries, e.g. {@code "rollAtDte: 30"}), plus
   * {@code extra} lines under {@code rules:} (e.g. a confirmation).
   */
  static DecisionSettings only(RuleId rule, String params, String extra, Path dir)
      throws IOException {
    return rules(Map.of(rule, params), extra, dir);
  }

  /**
   * The shipped rules with only the keys of {@code enabled} on, each with its overrides, as a
   * {@code sim.local.yaml} next to the shipped {@code base.yaml} and {@code sim.yaml} would give.
   * Volatility scaling is off (factor 1) so that distances are what the test says.
   */
  static DecisionSettings rules(Map<RuleId, String> enabled, String extra, Path dir)
      throws IOException {
    StringBuilder local = new StringBuilder("rules:\n");
    local.append("  volatility: {baseline: 0.20, minFactor: 1.0, maxFactor: 1.0}\n");
    if (!extra.isBlank()) {
      extra.lines().forEach(l -> local.append("  ").append(l).append('\n'));
    }
    local.append("  defaults:\n");
    for (RuleId id : RuleId.values()) {
      if (id == RuleId.MANUAL || id == RuleId.PORTFOLIO_LIMITS) {
        continue;
      }
      String key = Rules.configKey(id);
      String params = enabled.get(id);
      if (params != null) {
        local.append("    ").append(key).append(": {enabled: true");
        local.append(params.isBlank() ? "" : ", " + params).append("}\n");
      } else {
        local.append("    ").append(key).append(": {enabled: false}\n");
      }
    }
    Path conf = Files.createDirectories(dir.resolve("conf"));
    Path shipped = Path.of("..", "conf");
    Files.copy(shipped.resolve("base.yaml"), conf.resolve("base.yaml"));
    Files.copy(shipped.resolve("sim.yaml"), conf.resolve("sim.yaml"));
    Files.writeString(conf.resolve("sim.local.yaml"), local.toString());
    return DecisionSettings.of(ConfigLoader.load(conf, "sim", Map.of(), false).rules());
  }

  /** A bundled-with-the-tests scenario by file name. */
  static Scenario scenario(String name) {
    return ScenarioFiles.scenario(Path.of("src/test/resources/scenarios", name).toString());
  }

  /** A SPY put credit spread: short {@code shortStrike}, long {@code longStrike}, at market. */
  static StrategySpec putVertical(
      String id, LocalDate expiry, double shortStrike, double longStrike) {
    return new StrategySpec(
        id,
        "SPY",
        StrategyType.PUT_VERTICAL,
        1,
        List.of(put(-1, expiry, shortStrike), put(1, expiry, longStrike)),
        OptionalDouble.empty());
  }

  private static LegSpec put(int ratio, LocalDate expiry, double strike) {
    return new LegSpec(
        OptionType.PUT,
        ratio,
        expiry,
        OptionalInt.empty(),
        OptionalDouble.of(strike),
        OptionalDouble.empty());
  }

  /**
   * A run plan: seed 42, checkpoints every 300 ms; the scenario waits up to 40 s for the entries
   * (an expiration day's entry at the mids can take 15 s of wall time to fill).
   */
  static ScenarioRun.Plan plan(
      Scenario scenario,
      List<StrategySpec> strategies,
      DecisionSettings decisions,
      Instant start,
      double speed,
      Path data) {
    return new ScenarioRun.Plan(
        scenario,
        strategies,
        decisions,
        MarketSpec.defaults(),
        start,
        42,
        speed,
        data.resolve("data").toString(),
        50,
        Duration.ofMillis(300),
        Duration.ofSeconds(40));
  }

  /**
   * Runs until a decision of {@code rule} is committed, 60 s of wall time at most (the first job of
   * a JVM takes 20-40 s to start on a loaded 2-core box).
   */
  static ScenarioRun.Result runUntil(ScenarioRun.Plan plan, RuleId rule) throws Exception {
    return run(plan, Duration.ofSeconds(60), rows -> rows.stream().anyMatch(is(rule)));
  }

  static ScenarioRun.Result run(
      ScenarioRun.Plan plan, Duration limit, Predicate<List<DecisionLog.Row>> done)
      throws Exception {
    PrintWriter out = new PrintWriter(System.out, true);
    ScenarioRun.Result result = ScenarioRun.run(plan, limit, done, out);
    DecisionLog.summary(result.decisions(), out);
    return result;
  }

  static Predicate<DecisionLog.Row> is(RuleId rule) {
    return r -> r.rule().equals(rule.name());
  }

  /**
   * The strategy's path while OPEN: time, spot, P&amp;L and each leg's mark, for a failure's story.
   */
  static void trace(ScenarioRun.Result result, PrintWriter out) {
    for (StrategySnapshot s : result.snapshots()) {
      if (s.state() != dev.thetaflow.core.strategy.StrategyState.OPEN) {
        continue;
      }
      StringBuilder legs = new StringBuilder();
      s.legs().forEach(l -> legs.append(String.format(" %d@%.2f", l.position(), l.mark())));
      out.printf("  %s spot %.2f pnl %8.2f%s%n", s.time(), s.spot(), pnl(s), legs);
    }
    out.flush();
  }

  /** P&amp;L as the rules see it: realized + unrealized − commissions. */
  static double pnl(StrategySnapshot s) {
    return s.realizedPnl() + s.unrealizedPnl() - s.commissions();
  }
}
