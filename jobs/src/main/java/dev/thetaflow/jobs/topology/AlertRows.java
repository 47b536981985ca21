package dev.thetaflow.jobs.topology;

import dev.thetaflow.core.alert.Alert;
import dev.thetaflow.sinks.delta.RowConverter;

/**
 * An alert as a row of {@code alerts}: its code is the category, the message keeps the component
 * that raised it; every alert starts unacknowledged (an acknowledgement is a later row).
 */
final class AlertRows implements RowConverter<Alert> {
  private static final long serialVersionUID = 1L;

  private final String jobId;

  AlertRows(String jobId) {
    this.jobId = jobId;
  }

  @Override
  public Object[] toRow(Alert a) {
    return new Object[] {
      TableRows.tradeDate(a.time()),
      a.time(),
      jobId,
      null,
      a.id(),
      a.severity().name(),
      a.code(),
      a.strategyId(),
      a.source() + ": " + a.message(),
      false
    };
  }
}
