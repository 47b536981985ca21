package dev.thetaflow.sim.server;

import dev.thetaflow.sim.market.MarketView;
import dev.thetaflow.sim.market.SimInstrument;
import dev.thetaflow.sim.market.SimQuote;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated broker: one account, positions, orders matched against the market's quotes, and
 * executions with commissions. Runs on the sim's event loop only.
 *
 * <p>Matching: a marketable order fills at the touch (buy at the ask, sell at the bid; a limit
 * fills at the better of its limit and the touch), at most the quoted size per market step, so size
 * beyond the quote fills partially over several steps. STP and STP LMT trigger on the last price;
 * TRAIL follows the best last price by its amount or percent. A combo fills all legs together when
 * its net price (buy legs at the ask, sell legs at the bid) is at or better than its limit.
 *
 * <p>Margin (documented simplification of Reg T): a short option needs max(20% of the underlying
 * less the out-of-the-money amount, 10% of the underlying) × 100 per contract, whatever else is
 * held; long options need nothing. Buying power is four times the excess of net liquidation over
 * that margin.
 */
final class SimBroker {
  /** Where the broker's events go (the server fans them out to clients). */
  interface Output {
    void orderStatus(SimOrder order);

    void execution(SimExecution execution);

    void positionChanged(SimInstrument instrument, long quantity, double avgCost);

    void rejected(SimOrder order, int code, String text, String json);
  }

  static final double COMMISSION_PER_CONTRACT = 0.65;
  static final double MINIMUM_COMMISSION = 1.00;
  private static final DateTimeFormatter EXEC_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss").withZone(ZoneId.of("America/New_York"));

  private final String account;
  private final Output output;
  private final Map<Integer, Position> positions = new LinkedHashMap<>();
  private final Map<Long, SimOrder> orders = new LinkedHashMap<>();
  private final Map<Integer, Integer> highestOrderId = new HashMap<>();
  private final List<SimExecution> executions = new ArrayList<>();
  private double cash;
  private Instant lastMarketTime = Instant.EPOCH;
  private long nextPermId = 1_000_000_001L;
  private long nextExecId = 1;

  /** A position: signed quantity and average cost per contract (price × multiplier). */
  record Position(SimInstrument instrument, long quantity, double avgCost) {}

  SimBroker(String account, double startingCash, Output output) {
    this.account = account;
    this.cash = startingCash;
    this.output = output;
  }

  String account() {
    return account;
  }

  /** Places a new order or, with the id of a working order of the same client, modifies it. */
  void place(SimOrder incoming, MarketView market, String rejectReason) {
    long key = key(incoming.clientId, incoming.orderId);
    SimOrder existing = orders.get(key);
    if (existing != null) {
      if (!existing.isWorking()) {
        output.rejected(
            incoming,
            104,
            "Cannot modify a filled or cancelled order: order "
                + incoming.orderId
                + " is "
                + existing.status,
            "");
        return;
      }
      existing.buy = incoming.buy;
      existing.quantity = incoming.quantity;
      existing.orderType = incoming.orderType;
      existing.limitPrice = incoming.limitPrice;
      existing.auxPrice = incoming.auxPrice;
      existing.trailStopPrice = incoming.trailStopPrice;
      existing.trailingPercent = incoming.trailingPercent;
      existing.orderRef = incoming.orderRef;
      output.orderStatus(existing);
      return;
    }
    int highest = highestOrderId.getOrDefault(incoming.clientId, 0);
    if (incoming.orderId <= highest) {
      output.rejected(
          incoming,
          103,
          "Duplicate order id: " + incoming.orderId + " is not above " + highest,
          "");
      return;
    }
    highestOrderId.put(incoming.clientId, incoming.orderId);
    if (rejectReason != null) {
      incoming.status = "Inactive";
      output.rejected(
          incoming,
          201,
          "Order rejected - reason:" + rejectReason,
          "{\"Reject Reason\":\"SIMULATED\",\"Text\":\"" + rejectReason.replace("\"", "'") + "\"}");
      return;
    }
    String priceProblem = tickProblem(incoming);
    if (priceProblem != null) {
      incoming.status = "Inactive";
      output.rejected(incoming, 110, priceProblem, "");
      return;
    }
    double marginAfter = maintenanceMargin(market, incoming);
    if (marginAfter > netLiquidation(market)) {
      incoming.status = "Inactive";
      output.rejected(
          incoming,
          201,
          String.format(
              "Order rejected - reason:Your account has insufficient equity: margin %.2f would"
                  + " exceed net liquidation %.2f",
              marginAfter, netLiquidation(market)),
          "{\"Reject Reason\":\"MARGIN\"}");
      return;
    }
    boolean needsTrigger =
        incoming.orderType.startsWith("STP") || incoming.orderType.equals("TRAIL");
    incoming.status = needsTrigger ? "PreSubmitted" : "Submitted";
    orders.put(key, incoming);
    output.orderStatus(incoming);
  }

