package dev.thetaflow.benchmarks;

import dev.thetaflow.core.analytics.ExerciseStyle;
import dev.thetaflow.core.analytics.Greeks;
import dev.thetaflow.core.analytics.ImpliedVol;
import dev.thetaflow.core.analytics.PricingEngine;
import dev.thetaflow.core.analytics.PricingEngines;
import dev.thetaflow.core.analytics.PricingInputs;
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
 * The production pricing engines, European (Black-Scholes-Merton, Let's Be Rational) and American
 * (fixed-point exercise boundary): price, price with all first-order Greeks, implied volatility.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
// The American engine vectorises its quadrature with jdk.incubator.vector when the module is on.
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
public class PricingBenchmark {

  @Param({"EUROPEAN", "AMERICAN"})
  public ExerciseStyle style;

  private PricingEngine engine;
  private PricingInputs[] cases;
  private double[] prices;
  private int next;

  @Setup
  public void setUp() {
    engine = PricingEngines.forStyle(style);
    cases = OptionCases.generate(20261123L);
    prices = new double[cases.length];
    for (int i = 0; i < cases.length; i++) {
      prices[i] = engine.price(cases[i]);
    }
  }

  @Benchmark
  public double price() {
    return engine.price(cases[next++ & OptionCases.MASK]);
  }

  @Benchmark
  public Greeks priceWithGreeks() {
    return engine.greeks(cases[next++ & OptionCases.MASK]);
  }

  @Benchmark
  public ImpliedVol impliedVolatility() {
    int i = next++ & OptionCases.MASK;
    return engine.impliedVolatility(cases[i], prices[i]);
  }
}
