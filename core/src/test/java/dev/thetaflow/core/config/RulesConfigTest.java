package dev.thetaflow.core.config;

import static dev.thetaflow.core.config.ConfigFixtures.PAPER;
import static dev.thetaflow.core.config.ConfigFixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.core.decision.RuleId;
import dev.thetaflow.core.rules.Rule;
import dev.thetaflow.core.rules.RuleBook;
import dev.thetaflow.core.strategy.StrategyType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules section: the shipped defaults build every rule; overrides and mistakes per key. */
class RulesConfigTest {
  private static final Path BASE = Path.of("..", "conf", "base.yaml");

  /** The shipped rules section, so the tests read what traders get. */
  private static String shippedRules() throws IOException {
    String base = Files.readString(BASE);
    return base.substring(base.indexOf("\nrules:") + 1);
  }

  private static RulesConfig parse(String yaml) {
    return ConfigLoader.parse(yaml, "test.yaml", Map.of(), false).rules().orElseThrow();
  }

  @Test
  void theShippedDefaultsBuildElevenRulesForEveryTypeInTheIssuesOrder() throws IOException {
    RulesConfig rules = parse(PAPER + shippedRules());
    RuleBook book = rules.spec().create();
    for (StrategyType t : StrategyType.values()) {
      assertThat(book.rules(t))
          .extracting(Rule::id)
          .as(t.name())
          .containsExactly(
              RuleId.CATASTROPHE,
              RuleId.TRAILING_STOP,
              RuleId.TIME_EXIT,
              RuleId.TAKE_PROFIT,
              RuleId.STOP_LOSS,
              RuleId.DELTA_RISK,
              RuleId.GAMMA_RISK,
              RuleId.IV_CRUSH,
              RuleId.DTE_ROLL,
              RuleId.VIX_EXIT,
              RuleId.ASSIGNMENT_RISK);
    }
    assertThat(rules.nearTrigger()).isEqualTo(0.8);
    assertThat(rules.confirmations().get(RuleId.TRAILING_STOP))
        .isEqualTo(new RulesConfig.Confirmation(3, Duration.ofSeconds(10)));
    assertThat(rules.confirmations().get(RuleId.STOP_LOSS))
        .isEqualTo(new RulesConfig.Confirmation(2, Duration.ofSeconds(3)));
    assertThat(rules.portfolioLimits().params()).containsEntry("maxLoss", "5000");
  }

  @Test
  void aTypeOverridesThresholdsKeyByKeyDisablesRulesAndReordersThem() throws IOException {
    String yaml =
        PAPER
            + shippedRules()
            + """
              byType:
                PUT_VERTICAL:
                  priority: [stopLoss, catastrophe, trailingStop, timeExit, takeProfit, deltaRisk,
                             gammaRisk, ivCrush, dteRoll, vixExit, portfolioLimits, assignmentRisk]
                  takeProfit: {shareOfMaxProfit: 0.4}
                  ivCrush: {enabled: false}
            """;
    RulesConfig rules = parse(yaml);
    var entries = rules.spec().byType().get(StrategyType.PUT_VERTICAL);
    assertThat(entries.get(0).rule()).isEqualTo(RuleId.STOP_LOSS);
    assertThat(entries).extracting(e -> e.rule()).doesNotContain(RuleId.IV_CRUSH);
    var takeProfit =
        entries.stream().filter(e -> e.rule() == RuleId.TAKE_PROFIT).findFirst().orElseThrow();
    assertThat(takeProfit.params())
        .containsEntry("shareOfMaxProfit", "0.4")
        .containsEntry("shareOfDebit", "1.0");
    assertThat(takeProfit.path()).isEqualTo("rules.byType.PUT_VERTICAL.takeProfit");
    assertThat(rules.spec().byType().get(StrategyType.IRON_CONDOR))
        .extracting(e -> e.rule())
        .contains(RuleId.IV_CRUSH);
    RuleBook book = rules.spec().create();
    assertThat(book.priority(StrategyType.PUT_VERTICAL, RuleId.STOP_LOSS)).isEqualTo(1);
    assertThat(book.priority(StrategyType.IRON_CONDOR, RuleId.STOP_LOSS)).isEqualTo(5);
  }

  @Test
  void aBadThresholdIsReportedOnceAtItsKey() throws IOException {
    String yaml =
        PAPER
            + shippedRules().replace("shareOfMaxProfit: 0.50", "shareOfMaxProfit: 1.5")
            + """
              byType:
                IRON_CONDOR:
                  stopLoss: {multipleOfCredit: lots}
            """;
    List<ConfigProblem> ps = problems(yaml);
    assertThat(ps)
        .extracting(ConfigProblem::key)
        .containsExactlyInAnyOrder(
            "rules.defaults.takeProfit.shareOfMaxProfit",
            "rules.byType.IRON_CONDOR.stopLoss.multipleOfCredit");
    assertThat(ps.get(0).expected()).contains("0.0 to 1.0");
  }

  @Test
  void unknownThresholdsTypesAndIncompletePrioritiesAreErrors() throws IOException {
    String yaml =
        PAPER
            + shippedRules().replace("stopLoss: {multipleOfCredit", "stopLoss: {multipelOfCredit")
            + """
              byType:
                IRON_CONDOOR:
                  takeProfit: {shareOfMaxProfit: 0.4}
                PUT_VERTICAL:
                  priority: [stopLoss, catastrophe]
            """;
    List<ConfigProblem> ps = problems(yaml);
    assertThat(ps)
        .extracting(ConfigProblem::key)
        .contains(
            "rules.defaults.stopLoss.multipelOfCredit",
            "rules.byType.IRON_CONDOOR",
            "rules.byType.PUT_VERTICAL.priority");
  }

  @Test
  void noRulesSectionMeansNoRules() {
    assertThat(ConfigLoader.parse(PAPER, "test.yaml", Map.of(), false).rules()).isEmpty();
  }
}