  void cancel(int clientId, int orderId, Output to) {
    SimOrder order = orders.get(key(clientId, orderId));
    if (order == null) {
      to.rejected(
          new SimOrder(clientId, orderId, 0, false, List.of()),
          135,
          "Can't find order with id =" + orderId,
          "");
      return;
    }
    if (!order.isWorking()) {
      to.rejected(
          order,
          10148,
          "OrderId "
              + orderId
              + " that needs to be cancelled cannot be cancelled, state: "
              + order.status
              + ".",
          "");
      return;
    }
    order.status = "Cancelled";
    order.completedTime = now(lastMarketTime) + " America/New_York";
    output.orderStatus(order);
    output.rejected(order, 202, "Order Canceled - reason:", "");
  }

  /** Matches every working order against this step's quotes. */
  void match(MarketView market) {
    lastMarketTime = market.now();
    for (SimOrder order : orders.values()) {
      if (order.isWorking()) {
        matchOne(order, market);
      }
    }
  }

  private void matchOne(SimOrder order, MarketView market) {
    if (!order.combo) {
      SimQuote q = market.quote(order.legs.get(0).instrument().conId());
      if (!triggered(order, q)) {
        return;
      }
    }
    double net = 0;
    long available = Long.MAX_VALUE;
    for (SimOrder.Leg leg : order.legs) {
      SimQuote q = market.quote(leg.instrument().conId());
      boolean legBuy = leg.buy() == order.buy;
      double touch = legBuy ? q.ask() : q.bid();
      int size = legBuy ? q.askSize() : q.bidSize();
      if (Double.isNaN(touch) || size <= 0) {
        return;
      }
      net += (leg.buy() ? 1 : -1) * leg.ratio() * touch;
      available = Math.min(available, size / leg.ratio());
    }
    // net is the combo's price for a BUY of the combo; a single leg's is its touch
    String type = order.orderType;
    boolean limit = type.equals("LMT") || type.equals("STP LMT");
    if (limit) {
      boolean marketable =
          order.buy ? net <= order.limitPrice + 1e-9 : net >= order.limitPrice - 1e-9;
      if (!marketable) {
        return;
      }
    }
    long qty = Math.min(order.remaining(), Math.max(available, 1));
    fill(order, qty, market);
  }

  private boolean triggered(SimOrder order, SimQuote q) {
    String type = order.orderType;
    if (type.equals("LMT") || type.equals("MKT") || order.triggered) {
      return true;
    }
    double last = q.last();
    if (type.equals("TRAIL")) {
      double distance =
          order.trailingPercent > 0 ? last * order.trailingPercent / 100 : order.auxPrice;
      double stop = order.buy ? last + distance : last - distance;
      if (Double.isNaN(order.trailStopPrice)
          || (order.buy ? stop < order.trailStopPrice : stop > order.trailStopPrice)) {
        order.trailStopPrice = stop; // the stop only ever moves in the order's favour
      }
    }
    double stop = type.equals("TRAIL") ? order.trailStopPrice : order.auxPrice;
    boolean hit = order.buy ? last >= stop : last <= stop;
    if (hit) {
      order.triggered = true;
      order.status = "Submitted";
      output.orderStatus(order);
    }
    return hit;
  }

  private void fill(SimOrder order, long qty, MarketView market) {
    double net = 0;
    String time = EXEC_TIME.format(market.now()) + " US/Eastern";
    long contracts = 0;
    for (SimOrder.Leg leg : order.legs) {
      SimQuote q = market.quote(leg.instrument().conId());
      boolean legBuy = leg.buy() == order.buy;
      double price = legBuy ? q.ask() : q.bid();
      if (!order.combo && order.orderType.equals("LMT")) {
        price = order.buy ? Math.min(price, order.limitPrice) : Math.max(price, order.limitPrice);
      }
      long legQty = qty * leg.ratio();
      net += (leg.buy() ? 1 : -1) * leg.ratio() * price;
      contracts += legQty;
      double commission =
          Math.max(MINIMUM_COMMISSION / order.legs.size(), COMMISSION_PER_CONTRACT * legQty);
      SimInstrument instrument = leg.instrument();
      int multiplier = instrument.multiplier();
      cash -= (legBuy ? 1 : -1) * price * legQty * multiplier + commission;
      Position pos = updatePosition(instrument, legBuy ? legQty : -legQty, price * multiplier);
      SimExecution e =
          new SimExecution(
              String.format("0000e0d5.%08x.01.01", nextExecId++),
              order.orderId,
              order.clientId,
              order.permId,
              instrument,
              legBuy ? "BOT" : "SLD",
              legQty,
              round(price),
              (order.filled + qty) * leg.ratio(),
              round(price),
              order.orderRef,
              time,
              account,
              round(commission));
      executions.add(e);
      output.execution(e);
      output.positionChanged(instrument, pos.quantity(), pos.avgCost());
    }
    double fillPrice = order.combo ? round(net) : round(net);
    order.avgFillPrice =
        (order.avgFillPrice * order.filled + fillPrice * qty) / (order.filled + qty);
    order.filled += qty;
    order.lastFillPrice = fillPrice;
    order.status = order.remaining() == 0 ? "Filled" : "Submitted";
    if (order.remaining() == 0) {
      order.completedTime = now(market.now()) + " America/New_York";
    }
    output.orderStatus(order);
  }

