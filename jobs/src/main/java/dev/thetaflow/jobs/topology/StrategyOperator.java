package dev.thetaflow.jobs.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaflow.core.instrument.Leg;
import dev.thetaflow.core.json.DomainJson;
import dev.thetaflow.core.order.Fill;
import dev.thetaflow.core.order.OrderAction;
import dev.thetaflow.core.order.OrderPurpose;
import dev.thetaflow.core.order.OrderRef;
import dev.thetaflow.core.order.OrderRequest;
import dev.thetaflow.core.order.OrderType;
import dev.thetaflow.core.order.TimeInForce;
import dev.thetaflow.core.strategy.Strategy;
import dev.thetaflow.core.strategy.StrategyBook;
import dev.thetaflow.core.strategy.StrategyState;
import dev.thetaflow.core.value.Price;
import dev.thetaflow.core.value.Side;
import dev.thetaflow.core.value.TickRounding;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * One strategy's life, keyed by strategy id: it is opened from a resolved strategy (an entry order
 * leaves), marked by its legs' quotes, filled by the fills its order references attribute to it
 * (OPEN once every leg holds its full size, with the opening net price from the fills), closed on
 * request (an exit order for what it holds leaves), CLOSED when nothing is held. A snapshot leaves
 * on every change; orders leave on {@link #ORDERS}.
 *
 * <p>Orders trade legs X as BUY X, or for a credit as SELL −X at a positive price, the way venues
 * quote combos; the exit trades what is held, reversed, at market.
 */
public final class StrategyOperator
    extends KeyedProcessFunction<String, StrategyInput, StrategySnapshot> {
  private static final long serialVersionUID = 1L;

  /** Orders for the order sink (after the risk gate). */
  public static final OutputTag<OrderAction> ORDERS =
      new OutputTag<>("orders", TypeInformation.of(OrderAction.class));

  private final double maxRelativeSpread;
  private final Duration maxMarkAge;

  private transient ValueState<StrategyRecord> state;

  /**
   * Fills that came before their strategy was (re)opened here, as Fill JSON. After a restore the
   * broker's executions arrive at once while the open command is still being resolved; dropping
   * them left the strategy waiting for its entry forever (the crash test found it).
   */
  private transient ListState<String> earlyFills;

  private transient ObjectMapper json;

  /**
   * @param maxRelativeSpread a quote wider than this share of its mid is no mark
   * @param maxMarkAge a mark older than this is stale
   */
  public StrategyOperator(double maxRelativeSpread, Duration maxMarkAge) {
    this.maxRelativeSpread = maxRelativeSpread;
    this.maxMarkAge = maxMarkAge;
  }

  @Override
  public void open(OpenContext context) {
    state =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>("strategy", TypeInformation.of(StrategyRecord.class)));
    earlyFills =
        getRuntimeContext().getListState(new ListStateDescriptor<>("early-fills", Types.STRING));
    json = DomainJson.newMapper();
  }

  @Override
  public void processElement(StrategyInput input, Context ctx, Collector<StrategySnapshot> out)
      throws Exception {
    StrategyRecord record = state.value();
    if (input instanceof StrategyInput.Open open) {
      if (record != null) {
        return; // a command delivered twice opens once
      }
      Strategy s = open.strategy();
      record = new StrategyRecord();
      record.account = open.account();
      StrategyBook book = new StrategyBook(s.legs(), maxRelativeSpread, maxMarkAge);
      ctx.output(ORDERS, new OrderAction.Place(entry(s, open.account(), open.limitPrice())));
      out.collect(snapshot(s, book, s.openedAt()));
      for (String early : earlyFills.get()) {
        Fill fill = json.readValue(early, Fill.class);
        book.applyFill(fill);
        s = afterFill(s, book, fill.time());
        out.collect(snapshot(s, book, fill.time()));
      }
      earlyFills.clear();
      save(record, s, book);
      return;
    }
    if (record == null) {
      if (input instanceof StrategyInput.Filled f) {
        earlyFills.add(json.writeValueAsString(f.fill())); // its Open is on the way
      }
      return; // a quote before the strategy exists here: nothing to mark yet
    }
    Strategy s = json.readValue(record.strategyJson, Strategy.class);
    StrategyBook book = book(record, s);
    Instant time;
    if (input instanceof StrategyInput.Mark m) {
      if (!book.mark(m.quote().quote())) {
        return;
      }
      time = m.quote().time();
    } else if (input instanceof StrategyInput.Filled f) {
      book.applyFill(f.fill());
      time = f.fill().time();
      s = afterFill(s, book, time);
    } else if (input instanceof StrategyInput.Close c) {
      time = c.time().isBefore(s.openedAt()) ? s.openedAt() : c.time();
      if (s.state() != StrategyState.OPEN && s.state() != StrategyState.ADJUSTING) {
        return; // nothing held to close yet, or already closing
      }
      record.exits++;
      ctx.output(ORDERS, new OrderAction.Place(exit(s, book, record.account, record.exits)));
      s = s.withState(StrategyState.CLOSING, time);
    } else {
      return;
    }
    save(record, s, book);
    out.collect(snapshot(s, book, time));
  }

  /**
   * OPEN once every leg holds its full size; CLOSED once nothing is held while closing. The
   * broker's fill times have whole seconds (and a simulator its own clock): a transition is never
   * dated before the strategy was opened.
   */
  private static Strategy afterFill(Strategy s, StrategyBook book, Instant fillTime) {
    Instant time = fillTime.isBefore(s.openedAt()) ? s.openedAt() : fillTime;
    if (s.state() == StrategyState.PENDING_ENTRY) {
      boolean complete = true;
      double net = 0;
      for (Leg leg : s.legs()) {
        long target = leg.ratio() * s.quantity();
        long held = book.position(leg.contract().conId());
        complete &= held == target;
        net -= leg.ratio() * book.averagePrice(leg.contract().conId());
      }
      if (complete) {
        BigDecimal tick = s.legs().get(0).contract().minTick();
        return s.withOpeningNetPrice(Price.of(net, tick, TickRounding.NEAREST))
            .withState(StrategyState.OPEN, time);
      }
    } else if (s.state() == StrategyState.CLOSING && book.flat()) {
      return s.withState(StrategyState.CLOSED, time);
    }
    return s;
  }

  private static OrderRequest entry(Strategy s, String account, Double limit) {
    OrderRef ref = new OrderRef(s.id(), OrderPurpose.ENTRY, 1);
    if (limit == null) {
      return request(ref, account, s.legs(), Side.BUY, s.quantity(), null);
    }
    BigDecimal tick = s.legs().get(0).contract().minTick();
    // a credit (limit > 0) sells the reversed legs at a positive price; a debit buys them
    return limit > 0
        ? request(
            ref,
            account,
            reversed(s.legs()),
            Side.SELL,
            s.quantity(),
            Price.of(limit, tick, TickRounding.UP))
        : request(
            ref,
            account,
            s.legs(),
            Side.BUY,
            s.quantity(),
            Price.of(-limit, tick, TickRounding.DOWN));
  }

  /** Trades what is held, reversed, at market, as whole combo units (the legs' common factor). */
  private static OrderRequest exit(Strategy s, StrategyBook book, String account, int seq) {
    long units = 0;
    for (Leg leg : s.legs()) {
      units = gcd(units, Math.abs(book.position(leg.contract().conId())));
    }
    List<Leg> close = new ArrayList<>();
    for (Leg leg : s.legs()) {
      long held = book.position(leg.contract().conId());
      if (held != 0) {
        close.add(new Leg(leg.contract(), (int) (-held / units)));
      }
    }
    return request(
        new OrderRef(s.id(), OrderPurpose.EXIT, seq), account, close, Side.BUY, units, null);
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  private static List<Leg> reversed(List<Leg> legs) {
    return legs.stream().map(l -> new Leg(l.contract(), -l.ratio())).toList();
  }

  private static OrderRequest request(
      OrderRef ref, String account, List<Leg> legs, Side side, long quantity, Price limit) {
    return new OrderRequest(
        ref,
        account,
        legs,
        side,
        quantity,
        limit == null ? OrderType.MKT : OrderType.LMT,
        limit,
        null,
        null,
        Double.NaN,
        TimeInForce.DAY);
  }

  private StrategyBook book(StrategyRecord record, Strategy s) {
    StrategyBook book = new StrategyBook(s.legs(), maxRelativeSpread, maxMarkAge);
    for (StrategyRecord.LegRecord l : record.legs) {
      book.restore(
          new StrategyBook.LegSnapshot(
              l.conId,
              l.position,
              l.averagePrice,
              l.realized,
              l.mark,
              l.markedAtMillis < 0 ? null : Instant.ofEpochMilli(l.markedAtMillis)));
    }
    book.restoreCommissions(record.commissions);
    return book;
  }

  private void save(StrategyRecord record, Strategy s, StrategyBook book)
      throws JsonProcessingException, java.io.IOException {
    record.strategyJson = json.writeValueAsString(s);
    record.commissions = book.commissions();
    List<StrategyBook.LegSnapshot> legs = book.legSnapshots();
    record.legs = new StrategyRecord.LegRecord[legs.size()];
    for (int i = 0; i < legs.size(); i++) {
      StrategyBook.LegSnapshot l = legs.get(i);
      StrategyRecord.LegRecord r = new StrategyRecord.LegRecord();
      r.conId = l.conId();
      r.position = l.position();
      r.averagePrice = l.averagePrice();
      r.realized = l.realized();
      r.mark = l.mark();
      r.markedAtMillis = l.markedAt() == null ? -1 : l.markedAt().toEpochMilli();
      record.legs[i] = r;
    }
    state.update(record);
  }

  private static StrategySnapshot snapshot(Strategy s, StrategyBook book, Instant time) {
    return new StrategySnapshot(
        s,
        book.legSnapshots(),
        book.realizedPnl(),
        book.unrealizedPnl(time),
        book.commissions(),
        time);
  }
}
