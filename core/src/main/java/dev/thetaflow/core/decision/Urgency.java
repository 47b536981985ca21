package dev.thetaflow.core.decision;

/** How fast an action must reach the market; drives order type and price aggressiveness. */
public enum Urgency {
  LOW,
  NORMAL,
  HIGH,
  /** Cross the spread now, whatever it costs. */
  IMMEDIATE
}
