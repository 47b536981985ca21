package dev.thetaflow.ib.source;

import dev.thetaflow.ib.client.ConnectionOptions;
import java.io.Serializable;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * What the IB source connects to and streams.
 *
 * @param connection the connection (its client id should be the gateway's master client id, so that
 *     the order sink's orders are reported here too)
 * @param instruments streamed from the start (underlyings, VIX)
 * @param gatewayZone the zone of broker times that carry none (the gateway's)
 * @param fillReplayMargin after a restore, executions are asked for from this long before the last
 *     fill emitted
 * @param marketDataLines the account's market-data lines (IB's default is 100); never exceeded
 * @param snapshotReserve lines kept for snapshots of the instruments that do not stream
 * @param pollInterval how often a round of snapshots is started
 */
public record IbSourceSettings(
    ConnectionOptions connection,
    List<StreamedInstrument> instruments,
    String gatewayZone,
    Duration fillReplayMargin,
    int marketDataLines,
    int snapshotReserve,
    Duration pollInterval)
    implements Serializable {

  /** IB's default 100 lines, 10 of them for snapshots, a round of snapshots every second. */
  public IbSourceSettings(
      ConnectionOptions connection,
      List<StreamedInstrument> instruments,
      String gatewayZone,
      Duration fillReplayMargin) {
    this(connection, instruments, gatewayZone, fillReplayMargin, 100, 10, Duration.ofSeconds(1));
  }

  public IbSourceSettings {
    instruments = List.copyOf(instruments);
    ZoneId.of(gatewayZone); // fails here, naming the zone, not on the task manager
    new SubscriptionPlanner(marketDataLines, snapshotReserve); // checks the two, naming them
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive, was " + pollInterval);
    }
    if (fillReplayMargin.isNegative()) {
      throw new IllegalArgumentException("fillReplayMargin must be >= 0, was " + fillReplayMargin);
    }
  }
}
