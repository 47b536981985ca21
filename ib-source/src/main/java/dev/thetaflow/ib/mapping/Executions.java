package dev.thetaflow.ib.mapping;

import dev.thetaflow.core.broker.BrokerEvent.FillEvent;
import dev.thetaflow.core.order.Fill;
import dev.thetaflow.core.order.OrderRef;
import dev.thetaflow.core.value.Money;
import dev.thetaflow.core.value.Side;
import dev.thetaflow.ib.codec.CommissionReport;
import dev.thetaflow.ib.codec.ExecutionDetails;
import dev.thetaflow.ib.codec.TwsValues;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Joins TWS's two halves of a fill: execDetails (11) says what traded, commissionReport (59),
 * usually right after, what it cost; they meet by execId. A {@link Fill} leaves only with its
 * commission, so the trades table never holds a fill without one. The same execId again (a replay
 * after a reconnect, or reqExecutions after a restore) is not a second fill; a corrected execution
 * ({@code execId} with a new suffix) is a new one, as IB reports it.
 *
 * <p>Combo executions: IB reports each leg as its own execution with the leg's conId, and the BAG
 * itself once more with the combo conId; the BAG line is kept apart ({@link #comboReports}) rather
 * than counted as a position change.
 */
public final class Executions {
  private final ZoneId gatewayZone;
  private final Consumer<FillEvent> fills;
  private final Map<String, ExecutionDetails> awaitingCommission = new LinkedHashMap<>();
  private final Map<String, CommissionReport> awaitingExecution = new HashMap<>();
  private final java.util.Set<String> done = new java.util.HashSet<>();
  private long comboReports;

  /**
   * @param gatewayZone the zone of execution times that carry none
   * @param fills where complete fills go
   */
  public Executions(ZoneId gatewayZone, Consumer<FillEvent> fills) {
    this.gatewayZone = gatewayZone;
    this.fills = fills;
  }

  /** Fills already emitted before a restore: seen again, they are not fills again. */
  public void alreadyEmitted(java.util.Collection<String> execIds) {
    done.addAll(execIds);
  }

  public void onExecution(ExecutionDetails e) {
    if ("BAG".equals(e.contract().secType())) {
      comboReports++; // the legs come as their own executions
      return;
    }
    if (done.contains(e.execId()) || awaitingCommission.containsKey(e.execId())) {
      return;
    }
    CommissionReport report = awaitingExecution.remove(e.execId());
    if (report != null) {
      emit(e, report);
    } else {
      awaitingCommission.put(e.execId(), e);
    }
  }

  public void onCommission(CommissionReport c) {
    if (done.contains(c.execId())) {
      return;
    }
    ExecutionDetails e = awaitingCommission.remove(c.execId());
    if (e != null) {
      emit(e, c);
    } else {
      awaitingExecution.put(c.execId(), c);
    }
  }

  /** Executions still waiting for their commission report. */
  public int pending() {
    return awaitingCommission.size();
  }

  /** BAG-level execution reports seen (not fills: the legs are). */
  public long comboReports() {
    return comboReports;
  }

  private void emit(ExecutionDetails e, CommissionReport c) {
    done.add(e.execId());
    Side side =
        switch (e.side()) {
          case "BOT" -> Side.BUY;
          case "SLD" -> Side.SELL;
          default ->
              throw new IllegalArgumentException(
                  "execution " + e.execId() + ": side \"" + e.side() + "\", expected BOT or SLD");
        };
    long quantity = Math.round(e.shares());
    if (Math.abs(e.shares() - quantity) > 1e-9) {
      throw new IllegalArgumentException(
          "execution " + e.execId() + ": " + e.shares() + " contracts is not a whole number");
    }
    Money commission =
        TwsValues.isSet(c.commission())
            ? Money.of(
                c.commission(),
                c.currency() == null || c.currency().isEmpty() ? "USD" : c.currency())
            : null;
    Fill fill =
        new Fill(
            e.execId(),
            orderRef(e.orderRef()),
            e.orderId(),
            e.account(),
            e.contract().conId(),
            side,
            quantity,
            BigDecimal.valueOf(e.price()),
            commission,
            TwsTimes.parse(e.time(), gatewayZone));
    fills.accept(new FillEvent(fill, e.contract().symbol(), e.permId()));
  }

  /** Our order reference, or null for an order thetaflow did not place (manual, another tool). */
  private static OrderRef orderRef(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return OrderRef.parse(text);
    } catch (IllegalArgumentException notOurs) {
      return null;
    }
  }
}
