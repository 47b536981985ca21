package dev.thetaflow.ib.codec;

import static dev.thetaflow.ib.codec.TestContracts.SPY_CALL;
import static dev.thetaflow.ib.codec.TestContracts.SPY_IRON_CONDOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * placeOrder against the frames IB's official Python client (ibapi 10.41.1) sent at version 178
 * (tws-frames.md). The only deliberate difference: eight unset fields that Python writes as the
 * sentinel digits ({@code 1.7976931348623157e+308}, {@code 2147483647}) we write empty, as IB's
 * Java client does (brief §1.5). The test checks that those eight, and nothing else, differ.
 */
class PlaceOrderTest {
  /** Distance from the last field of triggerPrice…postToAts, the Python-sentinel fields. */
  private static final int[] SENTINELS_FROM_END = {22, 21, 20, 19, 18, 13, 4, 3};

  private final FieldWriter w = new FieldWriter(16);

  @Test
  void fourLegComboLimitOrder() {
    assertOfficial("official/1000", 1000, SPY_IRON_CONDOR, TestOrders.CONDOR_LMT, 149);
  }

  @Test
  void singleOptionLimitOrder() {
    assertOfficial("official/1001", 1001, SPY_CALL, TestOrders.CALL_LMT, 114);
  }

  @Test
  void marketOrder() {
    assertOfficial("official/1002", 1002, SPY_CALL, TestOrders.CALL_MKT, 114);
  }

  @Test
  void stopOrderGoodTillCancelledOutsideRegularHours() {
    assertOfficial("official/1003", 1003, SPY_CALL, TestOrders.CALL_STP, 114);
  }

  @Test
  void trailingStopByAmount() {
    assertOfficial("official/1004", 1004, SPY_CALL, TestOrders.CALL_TRAIL_AMOUNT, 114);
  }

  @Test
  void trailingStopByPercent() {
    assertOfficial("official/1005", 1005, SPY_CALL, TestOrders.CALL_TRAIL_PERCENT, 114);
  }

  @Test
  void comboWithPerLegPricesAndNonGuaranteedRouting() {
    // Not recorded; brief §2.6: M prices after the legs, then K tag/value pairs.
    TwsOrder order =
        TestOrders.CONDOR_LMT.withCombo(
            List.of(1.5, TwsValues.UNSET_DOUBLE, -0.25, 0.1),
            List.of(new TagValue("NonGuaranteed", "1")));
    Requests.placeOrder(w, 1000, SPY_IRON_CONDOR, order);
    List<String> f = fields(w.toByteArray());
    assertThat(f).hasSize(149 + 4 + 2);
    int afterLegs = 35 + 1 + 4 * 8;
    assertThat(f.subList(afterLegs, afterLegs + 8))
        .containsExactly("4", "1.5", "", "-0.25", "0.1", "1", "NonGuaranteed", "1");
    assertThat(f.get(afterLegs + 8)).as("sharesAllocation follows").isEmpty();
  }

  @Test
  void optionalFieldsLandInTheirColumns() {
    TwsOrder order =
        TwsOrder.stopLimit("BUY", new BigDecimal("2.50"), 3.0, 3.2)
            .withAccount("DU1234567")
            .withTransmit(false)
            .withParentId(999)
            .withWhatIf(true);
    Requests.placeOrder(w, 7, SPY_CALL, order);
    List<String> f = fields(w.toByteArray());
    assertThat(f).hasSize(114);
    assertThat(f.subList(16, 22)).containsExactly("BUY", "2.5", "STP LMT", "3.2", "3.0", "DAY");
    assertThat(f.get(23)).isEqualTo("DU1234567");
    assertThat(f.get(27)).as("transmit").isEqualTo("0");
    assertThat(f.get(28)).as("parentId").isEqualTo("999");
    assertThat(f.get(84)).as("whatIf").isEqualTo("1");
  }

  @Test
  void quantityIsPlainDecimalText() {
    assertThat(PlaceOrderEncoder.quantityText(new BigDecimal("1E+1"))).isEqualTo("10");
    assertThat(PlaceOrderEncoder.quantityText(new BigDecimal("0.50"))).isEqualTo("0.5");
    assertThat(PlaceOrderEncoder.quantityText(new BigDecimal("100"))).isEqualTo("100");
  }

