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
 */
public record IbSourceSettings(
    ConnectionOptions connection,
    List<StreamedInstrument> instruments,
    String gatewayZone,
    Duration fillReplayMargin)
    implements Serializable {

  public IbSourceSettings {
    instruments = List.copyOf(instruments);
    ZoneId.of(gatewayZone); // fails here, naming the zone, not on the task manager
    if (fillReplayMargin.isNegative()) {
      throw new IllegalArgumentException("fillReplayMargin must be >= 0, was " + fillReplayMargin);
    }
  }
}
