package dev.thetaflow.ib.codec;

/** Server → client message ids at server version 178 (protocol brief §3.1). */
public enum IncomingMessageId {
  TICK_PRICE(1),
  TICK_SIZE(2),
  ORDER_STATUS(3),
  ERR_MSG(4),
  OPEN_ORDER(5),
  ACCT_VALUE(6),
  PORTFOLIO_VALUE(7),
  ACCT_UPDATE_TIME(8),
  NEXT_VALID_ID(9),
  CONTRACT_DATA(10),
  EXECUTION_DATA(11),
  MARKET_DEPTH(12),
  MARKET_DEPTH_L2(13),
  NEWS_BULLETINS(14),
  MANAGED_ACCTS(15),
  HISTORICAL_DATA(17),
  BOND_CONTRACT_DATA(18),
  TICK_OPTION_COMPUTATION(21),
  TICK_GENERIC(45),
  TICK_STRING(46),
  TICK_EFP(47),
  CURRENT_TIME(49),
  REAL_TIME_BARS(50),
  CONTRACT_DATA_END(52),
  OPEN_ORDER_END(53),
  ACCT_DOWNLOAD_END(54),
  EXECUTION_DATA_END(55),
  DELTA_NEUTRAL_VALIDATION(56),
  TICK_SNAPSHOT_END(57),
  MARKET_DATA_TYPE(58),
  COMMISSION_REPORT(59),
  POSITION(61),
  POSITION_END(62),
  ACCOUNT_SUMMARY(63),
  ACCOUNT_SUMMARY_END(64),
  POSITION_MULTI(71),
  POSITION_MULTI_END(72),
  ACCOUNT_UPDATE_MULTI(73),
  ACCOUNT_UPDATE_MULTI_END(74),
  SECURITY_DEFINITION_OPTION_PARAMETER(75),
  SECURITY_DEFINITION_OPTION_PARAMETER_END(76),
  TICK_REQ_PARAMS(81),
  HISTORICAL_DATA_UPDATE(90),
  MARKET_RULE(93),
  PNL(94),
  PNL_SINGLE(95),
  TICK_BY_TICK(99),
  ORDER_BOUND(100),
  COMPLETED_ORDER(101),
  COMPLETED_ORDERS_END(102);

  private static final IncomingMessageId[] BY_ID = new IncomingMessageId[128];

  static {
    for (IncomingMessageId m : values()) {
      BY_ID[m.id] = m;
    }
  }

  private final int id;

  IncomingMessageId(int id) {
    this.id = id;
  }

  /** The id as it appears in the first field of the frame. */
  public int id() {
    return id;
  }

  /** The message with this id, or {@code null} when 178 defines none (no allocation). */
  public static IncomingMessageId fromId(int id) {
    return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
  }
}
