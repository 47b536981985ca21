package dev.thetaflow.ib.codec;

/**
 * Decodes one frame payload (as delivered by {@link FrameDecoder}) into an {@link IncomingMessage},
 * using the server-version-178 layouts of the protocol brief §3.2. Messages it does not decode yet
 * (market depth, news, PnL, tick-by-tick…) come back as {@link UnhandledMessage}; a frame that does
 * not match its layout, including one with fields left over, throws {@link
 * MalformedMessageException} and leaves the decoder ready for the next frame.
 *
 * <p>Reusable; holds one {@link FieldReader}. Not thread-safe.
 */
public final class MessageDecoder {
  private final FieldReader reader = new FieldReader();

  /** Decodes {@code buffer[offset, offset + length)}. */
  public IncomingMessage decode(byte[] buffer, int offset, int length) {
    FieldReader r = reader.wrap(buffer, offset, length);
    int messageId = r.readMessageId();
    IncomingMessageId id = IncomingMessageId.fromId(messageId);
    if (id == null) {
      return new UnhandledMessage(messageId);
    }
    IncomingMessage message =
        switch (id) {
          case TICK_PRICE -> MarketDataDecoders.tickPrice(r);
          case TICK_SIZE -> MarketDataDecoders.tickSize(r);
          case TICK_OPTION_COMPUTATION -> MarketDataDecoders.tickOptionComputation(r);
          case TICK_GENERIC -> MarketDataDecoders.tickGeneric(r);
          case TICK_STRING -> MarketDataDecoders.tickString(r);
          case MARKET_DATA_TYPE -> MarketDataDecoders.marketDataType(r);
          case TICK_REQ_PARAMS -> MarketDataDecoders.tickReqParams(r);
          case TICK_SNAPSHOT_END -> new TickSnapshotEnd(skipVersion(r).readInt("reqId"));
          case NEXT_VALID_ID -> new NextValidId(skipVersion(r).readInt("orderId"));
          case MANAGED_ACCTS -> new ManagedAccounts(skipVersion(r).readString("accountsList"));
          case ERR_MSG -> errorMessage(r);
          case CURRENT_TIME -> new CurrentTime(skipVersion(r).readLong("time"));
          case ORDER_STATUS -> OrderDecoders.orderStatus(r);
          case OPEN_ORDER -> OpenOrderDecoder.decode(r);
          case COMPLETED_ORDER -> CompletedOrderDecoder.decode(r);
          case COMPLETED_ORDERS_END -> new RequestEnd(id, TwsValues.UNSET_INT);
          case EXECUTION_DATA -> OrderDecoders.executionDetails(r);
          case COMMISSION_REPORT -> OrderDecoders.commissionReport(r);
          case POSITION -> AccountDecoders.position(r);
          case ACCOUNT_SUMMARY -> AccountDecoders.accountSummary(r);
          case SECURITY_DEFINITION_OPTION_PARAMETER -> ContractDecoders.secDefOptParameter(r);
          case OPEN_ORDER_END, POSITION_END -> endWithoutReqId(r, id);
          case CONTRACT_DATA_END, EXECUTION_DATA_END, ACCOUNT_SUMMARY_END ->
              new RequestEnd(id, skipVersion(r).readInt("reqId"));
          case SECURITY_DEFINITION_OPTION_PARAMETER_END -> new RequestEnd(id, r.readInt("reqId"));
          case CONTRACT_DATA -> ContractDecoders.contractDetails(r);
          case ACCT_VALUE -> AccountDecoders.accountValue(r);
          case PORTFOLIO_VALUE -> AccountDecoders.portfolioValue(r);
          case ACCT_UPDATE_TIME -> new AccountUpdateTime(skipVersion(r).readString("timeStamp"));
          case ACCT_DOWNLOAD_END -> new AccountDownloadEnd(skipVersion(r).readString("account"));
          case HISTORICAL_DATA -> ContractDecoders.historicalData(r);
          default -> null;
        };
    if (message == null) {
      return new UnhandledMessage(messageId);
    }
    r.expectEnd();
    return message;
  }

  private static RequestEnd endWithoutReqId(FieldReader r, IncomingMessageId id) {
    r.skip("version");
    return new RequestEnd(id, TwsValues.UNSET_INT);
  }

  private static FieldReader skipVersion(FieldReader r) {
    r.skip("version");
    return r;
  }

  private static ErrorMessage errorMessage(FieldReader r) {
    r.skip("version");
    int id = r.readInt("id");
    int errorCode = r.readInt("errorCode");
    String text = r.readEscapedString("errorMsg");
    String json = r.readString("advancedOrderRejectJson");
    return new ErrorMessage(id, errorCode, text, json);
  }
}
