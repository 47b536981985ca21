package dev.thetaflow.ib.codec;

import static dev.thetaflow.ib.codec.TestFrames.frame;
import static dev.thetaflow.ib.codec.TestFrames.payload;
import static dev.thetaflow.ib.codec.TwsValues.UNSET_DOUBLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decoders against the recorded server frames of tws-frames.md, field by field. */
class MessageDecoderTest {
  /** Message ids MessageDecoder decodes; every other recorded frame must come back unhandled. */
  private static final java.util.Set<Integer> DECODED_IDS =
      java.util.Set.of(
          1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 17, 54, 15, 21, 45, 46, 49, 52, 53, 55, 57, 58, 59, 61,
          62, 63, 64, 75, 76, 81);

  private final MessageDecoder decoder = new MessageDecoder();

  private IncomingMessage decodeRecorded(String name) {
    byte[] payload = RecordedFrames.server(name).payload();
    return decoder.decode(payload, 0, payload.length);
  }

  private IncomingMessage decode(byte[] payload) {
    return decoder.decode(payload, 0, payload.length);
  }

  @Test
  void handshakeReply() {
    byte[] payload = RecordedFrames.server("handshake-reply").payload();
    assertThat(Handshake.isAnswer(payload, 0, payload.length)).isTrue();
    HandshakeAnswer answer = Handshake.decodeAnswer(payload, 0, payload.length);
    assertThat(answer.serverVersion()).isEqualTo(178);
    assertThat(answer.connectionTime()).isEqualTo("20260102 09:29:59 US/Eastern");
    assertThat(answer.isSupported()).isTrue();
  }

