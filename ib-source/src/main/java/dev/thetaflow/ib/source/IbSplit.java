package dev.thetaflow.ib.source;

import java.util.List;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One IB connection and how far its fills have been read. After a restore the source asks the
 * broker for executions since {@code lastFillMillis} minus a margin and drops the ones in {@code
 * recentExecIds}: fills can arrive out of time order, so a time alone cannot tell which were
 * emitted before the checkpoint.
 *
 * @param clientId the connection's IB client id
 * @param lastFillMillis time of the latest fill emitted (epoch ms), 0 before the first
 * @param recentExecIds execIds of the fills emitted within the margin before {@code lastFillMillis}
 */
public record IbSplit(int clientId, long lastFillMillis, List<String> recentExecIds)
    implements SourceSplit {

  public IbSplit {
    recentExecIds = List.copyOf(recentExecIds);
  }

  @Override
  public String splitId() {
    return "ib-client-" + clientId;
  }
}
