package dev.thetaflow.benchmarks;

import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.analytics.PricingInputs;
import java.util.SplittableRandom;

/**
 * A seeded set of options spread over the range the accuracy targets cover: spot 5-5000
 * (log-uniform), strike/spot 0.5-1.5, 1 day to 3 years, vol 5%-200%, rates -1% to 10%, dividend
 * yield 0-8%, calls and puts. Benchmarks cycle through it so no input is constant-folded and the
 * result is an average over the whole range, not a lucky point.
 */
final class OptionCases {

  static final int SIZE = 1024; // a power of two: the index wraps with a mask
  static final int MASK = SIZE - 1;

  private OptionCases() {}

  static PricingInputs[] generate(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    PricingInputs[] cases = new PricingInputs[SIZE];
    for (int i = 0; i < SIZE; i++) {
      double spot = 5.0 * Math.pow(1000.0, random.nextDouble());
      double strike = spot * (0.5 + random.nextDouble());
      double years = (1.0 + random.nextDouble() * (3 * 365 - 1)) / 365.0;
      double vol = 0.05 + 1.95 * random.nextDouble();
      double rate = -0.01 + 0.11 * random.nextDouble();
      double dividendYield = 0.08 * random.nextDouble();
      OptionType type = random.nextBoolean() ? OptionType.CALL : OptionType.PUT;
      cases[i] = new PricingInputs(type, spot, strike, years, rate, dividendYield, vol);
    }
    return cases;
  }
}
