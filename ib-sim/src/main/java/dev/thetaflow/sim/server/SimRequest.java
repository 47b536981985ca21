package dev.thetaflow.sim.server;

import dev.thetaflow.ib.codec.FieldReader;
import java.util.ArrayList;
import java.util.List;

/**
 * A client request as ib-sim reads it, decoded from the brief's client → server layouts at 178
 * (§2.3–2.6) on the session's reader thread and handled on the event loop.
 */
sealed interface SimRequest {

  /** The 12-field contract block; an empty strike is NaN. */
  record ContractSpec(
      int conId,
      String symbol,
      String secType,
      String expiry,
      double strike,
      String right,
      String multiplier,
      String exchange,
      String primaryExchange,
      String currency,
      String localSymbol,
      String tradingClass) {}

  /** One leg of a BAG. */
  record ComboLeg(int conId, int ratio, String action) {}

  record MarketData(
      int reqId, ContractSpec contract, List<ComboLeg> legs, String genericTicks, boolean snapshot)
      implements SimRequest {}

  record CancelMarketData(int reqId) implements SimRequest {}

  record PlaceOrder(
      int orderId,
      ContractSpec contract,
      List<ComboLeg> legs,
      String action,
      double quantity,
      String orderType,
      double limitPrice,
      double auxPrice,
      String tif,
      String orderRef,
      double trailStopPrice,
      double trailingPercent)
      implements SimRequest {}

  record CancelOrder(int orderId) implements SimRequest {}

  /**
   * reqOpenOrders (5) and reqAutoOpenOrders (15): the asking client's orders (the master client's:
   * everyone's); reqAllOpenOrders (16): every client's, as IB answers it.
   */
  record OpenOrders(boolean allClients) implements SimRequest {}

  record CompletedOrders() implements SimRequest {}

  record AccountUpdates(boolean subscribe, String account) implements SimRequest {}

  record Executions(int reqId) implements SimRequest {}

  record Ids() implements SimRequest {}

  record ContractDetails(int reqId, ContractSpec contract) implements SimRequest {}

  record CurrentTime() implements SimRequest {}

  record MarketDataType(int type) implements SimRequest {}

  record Positions(boolean subscribe) implements SimRequest {}

  record AccountSummary(int reqId, String tags) implements SimRequest {}

  record CancelAccountSummary(int reqId) implements SimRequest {}

  record SecDefOptParams(int reqId, String symbol, int underlyingConId) implements SimRequest {}

  /** A request ib-sim does not serve; answered with an error, never a crash. */
  record Unsupported(int messageId) implements SimRequest {}

  /** Decodes one frame payload; throws MalformedMessageException on a bad field. */
  static SimRequest parse(byte[] payload) {
    FieldReader r = new FieldReader().wrap(payload, 0, payload.length);
    int id = r.readMessageId();
    return switch (id) {
      case 1 -> marketData(r);
      case 2 -> {
        r.skip("version");
        yield new CancelMarketData(r.readInt("reqId"));
      }
      case 3 -> placeOrder(r);
      case 4 -> {
        r.skip("version");
        yield new CancelOrder(r.readInt("orderId"));
      }
      case 5, 15 -> new OpenOrders(false);
      case 16 -> new OpenOrders(true);
      case 99 -> new CompletedOrders();
      case 6 -> {
        r.skip("version");
        yield new AccountUpdates(r.readBoolean("subscribe"), r.readString("acctCode"));
      }
      case 7 -> {
        r.skip("version");
        yield new Executions(r.readInt("reqId"));
      }
      case 8 -> new Ids();
      case 9 -> {
        r.skip("version");
        int reqId = r.readInt("reqId");
        yield new ContractDetails(reqId, contract(r));
      }
      case 49 -> new CurrentTime();
      case 59 -> {
        r.skip("version");
        yield new MarketDataType(r.readInt("marketDataType"));
      }
      case 61 -> new Positions(true);
      case 64 -> new Positions(false);
      case 62 -> {
        r.skip("version");
        int reqId = r.readInt("reqId");
        r.skip("group");
        yield new AccountSummary(reqId, r.readString("tags"));
      }
      case 63 -> {
        r.skip("version");
        yield new CancelAccountSummary(r.readInt("reqId"));
      }
      case 78 -> {
        int reqId = r.readInt("reqId");
        String symbol = r.readString("underlyingSymbol");
        r.skip("futFopExchange");
        r.skip("underlyingSecType");
        yield new SecDefOptParams(reqId, symbol, r.readInt("underlyingConId"));
      }
      default -> new Unsupported(id);
    };
  }

