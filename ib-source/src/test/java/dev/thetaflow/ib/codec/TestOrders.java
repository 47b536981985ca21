package dev.thetaflow.ib.codec;

import java.math.BigDecimal;

/**
 * The orders the recorded placeOrder frames were made with (tws-frames.md, brief §2.6 "Order
 * recipes"), read back from the frames' fields. Order ids 1000–1005.
 */
final class TestOrders {
  private TestOrders() {}

  /** 1000, on {@link TestContracts#SPY_IRON_CONDOR}: a credit of 1.25 for one condor. */
  static final TwsOrder CONDOR_LMT =
      TwsOrder.limit("BUY", BigDecimal.ONE, -1.25).withOrderRef("ic-test-001");

  /** 1001, on {@link TestContracts#SPY_CALL}. */
  static final TwsOrder CALL_LMT =
      TwsOrder.limit("BUY", BigDecimal.ONE, 5.1).withOrderRef("single-lmt");

  /** 1002, on {@link TestContracts#SPY_CALL}. */
  static final TwsOrder CALL_MKT = TwsOrder.market("SELL", BigDecimal.ONE);

  /** 1003, on {@link TestContracts#SPY_CALL}. */
  static final TwsOrder CALL_STP =
      TwsOrder.stop("SELL", BigDecimal.ONE, 4.0).withTif("GTC").withOutsideRth(true);

  /** 1004, on {@link TestContracts#SPY_CALL}: trails by 0.5, starting at a stop of 4.6. */
  static final TwsOrder CALL_TRAIL_AMOUNT =
      TwsOrder.trailingAmount("SELL", BigDecimal.ONE, 0.5, 4.6);

  /** 1005, on {@link TestContracts#SPY_CALL}: trails by 10 %, TWS sets the first stop. */
  static final TwsOrder CALL_TRAIL_PERCENT =
      TwsOrder.trailingPercent("SELL", BigDecimal.ONE, 10.0, TwsValues.UNSET_DOUBLE);
}
