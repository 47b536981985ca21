package dev.thetaflow.core.instrument;

/**
 * When an option's settlement value is fixed on its expiration date (exchange time zone
 * America/New_York).
 */
public enum SettlementStyle {
  /**
   * Settles on the closing price at 16:00 New York on the expiration date, and trades until then.
   * Equity and ETF options, SPXW weeklies and end-of-month SPX.
   */
  PM,
  /**
   * Settles on a special opening quotation computed from the opening prices at 09:30 New York on
   * the expiration date (SPX third-Friday monthlies, VIX). The option stops trading at the close of
   * the previous trading day, so its holder carries the overnight gap with no way out.
   */
  AM
}