  private static MarketData marketData(FieldReader r) {
    r.skip("version");
    int reqId = r.readInt("reqId");
    ContractSpec contract = contract(r);
    List<ComboLeg> legs = new ArrayList<>();
    if ("BAG".equals(contract.secType())) {
      int count = r.readCount("comboLegsCount");
      for (int i = 0; i < count; i++) {
        int conId = optionalInt(r, "leg.conId");
        int ratio = r.readInt("leg.ratio");
        String action = r.readString("leg.action");
        r.skip("leg.exchange");
        legs.add(new ComboLeg(conId, ratio, action));
      }
    }
    if (r.readBoolean("deltaNeutralContractPresent")) {
      r.skip("dn.conId");
      r.skip("dn.delta");
      r.skip("dn.price");
    }
    String generic = r.readString("genericTickList");
    boolean snapshot = r.readBoolean("snapshot");
    return new MarketData(reqId, contract, legs, generic, snapshot);
  }

  /** placeOrder at 178 (brief §2.6): reads what the broker needs, up to trailingPercent. */
  private static PlaceOrder placeOrder(FieldReader r) {
    int orderId = r.readInt("orderId");
    ContractSpec contract = contract(r);
    r.skip("secIdType");
    r.skip("secId");
    String action = r.readString("action");
    double quantity = Double.parseDouble(r.readString("totalQuantity"));
    String orderType = r.readString("orderType");
    double limit = optionalDouble(r, "lmtPrice");
    double aux = optionalDouble(r, "auxPrice");
    String tif = r.readString("tif");
    r.skip("ocaGroup");
    r.skip("account");
    r.skip("openClose");
    r.skip("origin");
    String orderRef = r.readString("orderRef");
    for (String f :
        new String[] {
          "transmit",
          "parentId",
          "blockOrder",
          "sweepToFill",
          "displaySize",
          "triggerMethod",
          "outsideRth",
          "hidden"
        }) {
      r.skip(f);
    }
    List<ComboLeg> legs = new ArrayList<>();
    if ("BAG".equals(contract.secType())) {
      int count = r.readCount("comboLegsCount");
      for (int i = 0; i < count; i++) {
        int conId = optionalInt(r, "leg.conId");
        int ratio = r.readInt("leg.ratio");
        String legAction = r.readString("leg.action");
        for (int k = 0; k < 5; k++) {
          r.skip("leg.exchange/openClose/shortSaleSlot/designatedLocation/exemptCode");
        }
        legs.add(new ComboLeg(conId, ratio, legAction));
      }
      int prices = r.readCount("orderComboLegsCount");
      for (int i = 0; i < prices; i++) {
        r.skip("orderComboLeg.price");
      }
      int params = r.readCount("smartComboRoutingParamsCount");
      for (int i = 0; i < params * 2; i++) {
        r.skip("smartComboRoutingParam");
      }
    }
    // sharesAllocation (35) .. volatilityType (63): 29 fields the broker does not use
    for (int i = 0; i < 29; i++) {
      r.skip("order field " + (35 + i));
    }
    if (!r.readString("deltaNeutralOrderType").isEmpty()) {
      for (int i = 0; i < 8; i++) {
        r.skip("deltaNeutral extra");
      }
    }
    r.skip("deltaNeutralAuxPrice");
    r.skip("continuousUpdate");
    r.skip("referencePriceType");
    double trailStop = optionalDouble(r, "trailStopPrice");
    double trailingPercent = optionalDouble(r, "trailingPercent");
    return new PlaceOrder(
        orderId,
        contract,
        legs,
        action,
        quantity,
        orderType,
        limit,
        aux,
        tif,
        orderRef,
        trailStop,
        trailingPercent);
  }

  private static ContractSpec contract(FieldReader r) {
    return new ContractSpec(
        optionalInt(r, "conId"),
        r.readString("symbol"),
        r.readString("secType"),
        r.readString("lastTradeDateOrContractMonth"),
        optionalDouble(r, "strike"),
        r.readString("right"),
        r.readString("multiplier"),
        r.readString("exchange"),
        r.readString("primaryExchange"),
        r.readString("currency"),
        r.readString("localSymbol"),
        r.readString("tradingClass"));
  }

  /**
   * An int that a client may leave empty for its default 0 (the brief's §1.5: @stoqey/ib writes an
   * unknown conId as an empty field where IB's own client writes 0).
   */
  private static int optionalInt(FieldReader r, String field) {
    String text = r.readString(field);
    if (text.isEmpty()) {
      return 0;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + " is not an integer: '" + text + "'");
    }
  }

  /** An empty field, or IB's unset 1.797…E308, is NaN. */
  private static double optionalDouble(FieldReader r, String field) {
    String text = r.readString(field);
    if (text.isEmpty()) {
      return Double.NaN;
    }
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + " is not a number: '" + text + "'");
    }
    return value == Double.MAX_VALUE ? Double.NaN : value;
  }
}