  private Position updatePosition(SimInstrument instrument, long delta, double costPerUnit) {
    Position old = positions.get(instrument.conId());
    long oldQty = old == null ? 0 : old.quantity();
    double oldCost = old == null ? 0 : old.avgCost();
    long newQty = oldQty + delta;
    double avg;
    if (newQty == 0) {
      avg = 0;
    } else if (oldQty == 0 || Long.signum(oldQty) != Long.signum(newQty)) {
      avg = costPerUnit; // opened, or flipped through zero
    } else if (Math.abs(newQty) > Math.abs(oldQty)) {
      avg = (oldCost * Math.abs(oldQty) + costPerUnit * Math.abs(delta)) / Math.abs(newQty);
    } else {
      avg = oldCost; // reduced: the remaining lots keep their cost
    }
    Position p = new Position(instrument, newQty, avg);
    positions.put(instrument.conId(), p);
    return p;
  }

  List<Position> positions() {
    return List.copyOf(positions.values());
  }

  List<SimExecution> executions() {
    return List.copyOf(executions);
  }

  /** Filled and cancelled orders, for reqCompletedOrders. */
  List<SimOrder> completedOrders() {
    return orders.values().stream().filter(o -> !o.isWorking()).toList();
  }

  List<SimOrder> workingOrders() {
    return orders.values().stream().filter(SimOrder::isWorking).toList();
  }

  double cash() {
    return cash;
  }

  /** Cash plus every position at its mid (last when there is no two-sided quote). */
  double netLiquidation(MarketView market) {
    double value = cash;
    for (Position p : positions.values()) {
      value += p.quantity() * mark(market, p.instrument()) * p.instrument().multiplier();
    }
    return value;
  }

  double maintenanceMargin(MarketView market) {
    return maintenanceMargin(market, null);
  }

  /** Margin of the current positions, plus that of {@code pending} if it filled whole. */
  private double maintenanceMargin(MarketView market, SimOrder pending) {
    Map<Integer, Long> quantities = new HashMap<>();
    Map<Integer, SimInstrument> instruments = new HashMap<>();
    for (Position p : positions.values()) {
      quantities.merge(p.instrument().conId(), p.quantity(), Long::sum);
      instruments.put(p.instrument().conId(), p.instrument());
    }
    if (pending != null) {
      for (SimOrder.Leg leg : pending.legs) {
        long delta = (leg.buy() == pending.buy ? 1 : -1) * pending.quantity * leg.ratio();
        quantities.merge(leg.instrument().conId(), delta, Long::sum);
        instruments.put(leg.instrument().conId(), leg.instrument());
      }
    }
    double margin = 0;
    for (Map.Entry<Integer, Long> e : quantities.entrySet()) {
      SimInstrument i = instruments.get(e.getKey());
      long qty = e.getValue();
      if (i.isOption() && qty < 0) {
        double spot = market.quote(i.underlyingConId()).last();
        double otm =
            Math.max(
                0,
                i.right() == dev.thetaflow.core.analytics.OptionType.CALL
                    ? i.strike() - spot
                    : spot - i.strike());
        double perContract = Math.max(0.20 * spot - otm, 0.10 * spot) * i.multiplier();
        margin += perContract * -qty;
      } else if (!i.isOption() && qty != 0) {
        margin += 0.25 * Math.abs(qty) * market.quote(i.conId()).last();
      }
    }
    return margin;
  }

  static double mark(MarketView market, SimInstrument instrument) {
    SimQuote q = market.quote(instrument.conId());
    if (!Double.isNaN(q.bid()) && !Double.isNaN(q.ask())) {
      return (q.bid() + q.ask()) / 2;
    }
    return q.last();
  }

  private String tickProblem(SimOrder order) {
    double tick = order.legs.get(0).instrument().minTick();
    for (double price : new double[] {order.limitPrice, order.auxPrice}) {
      if (Double.isNaN(price) || order.orderType.equals("TRAIL")) {
        continue;
      }
      double ticks = price / tick;
      if (Math.abs(ticks - Math.rint(ticks)) > 1e-6) {
        return "The price does not conform to the minimum price variation for this contract: "
            + price
            + " is not a multiple of "
            + tick;
      }
    }
    return null;
  }

  long permIdForNewOrder() {
    return nextPermId++;
  }

  private static long key(int clientId, int orderId) {
    return ((long) clientId << 32) | (orderId & 0xFFFFFFFFL);
  }

  private static double round(double price) {
    return Math.round(price * 10_000) / 10_000.0;
  }

  static String now(Instant instant) {
    return EXEC_TIME.format(instant);
  }
}
