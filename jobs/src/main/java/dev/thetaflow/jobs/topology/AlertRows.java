package dev.thetaflow.jobs.topology;

import dev.thetaflow.core.alert.Alert;
import dev.thetaflow.sinks.delta.RowConverter;

/**
 * An alert as a row of {@code alerts}: its code is the category, the message keeps the component
 * that raised it. Alerts start unacknowledged; a person's acknowledgement is a later row with the
 * alert's id, category {@value #ACKNOWLEDGED} and {@code acknowledged} true (the table is
 * append-only: the latest row of an id says where it stands).
 */
final class AlertRows implements RowConverter<Alert> {
  private static final long serialVersionUID = 1L;

  /** The code of an acknowledgement. */
  static final String ACKNOWLEDGED = "ACKNOWLEDGED";

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
      ACKNOWLEDGED.equals(a.code())
    };
  }
}
