package dev.thetaflow.benchmarks;

import dev.thetaflow.core.decision.RuleId;
import dev.thetaflow.core.rules.Evaluation;
import dev.thetaflow.core.rules.Rule;
import dev.thetaflow.core.rules.RuleBook;
import dev.thetaflow.core.rules.RuleInput;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The exit and risk rules on a four-leg SPY iron condor ({@link RuleCases}): each rule alone, quiet
 * and firing, and the whole {@link RuleBook} of eleven rules as the strategies operator calls it
 * (into a reused list) in a quiet, a near-trigger and a firing state. The target (issue 6) is ≤ 2
 * µs per evaluation of a four-leg strategy.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RuleEvaluationBenchmark {

  /** One rule on the quiet state or on a state in which it fires. */
  @State(Scope.Thread)
  public static class OneRule {
    @Param({
      "CATASTROPHE",
      "TRAILING_STOP",
      "TIME_EXIT",
      "TAKE_PROFIT",
      "STOP_LOSS",
      "DELTA_RISK",
      "GAMMA_RISK",
      "IV_CRUSH",
      "DTE_ROLL",
      "VIX_EXIT",
      "ASSIGNMENT_RISK"
    })
    public RuleId rule;

    @Param({"QUIET", "FIRING"})
    public String state;

    Rule evaluated;
    RuleInput input;

    @Setup
    public void setUp() {
      evaluated = RuleCases.rule(rule);
      input = state.equals("QUIET") ? RuleCases.quiet() : RuleCases.firing(rule);
      if (evaluated.evaluate(input).fired() != state.equals("FIRING")) {
        throw new IllegalStateException(rule + " " + state + ": the case does not do what it says");
      }
    }
  }

  /** The whole book in one of its three states. */
  @State(Scope.Thread)
  public static class WholeBook {
    @Param({"QUIET", "NEAR", "FIRING"})
    public String state;

    RuleBook book;
    RuleInput input;
    final List<Evaluation> out = new ArrayList<>(16);

    @Setup
    public void setUp() {
      book = RuleCases.book();
      input = RuleCases.book(RuleCases.BookState.valueOf(state));
    }
  }

  @Benchmark
  public Evaluation rule(OneRule s) {
    return s.evaluated.evaluate(s.input);
  }

  @Benchmark
  public List<Evaluation> book(WholeBook s) {
    s.book.evaluate(s.input, s.out);
    return s.out;
  }
}
