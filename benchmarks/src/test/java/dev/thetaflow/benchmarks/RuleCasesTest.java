package dev.thetaflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.core.decision.RuleId;
import dev.thetaflow.core.rules.Evaluation;
import dev.thetaflow.core.rules.Rule;
import dev.thetaflow.core.rules.RuleInput;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The benchmark measures what it claims: each state makes the rules do what its name says. */
class RuleCasesTest {

  @Test
  void quietHasNothingNearFiring() {
    List<Evaluation> es = evaluate(RuleCases.BookState.QUIET);
    assertThat(es).hasSize(11).noneMatch(Evaluation::fired);
    assertThat(es).allMatch(e -> e.waiting() == null, "no rule waits");
    assertThat(es).allMatch(e -> !(e.progress() >= 0.8), "every rule below 80%");
  }

  @Test
  void nearHasSeveralRulesAt80To95Percent() {
    List<Evaluation> es = evaluate(RuleCases.BookState.NEAR);
    assertThat(es).noneMatch(Evaluation::fired).allMatch(e -> e.waiting() == null);
    assertThat(es.stream().filter(e -> e.progress() >= 0.8 && e.progress() <= 0.95).count())
        .isGreaterThanOrEqualTo(3);
  }

  @Test
  void firingFiresTakeProfitOnly() {
    List<Evaluation> es = evaluate(RuleCases.BookState.FIRING);
    assertThat(es.stream().filter(Evaluation::fired).map(Evaluation::rule))
        .containsExactly(RuleId.TAKE_PROFIT);
    assertThat(es.get(3).decision().reason()).startsWith("take profit: profit");
  }

  @ParameterizedTest
  @EnumSource(
      value = RuleId.class,
      names = {"MANUAL", "PORTFOLIO_LIMITS"},
      mode = EnumSource.Mode.EXCLUDE)
  void eachRuleFiresInItsFiringCase(RuleId id) {
    Rule rule = RuleCases.rule(id);
    Evaluation quiet = rule.evaluate(RuleCases.quiet());
    Evaluation firing = rule.evaluate(RuleCases.firing(id));
    System.out.println(id + " quiet " + quiet.progress() + " firing " + firing);
    assertThat(quiet.fired()).isFalse();
    assertThat(quiet.waiting()).isNull();
    assertThat(firing.fired()).isTrue();
  }

  private static List<Evaluation> evaluate(RuleCases.BookState state) {
    RuleInput in = RuleCases.book(state);
    List<Evaluation> es = RuleCases.book().evaluate(in);
    System.out.printf(
        "%s pnl %.0f dte %d delta %.1f dgamma %.0f iv %.3f/%.3f%n",
        state,
        in.pnl(),
        in.dte(),
        in.greeks().delta(),
        in.greeks().dollarGamma(),
        in.iv(),
        in.ivAtEntry());
    for (Evaluation e : es) {
      System.out.printf("  %-16s %.3f %s%n", e.rule(), e.progress(), e.fired() ? "FIRED" : "");
    }
    return es;
  }
}
