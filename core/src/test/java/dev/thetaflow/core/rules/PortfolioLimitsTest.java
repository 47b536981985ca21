package dev.thetaflow.core.rules;

import static dev.thetaflow.core.rules.RiskRuleInputs.NOW;
import static dev.thetaflow.core.rules.RiskRuleInputs.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thetaflow.core.decision.Decision;
import dev.thetaflow.core.decision.DecisionAction;
import dev.thetaflow.core.decision.Measurement;
import dev.thetaflow.core.decision.RuleId;
import dev.thetaflow.core.decision.Urgency;
import dev.thetaflow.core.rules.PortfolioLimits.Exposure;
import dev.thetaflow.core.rules.PortfolioLimits.Portfolio;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortfolioLimitsTest {

  // net dollar delta up to 50% of $100,000, $1,000 of vega per point, $5,000 of loss, no
  // concentration limit
  private final PortfolioLimits limits =
      new PortfolioLimits(new PortfolioLimits.Thresholds(0.5, 1000, 5000, 1));

  private static Exposure delta(String id, double dollarDelta) {
    return new Exposure(id, "SPY", dollarDelta, 0, 0, 0);
  }

  private static List<String> ids(List<Decision> ds) {
    return ds.stream().map(Decision::strategyId).toList();
  }

  private List<Decision> judge(Exposure... es) {
    return limits.evaluate(new Portfolio(List.of(es), 100_000), NOW);
  }

  @Test
  void dollarDeltaAtJustBelowAndJustAboveItsShare() {
    assertThat(judge(delta("a", 30_000), delta("b", 20_000))).isEmpty();
    assertThat(judge(delta("a", 30_000), delta("b", 19_999))).isEmpty();
    List<Decision> above = judge(delta("a", 30_000), delta("b", 20_001));
    assertThat(ids(above)).containsExactly("a");
    Decision d = above.get(0);
    assertThat(d.action()).isEqualTo(DecisionAction.REDUCE);
    assertThat(d.urgency()).isEqualTo(Urgency.NORMAL);
    assertThat(d.rule()).isEqualTo(RuleId.PORTFOLIO_LIMITS);
    assertThat(d.time()).isEqualTo(NOW);
    assertThat(d.reason())
        .contains(
            "Portfolio dollar delta is $50,001",
            "50% of net liquidation $100,000",
            "(limit 50%)",
            "this strategy holds $30,000 of it (60%)",
            "Reducing it.");
    assertThat(d.measurements())
        .containsExactly(
            new Measurement("portfolio dollar delta, share of net liquidation", 50.001, 50, "%"));
  }

  @Test
  void reducesTheLargestContributorsInTheBreachsDirectionUntilWithinTheLimit() {
    // net -80,000: 30,000 beyond the limit; the long strategy is not a contributor
    List<Decision> ds =
        judge(
            delta("long", 10_000),
            delta("s1", -20_000),
            delta("s2", -25_000),
            delta("s3", -20_000),
            delta("s4", -25_000));
    assertThat(ids(ds)).containsExactly("s2", "s4");
    assertThat(ds.get(0).reason()).contains("-$80,000", "-$25,000 of it");
  }

  @Test
  void vegaAtJustBelowAndJustAbove() {
    var a = new Exposure("a", "SPY", 0, -600, 0, 0);
    assertThat(judge(a, new Exposure("b", "SPY", 0, -400, 0, 0))).isEmpty();
    List<Decision> ds =
        judge(a, new Exposure("b", "SPY", 0, -400.5, 0, 0), new Exposure("c", "QQQ", 0, 300, 0, 0));
    // net -700.5 is within the limit: no breach although the short-vega pair is over it
    assertThat(ds).isEmpty();
    ds = judge(a, new Exposure("b", "SPY", 0, -400.5, 0, 0));
    assertThat(ids(ds)).containsExactly("a");
    assertThat(ds.get(0).reason()).contains("Portfolio vega is -$1,001", "limit $1,000", "-$600");
    assertThat(ds.get(0).measurements().get(0).name())
        .isEqualTo("portfolio vega per volatility point");
  }

  @Test
  void lossAtJustBelowAndJustAbove() {
    var a = new Exposure("a", "SPY", 0, 0, 0, -3000);
    var winner = new Exposure("w", "SPY", 0, 0, 0, 500);
    assertThat(judge(a, new Exposure("b", "SPY", 0, 0, 0, -2500), winner)).isEmpty();
    List<Decision> ds = judge(a, new Exposure("b", "SPY", 0, 0, 0, -2500.01), winner);
    assertThat(ids(ds)).containsExactly("a");
    assertThat(ds.get(0).reason()).contains("lost $5,000", "limit $5,000", "has lost $3,000");
    assertThat(ds.get(0).measurements().get(0).value()).isEqualTo(5000.01);
  }

  @Test
  void concentrationAtJustBelowAndJustAbove() {
    var concentrated = new PortfolioLimits(new PortfolioLimits.Thresholds(10, 1e9, 1e9, 0.6));
    Portfolio at =
        new Portfolio(
            List.of(
                delta("s1", 40_000),
                delta("s2", 20_000),
                new Exposure("q", "QQQ", -40_000, 0, 0, 0)),
            100_000);
    assertThat(concentrated.evaluate(at, NOW)).isEmpty();
    // SPY 70% of 100,000 gross: removing s1 (40,000) leaves 30 / 60 = 50%
    Portfolio above =
        new Portfolio(
            List.of(
                delta("s1", 40_000),
                delta("s2", -30_000),
                new Exposure("q", "QQQ", 30_000, 0, 0, 0)),
            100_000);
    List<Decision> ds = concentrated.evaluate(above, NOW);
    assertThat(ids(ds)).containsExactly("s1");
    assertThat(ds.get(0).reason())
        .contains(
            "SPY holds 70%",
            "gross dollar delta $100,000", "(limit 60%)", "$40,000 (57.14% of SPY's)");
    Portfolio justAbove =
        new Portfolio(
            List.of(
                delta("s1", 40_000),
                delta("s2", 20_001),
                new Exposure("q", "QQQ", -40_000, 0, 0, 0)),
            100_000);
    assertThat(ids(concentrated.evaluate(justAbove, NOW))).containsExactly("s1");
  }

  @Test
  void aStrategyInSeveralBreachesGetsOneDecisionNamingEach() {
    var big = new Exposure("big", "SPY", 60_000, 0, 0, -6000);
    List<Decision> ds = judge(big, delta("small", 1000));
    assertThat(ids(ds)).containsExactly("big");
    assertThat(ds.get(0).measurements()).hasSize(2);
    assertThat(ds.get(0).reason()).contains("dollar delta", "lost $6,000");
  }

  @Test
  void anEmptyBookBreachesNothing() {
    assertThat(judge()).isEmpty();
  }

  @Test
  void inputsAreChecked() {
    assertThatThrownBy(() -> new Exposure("a", "SPY", Double.NaN, 0, 0, 0))
        .hasMessageContaining("must be finite");
    assertThatThrownBy(() -> new Exposure("a b", "SPY", 0, 0, 0, 0))
        .hasMessageContaining("strategyId");
    assertThatThrownBy(() -> new Portfolio(List.of(delta("a", 1), delta("a", 2)), 1000))
        .hasMessageContaining("a appears more than once");
    assertThatThrownBy(() -> new Portfolio(List.of(), 0)).hasMessageContaining("net liquidation");
  }

  @Test
  void thresholdsNameWhatIsWrong() {
    assertThatThrownBy(() -> new PortfolioLimits.Thresholds(0, 1000, 5000, 0.5))
        .hasMessageContaining("maxDollarDeltaShare");
    assertThatThrownBy(() -> new PortfolioLimits.Thresholds(0.5, -1, 5000, 0.5))
        .hasMessageContaining("maxVegaPerPoint")
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> new PortfolioLimits.Thresholds(0.5, 1000, Double.NaN, 0.5))
        .hasMessageContaining("maxLoss");
    assertThatThrownBy(() -> new PortfolioLimits.Thresholds(0.5, 1000, 5000, 1.1))
        .hasMessageContaining("maxConcentration")
        .hasMessageContaining("(0, 1]");
  }

  @Test
  void readsItsKeysAndRejectsUnknownOnes() {
    Map<String, String> ok =
        Map.of(
            "maxDollarDeltaShare", "0.5",
            "maxVegaPerPoint", "1000",
            "maxLoss", "5000",
            "maxConcentration", "0.6");
    assertThat(PortfolioLimits.from(params(ok)).thresholds())
        .isEqualTo(new PortfolioLimits.Thresholds(0.5, 1000, 5000, 0.6));
    var typo = new java.util.HashMap<>(ok);
    typo.put("maxVega", "1");
    assertThatThrownBy(() -> PortfolioLimits.from(params(typo)))
        .hasMessageContaining("unknown key maxVega");
  }
}
