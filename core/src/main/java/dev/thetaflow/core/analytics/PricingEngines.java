package dev.thetaflow.core.analytics;

import dev.thetaflow.core.analytics.american.AmericanEngine;

/** The production engine for each exercise style. Engines are stateless; these are shared. */
public final class PricingEngines {

  private static final EuropeanEngine EUROPEAN = new EuropeanEngine();
  private static final AmericanEngine AMERICAN = new AmericanEngine();

  private PricingEngines() {}

  /** The engine that values options of {@code style}. */
  public static PricingEngine forStyle(ExerciseStyle style) {
    return switch (style) {
      case EUROPEAN -> EUROPEAN;
      case AMERICAN -> AMERICAN;
    };
  }
}
