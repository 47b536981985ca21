package dev.thetaflow.jobs.bench;

import dev.thetaflow.jobs.topology.OrderUpdate;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * The broker's side of the decision benchmark: what it reports of each exit the executor sent, as
 * the order tracker would (SUBMITTED, then CANCELLED: the strategy is OPEN again with its legs, as
 * after an unfilled exit, and its executor may send the next one). Between reports it yields an
 * empty update ({@link #isReport} false) every few milliseconds, so the source never blocks a
 * checkpoint for longer.
 */
final class BrokerReports implements GeneratorFunction<Long, OrderUpdate> {
  private static final long serialVersionUID = 1L;

  private final String runId;
  private transient BreachLedger ledger;

  BrokerReports(String runId) {
    this.runId = runId;
  }

  @Override
  public void open(SourceReaderContext context) {
    ledger = BreachLedger.get(runId);
  }

  @Override
  public OrderUpdate map(Long ignored) throws InterruptedException {
    OrderUpdate u = ledger.brokerReports.poll(5, TimeUnit.MILLISECONDS);
    return u != null ? u : NONE;
  }

  static boolean isReport(OrderUpdate u) {
    return u.strategyId() != null;
  }

  /** The broker's report of exit {@code orderRef} of {@code strategyId}, in {@code status}. */
  static OrderUpdate report(String strategyId, String orderRef, String status) {
    return new OrderUpdate(
        orderRef,
        null,
        null,
        strategyId,
        "EXIT",
        null,
        null,
        0,
        null,
        null,
        null,
        null,
        status,
        0,
        null,
        null,
        null,
        Instant.now());
  }

  private static final OrderUpdate NONE =
      new OrderUpdate(
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          0,
          null,
          null,
          null,
          null,
          null,
          0,
          null,
          null,
          null,
          Instant.EPOCH);
}
