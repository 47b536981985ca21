package dev.thetaflow.jobs.topology;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thetaflow.core.decision.Decision;
import dev.thetaflow.core.decision.Measurement;
import dev.thetaflow.sinks.delta.RowConverter;

/**
 * What the decision executor did, as a row of {@code decisions}: the rule, its rank, the action,
 * the rule's reason followed by what became of it (the order sent, or why none), and the measured
 * values beside the thresholds they were compared with (JSON objects keyed by measurement name).
 */
final class DecisionRows implements RowConverter<DecisionEvent> {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String jobId;

  DecisionRows(String jobId) {
    this.jobId = jobId;
  }

  @Override
  public Object[] toRow(DecisionEvent e) {
    Decision d = e.decision();
    ObjectNode measured = JSON.createObjectNode();
    ObjectNode thresholds = JSON.createObjectNode();
    for (Measurement m : d.measurements()) {
      if (Double.isFinite(m.value())) {
        measured.put(m.name(), m.value());
      } else {
        measured.putNull(m.name());
      }
      thresholds.put(m.name(), m.threshold());
    }
    String outcome =
        e.verdict() + (e.orderRef() == null ? "" : " " + e.orderRef()) + ": " + e.note();
    return new Object[] {
      TableRows.tradeDate(e.time()),
      e.time(),
      jobId,
      null,
      d.strategyId() + ":" + d.rule() + ":" + d.time().toEpochMilli() + ":" + e.verdict(),
      d.strategyId(),
      d.rule().name(),
      d.priority(),
      d.action().name(),
      d.urgency().name(),
      d.reason() + " | " + outcome,
      measured.toString(),
      thresholds.toString()
    };
  }
}
