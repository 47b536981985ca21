package dev.thetaflow.jobs.topology;

import dev.thetaflow.core.alert.Alert;
import dev.thetaflow.core.alert.Severity;
import dev.thetaflow.core.broker.BrokerEvent;

/** Alerts made from what the job sees besides decisions: refused orders, the connection. */
final class Alerts {
  private Alerts() {}

  /** An order refused before it left (the strategy's or the gate's checks), else null. */
  static Alert refused(OrderUpdate u) {
    if (!"REFUSED".equals(u.status())) {
      return null;
    }
    return new Alert(
        u.orderRef() + ":REFUSED:" + u.time().toEpochMilli(),
        u.time(),
        u.purpose().equals("ENTRY") ? Severity.WARNING : Severity.CRITICAL,
        "risk-gate",
        "ORDER_REFUSED",
        u.errorText() == null ? u.orderRef() + " refused" : u.errorText(),
        u.strategyId());
  }

  /** A change of a broker connection: anything but READY is a warning, READY again is news. */
  static Alert connection(BrokerEvent.ConnectionEvent c) {
    boolean ready = c.state().equals("READY");
    return new Alert(
        "connection:" + c.clientId() + ":" + c.state() + ":" + c.time().toEpochMilli(),
        c.time(),
        ready ? Severity.INFO : Severity.WARNING,
        "ib-client",
        "CONNECTION_" + c.state(),
        "client " + c.clientId() + " " + c.state() + (c.reason() == null ? "" : ": " + c.reason()),
        null);
  }
}
