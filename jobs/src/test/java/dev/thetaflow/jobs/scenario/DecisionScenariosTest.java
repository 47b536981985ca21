package dev.thetaflow.jobs.scenario;

import static dev.thetaflow.jobs.scenario.ScenarioFixture.DEC_18;
import static dev.thetaflow.jobs.scenario.ScenarioFixture.OPEN;
import static dev.thetaflow.jobs.scenario.ScenarioFixture.is;
import static dev.thetaflow.jobs.scenario.ScenarioFixture.only;
import static dev.thetaflow.jobs.scenario.ScenarioFixture.plan;
import static dev.thetaflow.jobs.scenario.ScenarioFixture.putVertical;
import static dev.thetaflow.jobs.scenario.ScenarioFixture.runUntil;
import static dev.thetaflow.jobs.scenario.ScenarioFixture.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.core.decision.RuleId;
import dev.thetaflow.jobs.cli.DecisionLog;
import dev.thetaflow.jobs.cli.ScenarioRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decision engine end to end on ib-sim: each scenario moves the market so that one rule must
 * decide, and the decisions table must say so (rule, action, urgency, what the executor did). Each
 * test enables only its rule, so nothing else can close the strategy first.
 */
class DecisionScenariosTest {
  @TempDir Path dir;

  @Test
  void aStrategyAtTheRollThresholdIsRolled() throws Exception {
    // 24 days to the 2026-12-18 expiry at the start: a roll threshold of 30 days is passed
    var plan =
        plan(
            scenario("quiet.yaml"),
            List.of(putVertical("roll-1", DEC_18, 570, 560)),
            only(RuleId.DTE_ROLL, "rollAtDte: 30, targetDte: 60", "", dir),
            OPEN,
            20,
            dir);
    ScenarioRun.Result result = runUntil(plan, RuleId.DTE_ROLL);

    DecisionLog.Row roll = first(result, RuleId.DTE_ROLL);
    assertThat(roll.action()).isEqualTo("ROLL");
    assertThat(roll.verdict()).isEqualTo("SENT");
    assertThat(roll.strategyId()).isEqualTo("roll-1");
    assertThat(roll.measuredJson()).contains("24");
    assertThat(result.decisions()).allMatch(is(RuleId.DTE_ROLL));
  }

  private static DecisionLog.Row first(ScenarioRun.Result result, RuleId rule) {
    assertThat(result.decisions()).as("decisions of this run").anyMatch(is(rule));
    return result.decisions().stream().filter(is(rule)).findFirst().orElseThrow();
  }
}