  @Test
  void refusesOrdersThatCouldSilentlyMisfire() {
    BigDecimal one = BigDecimal.ONE;
    double unset = TwsValues.UNSET_DOUBLE;
    assertRefused(SPY_CALL, TwsOrder.limit("BUY", one, Double.NaN), "lmtPrice");
    assertRefused(SPY_CALL, TwsOrder.limit("BUY", one, Double.POSITIVE_INFINITY), "lmtPrice");
    assertRefused(SPY_CALL, TwsOrder.limit("BUY", one, unset), "lmtPrice");
    assertRefused(SPY_CALL, TwsOrder.limit("BUY", BigDecimal.ZERO, 5.1), "totalQuantity");
    assertRefused(SPY_CALL, TwsOrder.limit("BUY", new BigDecimal("-1"), 5.1), "totalQuantity");
    assertRefused(SPY_CALL, TwsOrder.limit("SSHORT", one, 5.1), "action");
    assertRefused(SPY_CALL, TwsOrder.limit("buy", one, 5.1), "action");
    assertRefused(SPY_CALL, TestOrders.CALL_LMT.withTif(""), "tif");
    assertRefused(SPY_CALL, TestOrders.CALL_LMT.withTif(null), "tif");
    assertRefused(SPY_CALL, TestOrders.CALL_LMT.withTif("GTD"), "tif");
    assertThatThrownBy(() -> Requests.placeOrder(w, 0, SPY_CALL, TestOrders.CALL_LMT))
        .hasMessageStartingWith("placeOrder orderId:");
    assertRefused(SPY_CALL, TwsOrder.stop("SELL", one, unset), "auxPrice");
    assertRefused(SPY_CALL, TwsOrder.stop("SELL", one, Double.NaN), "auxPrice");
    assertRefused(SPY_CALL, TwsOrder.stopLimit("SELL", one, 4.0, unset), "lmtPrice");
    assertRefused(SPY_CALL, TwsOrder.trailingAmount("SELL", one, unset, 4.6), "auxPrice");
    assertRefused(SPY_CALL, TwsOrder.trailingAmount("SELL", one, -0.5, 4.6), "auxPrice");
    assertRefused(SPY_CALL, TwsOrder.trailingPercent("SELL", one, 0, unset), "trailingPercent");
    assertRefused(SPY_CALL, TwsOrder.trailingPercent("SELL", one, 100, unset), "trailingPercent");
    assertRefused(
        SPY_CALL, TwsOrder.trailingPercent("SELL", one, Double.NaN, unset), "trailingPercent");
    assertRefused(
        SPY_CALL, TwsOrder.trailingAmount("SELL", one, 0.5, Double.NaN), "trailStopPrice");
  }

  @Test
  void refusesFieldsThatDoNotBelongToTheOrderType() {
    BigDecimal one = BigDecimal.ONE;
    TwsOrder mkt = TwsOrder.market("SELL", one);
    assertRefused(SPY_CALL, withPrices(mkt, 5.0, TwsValues.UNSET_DOUBLE), "lmtPrice");
    assertRefused(SPY_CALL, withPrices(mkt, TwsValues.UNSET_DOUBLE, 4.0), "auxPrice");
    TwsOrder both =
        new TwsOrder(
            "SELL",
            one,
            "TRAIL",
            TwsValues.UNSET_DOUBLE,
            0.5,
            10.0,
            TwsValues.UNSET_DOUBLE,
            "DAY",
            "",
            "",
            true,
            false,
            0,
            false,
            List.of(),
            List.of());
    assertRefused(SPY_CALL, both, "auxPrice");
    assertRefused(SPY_CALL, withType(TestOrders.CALL_LMT, "REL"), "orderType");
    assertRefused(SPY_CALL, withType(TestOrders.CALL_LMT, "PEG BEST"), "orderType");
  }

