package dev.thetaflow.ib.source;

import dev.thetaflow.core.broker.BrokerEvent;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Broker events from Interactive Brokers (or ib-sim) as a FLIP-27 source: one split per IB
 * connection, unbounded; event time is the broker's time where the wire carries one. Run it at
 * parallelism 1 with a stable uid: its state is where fills were read up to.
 */
public final class IbSource
    implements Source<BrokerEvent, IbSplit, List<IbSplit>>, ResultTypeQueryable<BrokerEvent> {
  private static final long serialVersionUID = 1L;

  private final IbSourceSettings settings;

  public IbSource(IbSourceSettings settings) {
    this.settings = settings;
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.CONTINUOUS_UNBOUNDED;
  }

  @Override
  public SourceReader<BrokerEvent, IbSplit> createReader(SourceReaderContext context) {
    return new IbReader(context, settings);
  }

  @Override
  public SplitEnumerator<IbSplit, List<IbSplit>> createEnumerator(
      SplitEnumeratorContext<IbSplit> context) {
    return new IbEnumerator(
        context, List.of(new IbSplit(settings.connection().clientId(), 0, List.of())));
  }

  @Override
  public SplitEnumerator<IbSplit, List<IbSplit>> restoreEnumerator(
      SplitEnumeratorContext<IbSplit> context, List<IbSplit> unassigned) {
    return new IbEnumerator(context, unassigned);
  }

  @Override
  public SimpleVersionedSerializer<IbSplit> getSplitSerializer() {
    return new IbSplitSerializer();
  }

  @Override
  public SimpleVersionedSerializer<List<IbSplit>> getEnumeratorCheckpointSerializer() {
    return new IbSplitSerializer.Unassigned();
  }

  @Override
  public TypeInformation<BrokerEvent> getProducedType() {
    return TypeInformation.of(BrokerEvent.class);
  }
}
