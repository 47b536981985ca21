package dev.thetaflow.core.analytics;

/**
 * When an option may be exercised. US equity and ETF options are American; SPX and XSP are
 * European.
 */
public enum ExerciseStyle {
  EUROPEAN,
  AMERICAN
}