  @Test
  void refusesComboMismatches() {
    assertRefused(
        SPY_IRON_CONDOR,
        TestOrders.CONDOR_LMT.withCombo(List.of(1.0, 2.0), List.of()),
        "orderComboLegPrices");
    assertRefused(
        SPY_IRON_CONDOR,
        TestOrders.CONDOR_LMT.withCombo(List.of(1.0, 2.0, 3.0, Double.NaN), List.of()),
        "orderComboLegPrices");
    assertRefused(
        SPY_CALL, TestOrders.CALL_LMT.withCombo(List.of(1.0), List.of()), "orderComboLegPrices");
    assertRefused(
        SPY_CALL,
        TestOrders.CALL_LMT.withCombo(List.of(), List.of(new TagValue("NonGuaranteed", "1"))),
        "smartComboRoutingParams");
    TwsContract bagWithoutLegs =
        new TwsContract(0, "SPY", "BAG", "", 0, "", "", "SMART", "", "USD", "", "", List.of());
    assertRefused(bagWithoutLegs, TestOrders.CONDOR_LMT, "comboLegs");
  }

  @Test
  void aRefusedOrderLeavesThePreviousFrameIntact() {
    int length = Requests.placeOrder(w, 1001, SPY_CALL, TestOrders.CALL_LMT);
    byte[] before = w.toByteArray();
    assertThatThrownBy(
            () ->
                Requests.placeOrder(
                    w, 1002, SPY_CALL, TwsOrder.limit("BUY", BigDecimal.ONE, Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(w.frameLength()).isEqualTo(length);
    assertThat(w.toByteArray()).isEqualTo(before);
  }

  private void assertRefused(TwsContract contract, TwsOrder order, String field) {
    assertThatThrownBy(() -> Requests.placeOrder(w, 1, contract, order))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("placeOrder " + field + ":");
  }

  private static TwsOrder withPrices(TwsOrder o, double lmt, double aux) {
    return new TwsOrder(
        o.action(),
        o.totalQuantity(),
        o.orderType(),
        lmt,
        aux,
        o.trailingPercent(),
        o.trailStopPrice(),
        o.tif(),
        o.orderRef(),
        o.account(),
        o.transmit(),
        o.outsideRth(),
        o.parentId(),
        o.whatIf(),
        o.orderComboLegPrices(),
        o.smartComboRoutingParams());
  }

  private static TwsOrder withType(TwsOrder o, String type) {
    return new TwsOrder(
        o.action(),
        o.totalQuantity(),
        type,
        o.lmtPrice(),
        o.auxPrice(),
        o.trailingPercent(),
        o.trailStopPrice(),
        o.tif(),
        o.orderRef(),
        o.account(),
        o.transmit(),
        o.outsideRth(),
        o.parentId(),
        o.whatIf(),
        o.orderComboLegPrices(),
        o.smartComboRoutingParams());
  }

  private void assertOfficial(
      String recording, int orderId, TwsContract contract, TwsOrder order, int fieldCount) {
    List<String> recorded = fields(RecordedFrames.placeOrder(recording));
    assertThat(recorded).hasSize(fieldCount);
    List<String> expected = new ArrayList<>(recorded);
    for (int fromEnd : SENTINELS_FROM_END) {
      int i = recorded.size() - 1 - fromEnd;
      assertThat(recorded.get(i)).isIn("1.7976931348623157e+308", "2147483647");
      expected.set(i, "");
    }
    int length = Requests.placeOrder(w, orderId, contract, order);
    byte[] expectedFrame = TestFrames.frame(expected.toArray(String[]::new));
    assertThat(fields(w.toByteArray())).containsExactlyElementsOf(expected);
    assertThat(w.toByteArray()).isEqualTo(expectedFrame);
    assertThat(length).isEqualTo(expectedFrame.length);
  }

  /** Splits a frame on NUL without the codec under test. */
  static List<String> fields(byte[] frame) {
    List<String> out = new ArrayList<>();
    ByteArrayOutputStream field = new ByteArrayOutputStream();
    for (int i = 4; i < frame.length; i++) {
      if (frame[i] == 0) {
        out.add(field.toString(StandardCharsets.UTF_8));
        field.reset();
      } else {
        field.write(frame[i]);
      }
    }
    assertThat(field.size()).as("frame ends with NUL").isZero();
    return out;
  }
}
