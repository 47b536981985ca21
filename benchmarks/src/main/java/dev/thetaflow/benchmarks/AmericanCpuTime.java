package dev.thetaflow.benchmarks;

import dev.thetaflow.core.analytics.ExerciseStyle;
import dev.thetaflow.core.analytics.PricingEngine;
import dev.thetaflow.core.analytics.PricingEngines;
import dev.thetaflow.core.analytics.PricingInputs;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The American price and price + Greeks as thread CPU time per option: the minimum over passes of
 * the 1,024 {@link OptionCases}. Wall-clock JMH scores are unusable on a loaded shared box; the
 * minimum CPU time of a pass is not. Run old and new builds alternately, back to back:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.thetaflow.benchmarks.AmericanCpuTime [passes]
 * </pre>
 *
 * Prints one line: the minimum and median microseconds per price and per price + Greeks.
 */
public final class AmericanCpuTime {

  private AmericanCpuTime() {}

  public static void main(String[] args) {
    int passes = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    PricingEngine engine = PricingEngines.forStyle(ExerciseStyle.AMERICAN);
    PricingInputs[] cases = OptionCases.generate(20261123L);
    double sink = 0.0;
    // JIT warm-up, ~100k prices and Greeks: the Vector API runs its very slow Java fallbacks until
    // C2
    // has compiled the kernel, which takes seconds on a loaded box.
    for (int warm = 0; warm < 100; warm++) {
      for (PricingInputs c : cases) {
        sink += engine.price(c) + engine.greeks(c).delta();
      }
    }
    double[] price = new double[passes];
    double[] greeks = new double[passes];
    for (int p = 0; p < passes; p++) {
      long t0 = bean.getCurrentThreadCpuTime();
      for (PricingInputs c : cases) {
        sink += engine.price(c);
      }
      long t1 = bean.getCurrentThreadCpuTime();
      for (PricingInputs c : cases) {
        sink += engine.greeks(c).delta();
      }
      long t2 = bean.getCurrentThreadCpuTime();
      price[p] = (t1 - t0) * 1e-3 / cases.length;
      greeks[p] = (t2 - t1) * 1e-3 / cases.length;
    }
    java.util.Arrays.sort(price);
    java.util.Arrays.sort(greeks);
    System.out.printf(
        "price min %.2f median %.2f us; price+greeks min %.2f median %.2f us (sink %.3g)%n",
        price[0], price[passes / 2], greeks[0], greeks[passes / 2], sink);
  }
}
