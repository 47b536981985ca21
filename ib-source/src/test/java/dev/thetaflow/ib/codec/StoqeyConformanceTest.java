package dev.thetaflow.ib.codec;

import static dev.thetaflow.ib.codec.RecordedFrames.hex;
import static dev.thetaflow.ib.codec.TestContracts.SPY_CALL;
import static dev.thetaflow.ib.codec.TestContracts.SPY_IRON_CONDOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Our frames against the second, independent oracle: what @stoqey/ib 1.6.10 sent at version 178
 * (tws-frames.md). The two clients differ only in how they write defaults (brief §1.5), so fields
 * are compared for meaning: same text, the same number ({@code 450} = {@code 450.0}), or an empty
 * field where the other writes the default {@code 0}.
 */
class StoqeyConformanceTest {
  private final FieldWriter w = new FieldWriter();

  @Test
  void marketDataRequests() {
    Requests.reqMktData(w, 5001, SPY_CALL, "100,101,106", false, false);
    assertEquivalent(
        "0000004a310031310035303031003000535059004f50540032303236313231380034353000430031303000"
            + "534d415254000055534400005350590030003130302c3130312c313036003000300000");
    Requests.reqMktData(w, 5002, SPY_IRON_CONDOR, "", false, false);
    assertEquivalent(
        "000000883100313100353030320000535059004241470000000000534d4152540000555344000000340037"
            + "303030303030303100310042555900534d4152540037303030303030303200310053454c4c00534d41"
            + "52540037303030303030303300310053454c4c00534d4152540037303030303030303400310042555900"
            + "534d415254003000003000300000");
    Requests.reqMktData(w, 5003, SPY_CALL, "", true, false);
    assertEquivalent(
        "0000003f310031310035303033003000535059004f50540032303236313231380034353000430031303000"
            + "534d41525400005553440000535059003000003100300000");
  }

  @Test
  void contractAndExecutionRequests() {
    Requests.reqContractDetails(w, 9003, SPY_CALL, false, "", "", "");
    assertEquivalent(
        "0000003a3900380039303033003000535059004f50540032303236313231380034353000430031303000"
            + "534d415254000055534400005350590000000000");
    Requests.reqExecutions(w, 9002, 0, "", "", "", "", "", "");
    assertEquivalent("0000001037003300393030320000000000000000");
  }

  @Test
  void placeOrdersOfEveryRecordedType() {
    assertPlaceOrderEquivalent(1000, SPY_IRON_CONDOR, TestOrders.CONDOR_LMT);
    assertPlaceOrderEquivalent(1001, SPY_CALL, TestOrders.CALL_LMT);
    assertPlaceOrderEquivalent(1002, SPY_CALL, TestOrders.CALL_MKT);
    assertPlaceOrderEquivalent(1003, SPY_CALL, TestOrders.CALL_STP);
    assertPlaceOrderEquivalent(1004, SPY_CALL, TestOrders.CALL_TRAIL_AMOUNT);
    assertPlaceOrderEquivalent(1005, SPY_CALL, TestOrders.CALL_TRAIL_PERCENT);
  }

  /**
   * Besides the general rules, stoqey leaves exemptCode empty where the official client writes its
   * default {@code -1} (once per combo leg and once for the order); both mean "no exemption".
   */
  private void assertPlaceOrderEquivalent(int orderId, TwsContract contract, TwsOrder order) {
    Requests.placeOrder(w, orderId, contract, order);
    List<String> ours = FrameFields.of(w.toByteArray());
    List<String> theirs = FrameFields.of(RecordedFrames.placeOrder("stoqey/" + orderId));
    assertThat(ours).hasSameSizeAs(theirs);
    int exemptCodes = 0;
    for (int i = 0; i < ours.size(); i++) {
      if (ours.get(i).equals("-1") && theirs.get(i).isEmpty()) {
        exemptCodes++;
        continue;
      }
      assertThat(FrameFields.sameMeaning(ours.get(i), theirs.get(i)))
          .as("order %d field #%d: ours '%s', stoqey '%s'", orderId, i, ours.get(i), theirs.get(i))
          .isTrue();
    }
    assertThat(exemptCodes).isEqualTo(1 + contract.comboLegs().size());
  }

  @Test
  void cancelMktDataDiffersOnlyInItsVersionField() {
    // stoqey sends version 1, the official client version 2; TWS takes both.
    Requests.cancelMktData(w, 5001);
    List<String> ours = FrameFields.of(w.toByteArray());
    List<String> theirs = FrameFields.of(hex("00000009320031003530303100"));
    assertThat(ours).containsExactly("2", "2", "5001");
    assertThat(theirs).containsExactly("2", "1", "5001");
  }

  private void assertEquivalent(String stoqeyHex) {
    List<String> ours = FrameFields.of(w.toByteArray());
    List<String> theirs = FrameFields.of(hex(stoqeyHex));
    assertThat(ours).hasSameSizeAs(theirs);
    for (int i = 0; i < ours.size(); i++) {
      assertThat(FrameFields.sameMeaning(ours.get(i), theirs.get(i)))
          .as("field #%d: ours '%s', stoqey '%s'", i, ours.get(i), theirs.get(i))
          .isTrue();
    }
  }
}
