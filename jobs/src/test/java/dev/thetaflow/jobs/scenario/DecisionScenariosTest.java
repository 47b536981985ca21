package dev.thetaflow.jobs.scenario;

import static dev.thetaflow.jobs.scenario.ScenarioFixture.DEC_18;
import static dev.thetaflow.jobs.scenario.ScenarioFixture.OPEN;
import static dev.thetaflow.jobs.scenario.ScenarioFixture.is;
import static dev.thetaflow.jobs.scenario.ScenarioFixture.only;
import static dev.thetaflow.jobs.scenario.ScenarioFixture.plan;
import static dev.thetaflow.jobs.scenario.ScenarioFixture.putVertical;
import static dev.thetaflow.jobs.scenario.ScenarioFixture.rules;
import static dev.thetaflow.jobs.scenario.ScenarioFixture.run;
import static dev.thetaflow.jobs.scenario.ScenarioFixture.runUntil;
import static dev.thetaflow.jobs.scenario.ScenarioFixture.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.core.decision.RuleId;
import dev.thetaflow.core.strategy.StrategyState;
import dev.thetaflow.jobs.cli.DecisionLog;
import dev.thetaflow.jobs.cli.ScenarioRun;
import dev.thetaflow.jobs.topology.StrategySnapshot;
import dev.thetaflow.sinks.delta.DeltaReader;
import dev.thetaflow.sinks.delta.DeltaTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decision engine end to end on ib-sim: each scenario moves the market so that one rule must
 * decide, and the decisions table must say so (rule, action, urgency, what the executor did). Each
 * test enables only its rule, so nothing else can close the strategy first.
 */
class DecisionScenariosTest {
  /** Friday 2026-12-04, 09:30 New York: an expiration day from the open. */
  private static final Instant EXPIRY_OPEN = Instant.parse("2026-12-04T14:30:00Z");

  private static final LocalDate EXPIRY_DAY = LocalDate.of(2026, 12, 4);

  @TempDir Path dir;

  @Test
  void aStrategyAtTheRollThresholdIsClosedAndReopenedAtTheTargetExpiry() throws Exception {
    // 24 days to the 2026-12-18 expiry at the start: a roll threshold of 30 days is passed
    var plan =
        plan(
            scenario("quiet.yaml"),
            List.of(putVertical("roll-1", DEC_18, 570, 560)),
            only(RuleId.DTE_ROLL, "rollAtDte: 30, targetDte: 60", "", dir),
            OPEN,
            20,
            dir);
    DeltaReader reader = new DeltaReader(DeltaTables.withDefaultEngine().engine());
    String root = plan.dataRoot();
    // done once the replacement is OPEN in the strategies table (its entry filled)
    ScenarioRun.Result result =
        run(
            plan,
            Duration.ofSeconds(120),
            rows ->
                rows.stream().anyMatch(r -> r.verdict().equals("REOPENING"))
                    && state(reader, root, "roll-1-r1").contains("OPEN"));

    DecisionLog.Row roll = first(result, RuleId.DTE_ROLL);
    assertThat(roll.action()).isEqualTo("ROLL");
    assertThat(roll.verdict()).isEqualTo("SENT");
    assertThat(roll.strategyId()).isEqualTo("roll-1");
    assertThat(roll.measuredJson()).contains("24");
    assertThat(result.decisions()).allMatch(is(RuleId.DTE_ROLL));
    assertThat(result.decisions())
        .filteredOn(r -> r.verdict().equals("REOPENING"))
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("opening roll-1-r1 by command"));

    StrategySnapshot old = result.last().get("roll-1");
    assertThat(old.state()).isEqualTo(StrategyState.CLOSED);
    StrategySnapshot rolled = result.last().get("roll-1-r1");
    assertThat(rolled).as("the replacement reached the job").isNotNull();
    // OPEN (its entry filled) in the table, which the run waited for; the collected stream's last
    // snapshot may still be its PENDING_ENTRY one when the run stops
    assertThat(state(reader, root, "roll-1-r1")).contains("PENDING_ENTRY", "OPEN");
    assertThat(rolled.strategy().type()).isEqualTo(old.strategy().type());
    assertThat(rolled.strategy().quantity()).isEqualTo(old.strategy().quantity());
    assertThat(rolled.strategy().legs())
        .extracting(l -> l.contract().right(), l -> l.contract().strike(), l -> l.ratio())
        .containsExactlyElementsOf(
            old.strategy().legs().stream()
                .map(
                    l ->
                        org.assertj.core.groups.Tuple.tuple(
                            l.contract().right(), l.contract().strike(), l.ratio()))
                .toList());
    // the listed expiry nearest 60 days from the roll's date (2026-11-24 + 60 = 2027-01-23)
    LocalDate expiry = rolled.strategy().legs().get(0).contract().expiry();
    assertThat(expiry)
        .isAfter(DEC_18)
        .isBetween(LocalDate.of(2027, 1, 8), LocalDate.of(2027, 2, 5));
    assertThat(rolled.strategy().legs()).allMatch(l -> l.contract().expiry().equals(expiry));

