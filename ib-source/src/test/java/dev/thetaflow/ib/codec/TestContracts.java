package dev.thetaflow.ib.codec;

import java.util.List;

/** The contracts the recorded request frames were made with (tws-frames.md). */
final class TestContracts {
  private TestContracts() {}

  static final TwsContract SPY_CALL =
      new TwsContract(
          0, "SPY", "OPT", "20261218", 450.0, "C", "100", "SMART", "", "USD", "", "SPY", List.of());

  static final TwsContract SPY_IRON_CONDOR =
      new TwsContract(
          0,
          "SPY",
          "BAG",
          "",
          TwsValues.UNSET_DOUBLE,
          "",
          "",
          "SMART",
          "",
          "USD",
          "",
          "",
          List.of(
              new TwsComboLeg(700000001, 1, "BUY", "SMART"),
              new TwsComboLeg(700000002, 1, "SELL", "SMART"),
              new TwsComboLeg(700000003, 1, "SELL", "SMART"),
              new TwsComboLeg(700000004, 1, "BUY", "SMART")));
}
