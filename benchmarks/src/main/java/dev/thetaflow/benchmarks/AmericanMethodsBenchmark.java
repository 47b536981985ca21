package dev.thetaflow.benchmarks;

import dev.thetaflow.core.analytics.PricingEngine;
import dev.thetaflow.core.analytics.PricingInputs;
import dev.thetaflow.core.analytics.american.AmericanEngine;
import dev.thetaflow.core.analytics.american.FiniteDifferenceAmericanEngine;
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
 * What an American price costs by each method: the production fixed-point scheme, its
 * high-precision scheme, and a fine Crank-Nicolson grid (the accuracy the fixed point matches).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// The American engine vectorises its quadrature with jdk.incubator.vector when the module is on.
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
public class AmericanMethodsBenchmark {

  @Param({"fixed-point", "fixed-point-high-precision", "finite-difference-800x800"})
  public String method;

  private PricingEngine engine;
  private PricingInputs[] cases;
  private int next;

  @Setup
  public void setUp() {
    engine =
        switch (method) {
          case "fixed-point" -> new AmericanEngine();
          case "fixed-point-high-precision" -> AmericanEngine.highPrecision();
          case "finite-difference-800x800" -> new FiniteDifferenceAmericanEngine(800, 800);
          default -> throw new IllegalArgumentException("unknown method " + method);
        };
    cases = OptionCases.generate(20261123L);
  }

  @Benchmark
  public double price() {
    return engine.price(cases[next++ & OptionCases.MASK]);
  }
}
