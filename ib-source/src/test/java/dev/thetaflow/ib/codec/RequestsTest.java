package dev.thetaflow.ib.codec;

import static dev.thetaflow.ib.codec.RecordedFrames.hex;
import static dev.thetaflow.ib.codec.TestContracts.SPY_CALL;
import static dev.thetaflow.ib.codec.TestContracts.SPY_IRON_CONDOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every encoder against the bytes IB's official Python client (ibapi 10.41.1) sent at version 178,
 * as recorded in tws-frames.md. stoqey's bytes differ only in default formatting (450 vs 450.0, an
 * empty conId, cancelMktData version 1), which TWS accepts; we follow the official client.
 */
class RequestsTest {
  private final FieldWriter w = new FieldWriter(16); // small, so the tests also exercise growth

  @Test
  void handshakeForVersion178MatchesTheBrief() {
    assertThat(Handshake.encode()).isEqualTo(hex("4150490000000009763130302e2e313738"));
  }

  @Test
  void handshakeMatchesBothRecordedClients() {
    assertThat(Handshake.encode(100, 217, "")).isEqualTo(hex("4150490000000009763130302e2e323137"));
    assertThat(Handshake.encode(100, 193, null))
        .isEqualTo(hex("4150490000000009763130302e2e313933"));
  }

  @Test
  void handshakeWithConnectOptionsAndASingleVersion() {
    byte[] bytes = Handshake.encode(178, 178, "+PACEAPI");
    // "API\0", length 13, "v178 +PACEAPI", no trailing NUL
    assertThat(bytes).isEqualTo(hex("415049000000000d" + "76313738202b50414345415049"));
  }

  @Test
  void startApi() {
    assertFrame(Requests.startApi(w, 7, ""), "000000083731003200370000");
  }

  @Test
  void reqMarketDataType() {
    assertFrame(Requests.reqMarketDataType(w, 1), "0000000735390031003100");
    assertThatThrownBy(() -> Requests.reqMarketDataType(w, 5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reqMktDataForOneOptionWithGenericTicks() {
    assertFrame(
        Requests.reqMktData(w, 5001, SPY_CALL, "100,101,106", false, false),
        "0000004c310031310035303031003000535059004f5054003230323631323138003435302e30004300313030"
            + "00534d415254000055534400005350590030003130302c3130312c313036003000300000");
  }

  @Test
  void reqMktDataForAFourLegCombo() {
    assertFrame(
        Requests.reqMktData(w, 5002, SPY_IRON_CONDOR, "", false, false),
        "00000089310031310035303032003000535059004241470000000000534d4152540000555344000000340037"
            + "303030303030303100310042555900534d4152540037303030303030303200310053454c4c00534d41"
            + "52540037303030303030303300310053454c4c00534d4152540037303030303030303400310042555900"
            + "534d415254003000003000300000");
  }

  @Test
  void reqMktDataSnapshot() {
    assertFrame(
        Requests.reqMktData(w, 5003, SPY_CALL, "", true, false),
        "00000041310031310035303033003000535059004f5054003230323631323138003435302e3000430031303000"
            + "534d41525400005553440000535059003000003100300000");
  }

  @Test
  void cancelMktData() {
    assertFrame(Requests.cancelMktData(w, 5001), "00000009320032003530303100");
  }

  @Test
  void reqIds() {
    assertFrame(Requests.reqIds(w, 1), "00000006380031003100");
  }

  @Test
  void reqCurrentTime() {
    assertFrame(Requests.reqCurrentTime(w), "000000053439003100");
  }

  @Test
  void orderAndPositionRequests() {
    assertFrame(Requests.cancelOrder(w, 1001, ""), "0000000a34003100313030310000");
    assertFrame(Requests.reqOpenOrders(w), "0000000435003100");
    assertFrame(Requests.reqAllOpenOrders(w), "000000053136003100");
    assertFrame(Requests.reqPositions(w), "000000053631003100");
    assertFrame(Requests.cancelPositions(w), "000000053634003100");
  }

  @Test
  void accountRequests() {
    assertFrame(
        Requests.reqAccountUpdates(w, true, "DU1234567"),
        "0000001036003200310044553132333435363700");
    assertFrame(
        Requests.reqAccountSummary(w, 9001, "All", "NetLiquidation,BuyingPower"),
        "0000002936320031003930303100416c6c004e65744c69717569646174696f6e2c427579696e67506f"
            + "77657200");
  }

  @Test
  void reqExecutionsWithAnEmptyFilter() {
    assertFrame(
        Requests.reqExecutions(w, 9002, 0, "", "", "", "", "", ""),
        "000000113700330039303032003000000000000000");
  }

  @Test
  void reqContractDetailsForOneOption() {
    assertFrame(
        Requests.reqContractDetails(w, 9003, SPY_CALL, false, "", "", ""),
        "0000003d3900380039303033003000535059004f5054003230323631323138003435302e30004300313030"
            + "00534d41525400005553440000535059003000000000");
  }

  @Test
  void reqSecDefOptParamsForAnEquityUnderlying() {
    assertFrame(
        Requests.reqSecDefOptParams(w, 9004, "SPY", "", "STK", 756733),
        "000000183738003930303400535059000053544b0037353637333300");
  }

  @Test
  void reqHistoricalDataDailyBarsOfAnOption() {
    assertFrame(
        Requests.reqHistoricalData(
            w,
            9005,
            SPY_CALL,
            false,
            "20260102 16:00:00 US/Eastern",
            "2 D",
            "1 day",
            true,
            "TRADES",
            1,
            false),
        "0000006e32300039303035003000535059004f5054003230323631323138003435302e30004300313030"
            + "00534d4152540000555344000053505900300032303236303130322031363a30303a30302055532f45"
            + "61737465726e00312064617900322044003100545241444553003100300000");
  }

  @Test
  void cancelHistoricalDataFollowsTheBriefsFieldList() {
    // Not in the recordings; the brief's table (§2.3) gives "1, reqId".
    Requests.cancelHistoricalData(w, 9005);
    assertThat(w.toByteArray()).isEqualTo(TestFrames.frame("25", "1", "9005"));
  }

  @Test
  void writerIsReusedFrameAfterFrame() {
    Requests.reqMktData(w, 5002, SPY_IRON_CONDOR, "", false, false);
    assertFrame(Requests.reqIds(w, 1), "00000006380031003100");
  }

  @Test
  void contractRefusesLegsOutsideABagAndMarketDataRefusesABagWithoutLegs() {
    TwsComboLeg leg = new TwsComboLeg(1, 1, "BUY", "SMART");
    assertThatThrownBy(
            () ->
                new TwsContract(
                    0, "SPY", "OPT", "", 450.0, "C", "", "", "", "", "", "", List.of(leg)))
        .isInstanceOf(IllegalArgumentException.class);
    TwsContract bagWithoutLegs =
        new TwsContract(0, "SPY", "BAG", "", 0, "", "", "", "", "", "", "", List.of());
    assertThatThrownBy(() -> Requests.reqMktData(w, 1, bagWithoutLegs, "", false, false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void assertFrame(int length, String expectedHex) {
    byte[] expected = hex(expectedHex);
    assertThat(length).isEqualTo(expected.length);
    assertThat(w.toByteArray()).isEqualTo(expected);
  }
}