    // the reopening is a row of the commands table, exactly once
    DeltaReader.TableRows commands =
        reader.table(Path.of(root).resolve("commands").toString()).read();
    int id = commands.column("command_id");
    int type = commands.column("command_type");
    int payload = commands.column("payload_json");
    assertThat(commands.rows())
        .filteredOn(c -> "roll-1:ROLL:1".equals(c[id]))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c[type]).isEqualTo("OPEN_STRATEGY");
              assertThat((String) c[payload]).contains("roll-1-r1");
            });
  }

  /** Every state the strategies table recorded for {@code id}. */
  private static List<String> state(DeltaReader reader, String root, String id) {
    Path table = Path.of(root).resolve("strategies");
    if (!Files.isDirectory(table.resolve("_delta_log"))) {
      return List.of();
    }
    DeltaReader.TableRows rows = reader.table(table.toString()).read();
    int idCol = rows.column("strategy_id");
    int stateCol = rows.column("state");
    return rows.rows().stream()
        .filter(r -> id.equals(r[idCol]))
        .map(r -> (String) r[stateCol])
        .toList();
  }

  @Test
  void aSteadyDecayTakesProfit() throws Exception {
    var plan =
        plan(
            scenario("steady-decay.yaml"),
            List.of(putVertical("tp-1", DEC_18, 590, 580)),
            only(RuleId.TAKE_PROFIT, "shareOfMaxProfit: 0.30", "", dir),
            OPEN,
            10,
            dir);
    ScenarioRun.Result result = runUntil(plan, RuleId.TAKE_PROFIT);

    DecisionLog.Row tp = first(result, RuleId.TAKE_PROFIT);
    assertThat(tp.action()).isEqualTo("CLOSE");
    assertThat(tp.urgency()).isEqualTo("NORMAL");
    assertThat(tp.verdict()).isEqualTo("SENT");
    assertThat(result.decisions()).allMatch(is(RuleId.TAKE_PROFIT));
  }

  @Test
  void aGapDownIsACatastropheClosedAtOnce() throws Exception {
    var plan =
        plan(
            scenario("gap-down.yaml"),
            List.of(putVertical("cat-1", DEC_18, 590, 580)),
            // the gap raises SPY's variance and so VIX: its branch is set out of reach here
            only(RuleId.CATASTROPHE, "gap: 0.05, vixJump: 10", "", dir),
            OPEN,
            10,
            dir);
    ScenarioRun.Result result = runUntil(plan, RuleId.CATASTROPHE);

    DecisionLog.Row cat = first(result, RuleId.CATASTROPHE);
    assertThat(cat.action()).isEqualTo("CLOSE");
    assertThat(cat.urgency()).isEqualTo("IMMEDIATE");
    assertThat(cat.verdict()).isEqualTo("SENT");
    assertThat(cat.priority()).isEqualTo(1);
    assertThat(cat.reason()).contains("the underlying moved -7");
    // nothing before the gap: the quiet seconds are no catastrophe
    assertThat(result.decisions()).allMatch(is(RuleId.CATASTROPHE));
  }

  @Test
  void aSpikeThatRevertsDoesNotTripTheTrailingStopAndARealReversalDoes() throws Exception {
    // trail: active at 20% of the credit, 40% below the best; a breach must hold 3 marks over 10 s
    var plan =
        plan(
            scenario("rally-spike-revert-reversal.yaml"),
            List.of(putVertical("trail-1", DEC_18, 590, 580)),
            only(
                RuleId.TRAILING_STOP,
                "activation: 0.20, distance: 0.40",
                "confirm: {trailingStop: {marks: 3, hold: 10s}}",
                dir),
            OPEN,
            5,
            dir);
    ScenarioRun.Result result = runUntil(plan, RuleId.TRAILING_STOP);
    try {
      assertTrailedOnTheReversalOnly(result);
    } catch (AssertionError e) {
      ScenarioFixture.trace(result, new java.io.PrintWriter(System.out, true));
      throw e;
    }
  }

  @Test
  void aRallyInOneGapSetsNoPhantomBestProfitSoTheTrailingStopHolds() throws Exception {
    // the same trail as above; SPY gaps up 3% once and stays: nothing may stop the strategy out
    var plan =
        plan(
            scenario("rally-one-gap.yaml"),
            List.of(putVertical("trail-2", DEC_18, 590, 580)),
            only(
                RuleId.TRAILING_STOP,
                "activation: 0.20, distance: 0.40",
                "confirm: {trailingStop: {marks: 3, hold: 10s}}",
                dir),
            OPEN,
            5,
            dir);
    ScenarioRun.Result result = run(plan, Duration.ofSeconds(30), rows -> false);
    double credit = Double.NaN;
    double peak = Double.NEGATIVE_INFINITY;
    for (StrategySnapshot s : result.snapshots()) {
      double pnl = ScenarioFixture.pnl(s);
      if (s.state() == StrategyState.OPEN && Double.isFinite(pnl)) {
        credit = s.strategy().openingNetPrice().toDouble() * 100;
        peak = Math.max(peak, pnl);
      }
    }
    assertThat(peak).as("the gap activates the trail").isGreaterThan(0.20 * credit);
    assertThat(result.decisions()).filteredOn(is(RuleId.TRAILING_STOP)).isEmpty();
  }

  private static void assertTrailedOnTheReversalOnly(ScenarioRun.Result result) {

    DecisionLog.Row trail = first(result, RuleId.TRAILING_STOP);
    assertThat(trail.action()).isEqualTo("CLOSE");
    assertThat(trail.verdict()).isEqualTo("SENT");
    assertThat(result.decisions()).filteredOn(is(RuleId.TRAILING_STOP)).hasSize(1);
    // the spike did breach the trail (the revert came before the confirmation)...
    StrategySnapshot opened =
        result.snapshots().stream()
            .filter(s -> s.state() == StrategyState.OPEN)
            .findFirst()
            .orElseThrow();
    double credit = opened.strategy().openingNetPrice().toDouble() * 100;
    double peak = Double.NEGATIVE_INFINITY;
    boolean breachedBeforeTheReversal = false;
    Instant reversal = result.scenarioStarted().plusSeconds(45);
    for (StrategySnapshot s : result.snapshots()) {
      double pnl = ScenarioFixture.pnl(s);
      if (s.state() != StrategyState.OPEN || !Double.isFinite(pnl)) {
        continue;
      }
      peak = Math.max(peak, pnl);
      if (s.time().isBefore(reversal.minusSeconds(10)) && pnl < peak - 0.40 * credit) {
        breachedBeforeTheReversal = true;
      }
    }
    assertThat(peak).as("the rally activates the trail").isGreaterThan(0.20 * credit);
    assertThat(breachedBeforeTheReversal).as("the spike breaches the trail").isTrue();
    // ...and the stop acted only on the reversal: 45 s in, confirmed 10 s later (quotes' event
    // times lag the simulator's clock by up to speed - 1 seconds between clock reads)
    assertThat(trail.time()).isAfter(result.scenarioStarted().plusSeconds(40));
  }

  @Test
  void anIvCrushTakesTheProfitItBrings() throws Exception {
    var plan =
        plan(
            scenario("iv-crush.yaml"),
            List.of(putVertical("iv-1", DEC_18, 590, 580)),
            only(RuleId.IV_CRUSH, "crushPoints: 3, minProfitShare: 0.10", "", dir),
            OPEN,
            10,
            dir);
    ScenarioRun.Result result = runUntil(plan, RuleId.IV_CRUSH);

    DecisionLog.Row crush = first(result, RuleId.IV_CRUSH);
    assertThat(crush.action()).isEqualTo("CLOSE");
    assertThat(crush.verdict()).isEqualTo("SENT");
    assertThat(result.decisions()).allMatch(is(RuleId.IV_CRUSH));
  }

  @Test
  void aShortStrikeBreachedOnExpirationDayIsClosedForAssignmentRisk() throws Exception {
    var plan =
        plan(
            scenario("expiry-breach.yaml"),
            List.of(putVertical("exp-1", EXPIRY_DAY, 598, 593)),
            only(RuleId.ASSIGNMENT_RISK, "itmShare: 0.005", "", dir),
            EXPIRY_OPEN,
            10,
            dir);
    ScenarioRun.Result result = runUntil(plan, RuleId.ASSIGNMENT_RISK);

    DecisionLog.Row assignment = first(result, RuleId.ASSIGNMENT_RISK);
    assertThat(assignment.action()).isEqualTo("CLOSE");
    assertThat(assignment.urgency()).as("the leg expires today").isEqualTo("HIGH");
    assertThat(assignment.verdict()).isEqualTo("SENT");
  }

  @Test
  void aDeepShortCallBeforeTheExDividendDateIsClosedForAssignmentRisk() throws Exception {
    // SPY at 600, 24 days to expiry: the 570 call's extrinsic value (~2) is below the 5.00
    // dividend ib-sim announces for tomorrow; too far from expiry for the moneyness branch
    var plan =
        plan(
            scenario("dividend-ex-tomorrow.yaml"),
            List.of(callVertical("div-1", DEC_18, 570, 580)),
            only(
                RuleId.ASSIGNMENT_RISK,
                "itmShare: 0.005, withinDays: 2, dividendWithinDays: 5",
                "",
                dir),
            OPEN,
            10,
            dir);
    ScenarioRun.Result result = runUntil(plan, RuleId.ASSIGNMENT_RISK);

    DecisionLog.Row assignment = first(result, RuleId.ASSIGNMENT_RISK);
    assertThat(assignment.action()).isEqualTo("CLOSE");
    assertThat(assignment.urgency()).isEqualTo("NORMAL");
    assertThat(assignment.reason()).contains("5.00 dividend going ex tomorrow");
    assertThat(assignment.verdict()).isEqualTo("SENT");
  }

  /** A SPY call credit spread: short {@code shortStrike}, long {@code longStrike}, at market. */
  private static dev.thetaflow.core.command.StrategySpec callVertical(
      String id, LocalDate expiry, double shortStrike, double longStrike) {
    return new dev.thetaflow.core.command.StrategySpec(
        id,
        "SPY",
        dev.thetaflow.core.strategy.StrategyType.CALL_VERTICAL,
        1,
        List.of(call(-1, expiry, shortStrike), call(1, expiry, longStrike)),
        java.util.OptionalDouble.empty());
  }

  private static dev.thetaflow.core.command.LegSpec call(
      int ratio, LocalDate expiry, double strike) {
    return new dev.thetaflow.core.command.LegSpec(
        dev.thetaflow.core.analytics.OptionType.CALL,
        ratio,
        expiry,
        java.util.OptionalInt.empty(),
        java.util.OptionalDouble.of(strike),
        java.util.OptionalDouble.empty());
  }

  @Test
  void onExpirationDayTheCatastropheOutranksTheAssignmentRiskOfTheSameGap() throws Exception {
    // one gap trips both: catastrophe (rank 1) must be the decision sent, not assignment (rank 11).
    // Both thresholds sit above half the gap: the job marks the underlying on its bid tick before
    // the ask tick arrives, and that torn mid (half the gap) must trip neither (see the report).
    var plan =
        plan(
            scenario("expiry-breach.yaml"),
            List.of(putVertical("exp-2", EXPIRY_DAY, 598, 593)),
            rules(
                Map.of(
                    RuleId.CATASTROPHE, "gap: 0.02",
                    RuleId.ASSIGNMENT_RISK, "itmShare: 0.02"),
                "",
                dir),
            EXPIRY_OPEN,
            10,
            dir);
    ScenarioRun.Result result =
        ScenarioFixture.run(
            plan,
            Duration.ofSeconds(60),
            rows -> rows.stream().anyMatch(r -> r.verdict().equals("SENT")));

    DecisionLog.Row sent =
        result.decisions().stream()
            .filter(r -> r.verdict().equals("SENT"))
            .findFirst()
            .orElseThrow();
    assertThat(sent.rule()).isEqualTo("CATASTROPHE");
    assertThat(sent.urgency()).isEqualTo("IMMEDIATE");
    assertThat(result.decisions())
        .filteredOn(is(RuleId.ASSIGNMENT_RISK))
        .noneMatch(r -> r.verdict().equals("SENT"));
  }

  @Test
  void aVixSpikeClosesShortVolatility() throws Exception {
    var plan =
        plan(
            scenario("vix-spike.yaml"),
            List.of(putVertical("vix-1", DEC_18, 590, 580)),
            only(RuleId.VIX_EXIT, "level: 30, jump: 0.5", "", dir),
            OPEN,
            10,
            dir);
    ScenarioRun.Result result = runUntil(plan, RuleId.VIX_EXIT);

    DecisionLog.Row vix = first(result, RuleId.VIX_EXIT);
    assertThat(vix.action()).isEqualTo("CLOSE");
    assertThat(vix.verdict()).isEqualTo("SENT");
  }

  private static DecisionLog.Row first(ScenarioRun.Result result, RuleId rule) {
    assertThat(result.decisions()).as("decisions of this run").anyMatch(is(rule));
    return result.decisions().stream().filter(is(rule)).findFirst().orElseThrow();
  }
}