  @Test
  void handshakeReplyWithANonUtf8ZoneNameIsReadLeniently() {
    // rust-ibapi #352: a gateway sent its zone in GB2312 ("中国标准时间").
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(payload("173"));
    out.writeBytes("20251205 23:13:45 ".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    out.writeBytes(new byte[] {(byte) 0xD6, (byte) 0xD0, (byte) 0xB9, (byte) 0xFA, 0});
    byte[] payload = out.toByteArray();
    assertThat(Handshake.isAnswer(payload, 0, payload.length)).isTrue();
    HandshakeAnswer answer = Handshake.decodeAnswer(payload, 0, payload.length);
    assertThat(answer.serverVersion()).isEqualTo(173);
    assertThat(answer.isSupported()).isFalse();
    assertThat(answer.connectionTime()).startsWith("20251205 23:13:45 ").hasSize(22);
  }

  @Test
  void onlyATwoFieldFrameIsAHandshakeAnswer() {
    byte[] news = RecordedFrames.server("nextValidId").payload();
    assertThat(Handshake.isAnswer(news, 0, news.length)).isFalse();
  }

  @Test
  void nextValidId() {
    assertThat(decodeRecorded("nextValidId")).isEqualTo(new NextValidId(1000));
    assertThat(decodeRecorded("nextValidId (reqIds)")).isEqualTo(new NextValidId(1010));
  }

  @Test
  void managedAccounts() {
    ManagedAccounts accounts = (ManagedAccounts) decodeRecorded("managedAccounts");
    assertThat(accounts.accountsList()).isEqualTo("DU1234567");
    assertThat(accounts.accounts()).containsExactly("DU1234567");
    assertThat(new ManagedAccounts("DU1,DU2,").accounts()).containsExactly("DU1", "DU2");
  }

  @Test
  void errMsgFarmNotice() {
    assertThat(decodeRecorded("errMsg 2104"))
        .isEqualTo(new ErrorMessage(-1, 2104, "Market data farm connection is OK:usopt", ""));
    assertThat(decodeRecorded("errMsg 10167 (reqId 5001)"))
        .isEqualTo(
            new ErrorMessage(
                5001,
                10167,
                "Requested market data is not subscribed. Displaying delayed market data.",
                ""));
  }

  @Test
  void errMsgWithAdvancedOrderRejectJson() {
    assertThat(decodeRecorded("errMsg 201 with advancedOrderRejectJson"))
        .isEqualTo(
            new ErrorMessage(
                1002,
                201,
                "Order rejected - reason:YOUR ORDER IS NOT ACCEPTED. IN ORDER TO OBTAIN THE DESIRED"
                    + " POSITION YOUR EQUITY WITH LOAN VALUE [0.00 USD] MUST EXCEED THE INITIAL"
                    + " MARGIN [500.00 USD]",
                "{\"Reject Reason\":\"MARGIN\",\"Override Allowed\":\"false\"}"));
  }

  @Test
  void errMsgTextHasItsUnicodeEscapesUndone() {
    ErrorMessage error =
        (ErrorMessage) decode(payload("4", "2", "-1", "2104", "farm OK:caf\\u00e9", ""));
    assertThat(error.errorMsg()).isEqualTo("farm OK:café");
  }

  @Test
  void tickPriceBidAndAsk() {
    TickPrice bid = (TickPrice) decodeRecorded("tickPrice bid");
    assertThat(bid).isEqualTo(new TickPrice(5001, 1, 5.05, 12, 1));
    assertThat(bid.canAutoExecute()).isTrue();
    assertThat(bid.pastLimit()).isFalse();
    assertThat(bid.preOpen()).isFalse();
    assertThat(decodeRecorded("tickPrice ask")).isEqualTo(new TickPrice(5001, 2, 5.15, 9, 1));
  }

  @Test
  void tickSizeVolume() {
    assertThat(decodeRecorded("tickSize volume")).isEqualTo(new TickSize(5001, 8, 345));
  }

  @Test
  void tickSizeUnsetForms() {
    for (String unset : new String[] {"", "2147483647", "9223372036854775807"}) {
      assertThat(decode(payload("2", "6", "5001", "0", unset)))
          .isEqualTo(new TickSize(5001, 0, UNSET_DOUBLE));
    }
    assertThat(decode(payload("2", "6", "5001", "0", "0.5"))).isEqualTo(new TickSize(5001, 0, 0.5));
  }

  @Test
  void tickOptionComputationModel() {
    assertThat(decodeRecorded("tickOptionComputation model(13)"))
        .isEqualTo(
            new TickOptionComputation(
                5001, 13, 1, 0.2512, 0.4123, 5.1032, 0.0, 0.0312, 0.1534, -0.0456, 450.12));
  }

  @Test
  void tickOptionComputationDelayedModel() {
    assertThat(decodeRecorded("tickOptionComputation delayedModel(83)"))
        .isEqualTo(
            new TickOptionComputation(
                5001, 83, 1, 0.25, 0.41, 5.09, 0.0, 0.031, 0.153, -0.045, 450.0));
  }

  @Test
  void tickOptionComputationNotComputedSentinelsBecomeUnset() {
    assertThat(decodeRecorded("tickOptionComputation bid(10) not-computed sentinels"))
        .isEqualTo(allUnset(10, 0));
  }

  @Test
  void tickOptionComputationEmptyAndMaxValueFieldsAreUnsetToo() {
    String max = "1.7976931348623157E308";
    assertThat(decode(payload("21", "5001", "11", "0", "", max, "", max, "", max, "", max)))
        .isEqualTo(allUnset(11, 0));
  }

  @Test
  void tickOptionComputationKeepsValuesThatOnlyResembleSentinels() {
    // Any negative vol is "not computed"; other sentinels match exactly, so -2.5 theta stays.
    TickOptionComputation tick =
        (TickOptionComputation)
            decode(
                payload("21", "1", "13", "1", "-0.5", "-1", "-2", "-1", "2", "-2.5", "-2.5", "-2"));
    assertThat(tick.impliedVol()).isEqualTo(UNSET_DOUBLE);
    assertThat(tick.delta()).isEqualTo(-1.0);
    assertThat(tick.optPrice()).isEqualTo(-2.0);
    assertThat(tick.pvDividend()).isEqualTo(UNSET_DOUBLE);
    assertThat(tick.gamma()).isEqualTo(2.0);
    assertThat(tick.vega()).isEqualTo(-2.5);
    assertThat(tick.theta()).isEqualTo(-2.5);
    assertThat(tick.undPrice()).isEqualTo(-2.0);
  }

  @Test
  void tickGenericImpliedVol() {
    assertThat(decodeRecorded("tickGeneric optionImpliedVol(24)"))
        .isEqualTo(new TickGeneric(5001, 24, 0.2234));
  }

  @Test
  void tickStringLastTimestamp() {
    assertThat(decodeRecorded("tickString lastTimestamp(45)"))
        .isEqualTo(new TickString(5001, 45, "1767364200"));
  }

  @Test
  void marketDataTypeAndTickReqParams() {
    assertThat(decodeRecorded("marketDataType")).isEqualTo(new MarketDataType(5001, 1));
    assertThat(decodeRecorded("tickReqParams")).isEqualTo(new TickReqParams(5001, 0.01, "a6", 3));
  }

  @Test
  void orderStatus() {
    assertThat(decodeRecorded("orderStatus"))
        .isEqualTo(
            new OrderStatus(1000, "PreSubmitted", 0, 1, 0.0, 1234567001L, 0, 0.0, 7, "", 0.0));
    assertThat(decodeRecorded("orderStatus Cancelled"))
        .isEqualTo(new OrderStatus(1001, "Cancelled", 0, 1, 0.0, 1234568001L, 0, 0.0, 7, "", 0.0));
  }

  @Test
  void execDetailsAndItsCommissionReport() {
    TwsContract call =
        new TwsContract(
            700000003,
            "SPY",
            "OPT",
            "20261218",
            450.0,
            "C",
            "100",
            "CBOE",
            "",
            "USD",
            "SPY   261218C00450000",
            "SPY",
            List.of());
    assertThat(decodeRecorded("execDetails"))
        .isEqualTo(
            new ExecutionDetails(
                9002,
                1001,
                call,
                "0000e0d5.67890abc.01.01",
                "20260102 10:15:30 US/Eastern",
                "DU1234567",
                "CBOE",
                "BOT",
                1,
                5.10,
                1234567890L,
                7,
                0,
                1,
                5.10,
                "single-lmt",
                "",
                UNSET_DOUBLE,
                "",
                2,
                false));
    assertThat(decodeRecorded("commissionReport"))
        .isEqualTo(
            new CommissionReport(
                "0000e0d5.67890abc.01.01",
                0.65,
                "USD",
                UNSET_DOUBLE,
                UNSET_DOUBLE,
                TwsValues.UNSET_INT));
  }

  @Test
  void position() {
    TwsContract call =
        new TwsContract(
            700000003,
            "SPY",
            "OPT",
            "20261218",
            450.0,
            "C",
            "100",
            "",
            "",
            "USD",
            "SPY   261218C00450000",
            "SPY",
            List.of());
    assertThat(decodeRecorded("position")).isEqualTo(new Position("DU1234567", call, 2, 510.5));
  }

  @Test
  void contractDetailsForOneOption() {
    TwsContract call =
        new TwsContract(
            700000003,
            "SPY",
            "OPT",
            "20261218",
            450.0,
            "C",
            "100",
            "SMART",
            "",
            "USD",
            "SPY   261218C00450000",
            "SPY",
            List.of());
    assertThat(decodeRecorded("contractDetails"))
        .isEqualTo(
            new ContractDetails(
                9003,
                call,
                "SPY",
                0.01,
                "ACTIVETIM,AD,ALERT,ALLOC,LMT,MKT,STP,TRAIL",
                "SMART,AMEX,CBOE,PHLX",
                1,
                756733,
                "SPDR S&P 500 ETF TRUST",
                "202612",
                "",
                "",
                "",
                "US/Eastern",
                "20261218:0930-20261218:1615",
                "20261218:0930-20261218:1615",
                "",
                UNSET_DOUBLE,
                List.of(),
                2,
                "SPY",
                "STK",
                "32,32,32,32",
                "20261218",
                "",
                1,
                1,
                1));
  }

  @Test
  void contractDetailsWithSecurityIds() {
    String[] head = {
      "10",
      "1",
      "SPY",
      "STK",
      "",
      "0",
      "",
      "SMART",
      "USD",
      "SPY",
      "SPY",
      "SPY",
      "756733",
      "0.01",
      "",
      "LMT",
      "SMART",
      "1",
      "0",
      "SPDR",
      "ARCA",
      "",
      "",
      "",
      "",
      "US/Eastern",
      "",
      "",
      "",
      ""
    };
    String[] tail = {"2", "ISIN", "US78462F1030", "CUSIP", "78462F103"};
    String[] rest = {"1", "", "", "26", "", "ETF", "1", "1", "100"};
    String[] all = new String[head.length + tail.length + rest.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    System.arraycopy(rest, 0, all, head.length + tail.length, rest.length);
    ContractDetails details = (ContractDetails) decode(payload(all));
    assertThat(details.secIdList())
        .containsExactly(new TagValue("ISIN", "US78462F1030"), new TagValue("CUSIP", "78462F103"));
    assertThat(details.contract().primaryExchange()).isEqualTo("ARCA");
    assertThat(details.contract().strike()).isZero();
    assertThat(details.stockType()).isEqualTo("ETF");
    assertThat(details.suggestedSizeIncrement()).isEqualTo(100.0);
  }

  @Test
  void accountUpdates() {
    assertThat(decodeRecorded("accountValue"))
        .isEqualTo(new AccountValue("NetLiquidation", "100000.00", "USD", "DU1234567"));
    TwsContract call =
        new TwsContract(
            700000003,
            "SPY",
            "OPT",
            "20261218",
            450.0,
            "C",
            "100",
            "",
            "",
            "USD",
            "SPY   261218C00450000",
            "SPY",
            List.of());
    assertThat(decodeRecorded("portfolioValue"))
        .isEqualTo(new PortfolioValue(call, 2, 5.25, 1050.0, 510.5, 29.0, 0.0, "DU1234567"));
    assertThat(decodeRecorded("acctUpdateTime")).isEqualTo(new AccountUpdateTime("12:34"));
    assertThat(decodeRecorded("accountDownloadEnd")).isEqualTo(new AccountDownloadEnd("DU1234567"));
  }

  @Test
  void historicalDataBars() {
    assertThat(decodeRecorded("historicalData"))
        .isEqualTo(
            new HistoricalData(
                9005,
                "20260101 09:30:00",
                "20260102 16:00:00",
                List.of(
                    new HistoricalData.Bar("20260101", 5.00, 5.40, 4.90, 5.25, 120, 5.11, 33),
                    new HistoricalData.Bar("20260102", 5.25, 5.60, 5.05, 5.10, 80, 5.30, 21))));
  }

  @Test
  void accountSummary() {
    assertThat(decodeRecorded("accountSummary"))
        .isEqualTo(new AccountSummary(9001, "DU1234567", "NetLiquidation", "100000.00", "USD"));
  }

  @Test
  void secDefOptParameter() {
    assertThat(decodeRecorded("secDefOptParam"))
        .isEqualTo(
            new SecDefOptParameter(
                9004,
                "SMART",
                756733,
                "SPY",
                "100",
                List.of("20261218", "20270115", "20270319"),
                List.of(440.0, 445.0, 450.0, 455.0)));
  }

  @Test
  void anImpossibleRepeatCountFailsBeforeAllocating() {
    assertThatThrownBy(
            () -> decode(payload("75", "1", "SMART", "1", "SPY", "100", "2000000000", "x")))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("'expirationsCount'");
  }

  @Test
  void endMarkers() {
    assertThat(decodeRecorded("openOrderEnd"))
        .isEqualTo(new RequestEnd(IncomingMessageId.OPEN_ORDER_END, TwsValues.UNSET_INT));
    assertThat(decodeRecorded("positionEnd"))
        .isEqualTo(new RequestEnd(IncomingMessageId.POSITION_END, TwsValues.UNSET_INT));
    assertThat(decodeRecorded("execDetailsEnd"))
        .isEqualTo(new RequestEnd(IncomingMessageId.EXECUTION_DATA_END, 9002));
    assertThat(decodeRecorded("contractDetailsEnd"))
        .isEqualTo(new RequestEnd(IncomingMessageId.CONTRACT_DATA_END, 9003));
    assertThat(decodeRecorded("accountSummaryEnd"))
        .isEqualTo(new RequestEnd(IncomingMessageId.ACCOUNT_SUMMARY_END, 9001));
    assertThat(decodeRecorded("secDefOptParamEnd"))
        .isEqualTo(
            new RequestEnd(IncomingMessageId.SECURITY_DEFINITION_OPTION_PARAMETER_END, 9004));
  }

  /** The recorded BAG openOrder (171 fields, consumed exactly by ibapi and @stoqey/ib). */
  @Test
  void openOrderOfAFourLegCombo() {
    OpenOrder o = (OpenOrder) decodeRecorded("openOrder BAG");
    assertThat(o.orderId()).isEqualTo(1000);
    assertThat(o.contract().conId()).isEqualTo(28812380);
    assertThat(o.contract().secType()).isEqualTo("BAG");
    assertThat(o.contract().tradingClass()).isEqualTo("COMB");
    assertThat(o.contract().comboLegs())
        .containsExactly(
            new TwsComboLeg(700000001, 1, "BUY", "SMART"),
            new TwsComboLeg(700000002, 1, "SELL", "SMART"),
            new TwsComboLeg(700000003, 1, "SELL", "SMART"),
            new TwsComboLeg(700000004, 1, "BUY", "SMART"));
    assertThat(o.action()).isEqualTo("BUY");
    assertThat(o.totalQuantity()).isEqualTo(1);
    assertThat(o.orderType()).isEqualTo("LMT");
    assertThat(o.lmtPrice()).isEqualTo(-1.25);
    assertThat(o.auxPrice()).isEqualTo(0.0);
    assertThat(o.tif()).isEqualTo("DAY");
    assertThat(o.account()).isEqualTo("DU1234567");
    assertThat(o.orderRef()).isEqualTo("ic-test-001");
    assertThat(o.clientId()).isEqualTo(7);
    assertThat(o.permId()).isEqualTo(1234567001L);
    assertThat(o.outsideRth()).isFalse();
    assertThat(o.parentId()).isZero();
    assertThat(o.trailStopPrice()).isEqualTo(TwsValues.UNSET_DOUBLE);
    assertThat(o.whatIf()).isFalse();
    assertThat(o.state().status()).isEqualTo("PreSubmitted");
    assertThat(o.state().commission()).isEqualTo(TwsValues.UNSET_DOUBLE);
    assertThat(o.state().warningText()).isEmpty();
  }

  @Test
  void openOrderWithConditionsIsReportedNotMisread() {
    byte[] recorded = RecordedFrames.server("openOrder BAG").payload();
    List<String> fields = new ArrayList<>(FrameFields.of(frame(recorded)));
    fields.set(146, "1"); // conditionsCount
    assertThatThrownBy(() -> decode(payload(fields.toArray(String[]::new))))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("conditionsCount");
  }

  @Test
  void tickSnapshotEnd() {
    assertThat(decodeRecorded("tickSnapshotEnd")).isEqualTo(new TickSnapshotEnd(5003));
  }

  @Test
  void currentTime() {
    assertThat(decodeRecorded("currentTime")).isEqualTo(new CurrentTime(1767364200L));
  }

  @Test
  void everyRecordedFrameDecodesOrIsReportedAsUnhandled() {
    List<RecordedFrames.Frame> frames = RecordedFrames.server();
    for (RecordedFrames.Frame f : frames.subList(1, frames.size())) { // skip the handshake reply
      byte[] payload = f.payload();
      IncomingMessage message = decoder.decode(payload, 0, payload.length);
      int id = Integer.parseInt(firstField(payload));
      if (DECODED_IDS.contains(id)) {
        assertThat(message).as(f.name()).isNotInstanceOf(UnhandledMessage.class);
      } else {
        assertThat(message).as(f.name()).isEqualTo(new UnhandledMessage(id));
      }
    }
  }

  @Test
  void malformedFrameInTheMiddleOfAStreamDoesNotDisturbTheNextFrame() {
    byte[] good1 = RecordedFrames.server("tickPrice bid").bytes();
    byte[] badPrice = frame("1", "6", "5001", "2", "5.o5", "9", "1");
    byte[] missingField = frame("1", "6", "5001", "2", "5.15", "9");
    byte[] unterminated = frame(new byte[] {'4', '9', 0, '1', 0, '1', '7'});
    byte[] good2 = RecordedFrames.server("tickPrice ask").bytes();
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    for (byte[] f : new byte[][] {good1, badPrice, missingField, unterminated, good2}) {
      stream.writeBytes(f);
    }
    byte[] bytes = stream.toByteArray();

    List<Object> results = new ArrayList<>();
    FrameDecoder frames = new FrameDecoder();
    FrameHandler handler =
        (buffer, offset, length) -> {
          try {
            results.add(decoder.decode(buffer, offset, length));
          } catch (MalformedMessageException e) {
            results.add(e);
          }
        };
    for (int i = 0; i < bytes.length; i += 7) {
      frames.feed(bytes, i, Math.min(7, bytes.length - i), handler);
    }

    assertThat(results).hasSize(5);
    assertThat(results.get(0)).isEqualTo(new TickPrice(5001, 1, 5.05, 12, 1));
    assertError(results.get(1), 1, "price", 4);
    assertThat(((Exception) results.get(1)).getMessage())
        .contains("message 1 (TICK_PRICE)", "'price'", "'5.o5'");
    assertError(results.get(2), 1, "attrMask", 6);
    assertThat(((Exception) results.get(2)).getMessage()).contains("missing");
    assertError(results.get(3), 49, "time", 2);
    assertThat(((Exception) results.get(3)).getMessage()).contains("NUL");
    assertThat(results.get(4)).isEqualTo(new TickPrice(5001, 2, 5.15, 9, 1));
  }

  @Test
  void aFieldMoreThanTheLayoutIsAnError() {
    assertThatThrownBy(() -> decode(payload("57", "1", "5003", "extra")))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("TICK_SNAPSHOT_END")
        .hasMessageContaining("more fields");
  }

  @Test
  void unknownIdsAreUnhandled() {
    assertThat(decode(payload("999", "x"))).isEqualTo(new UnhandledMessage(999));
    assertThat(decode(payload("12", "1"))).isEqualTo(new UnhandledMessage(12));
  }

  @Test
  void anUnreadableMessageIdIsReported() {
    assertThatThrownBy(() -> decode(payload("x1", "1")))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("message id not read")
        .hasMessageContaining("'msgId'");
    assertThatThrownBy(() -> decoder.decode(new byte[0], 0, 0))
        .isInstanceOf(MalformedMessageException.class);
  }

  private static void assertError(Object result, int messageId, String field, int index) {
    assertThat(result).isInstanceOf(MalformedMessageException.class);
    MalformedMessageException e = (MalformedMessageException) result;
    assertThat(e.messageId()).isEqualTo(messageId);
    assertThat(e.fieldName()).isEqualTo(field);
    assertThat(e.fieldIndex()).isEqualTo(index);
  }

  private static TickOptionComputation allUnset(int tickType, int attrib) {
    double u = UNSET_DOUBLE;
    return new TickOptionComputation(5001, tickType, attrib, u, u, u, u, u, u, u, u);
  }

  private static String firstField(byte[] payload) {
    int nul = 0;
    while (payload[nul] != 0) {
      nul++;
    }
    return new String(payload, 0, nul, java.nio.charset.StandardCharsets.US_ASCII);
  }
}
