package dev.thetaflow.core.order;

/** Why a strategy sends an order; part of the order reference. */
public enum OrderPurpose {
  ENTRY,
  EXIT,
  ADJUST,
  ROLL,
  HEDGE
}
