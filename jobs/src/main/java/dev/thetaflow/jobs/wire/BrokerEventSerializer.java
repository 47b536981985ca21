package dev.thetaflow.jobs.wire;

import dev.thetaflow.core.broker.BrokerEvent;
import dev.thetaflow.core.broker.BrokerEvent.ModelGreeksEvent;
import dev.thetaflow.core.broker.BrokerEvent.QuoteEvent;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Broker events: quotes and model Greeks by hand (nearly all of them), the rest by Kryo. */
public final class BrokerEventSerializer extends TaggedSerializer<BrokerEvent> {
  private static final long serialVersionUID = 1L;

  /** The type information that makes this serializer. */
  public static final WireTypeInfo<BrokerEvent> TYPE =
      new WireTypeInfo<>(BrokerEvent.class, BrokerEventSerializer::new);

  public BrokerEventSerializer() {
    super(BrokerEvent.class);
  }

  @Override
  protected int tagOf(BrokerEvent e) {
    return e instanceof QuoteEvent ? 0 : e instanceof ModelGreeksEvent ? 1 : -1;
  }

  @Override
  protected void write(int tag, BrokerEvent e, DataOutputView out) throws IOException {
    if (tag == 0) {
      WireFields.writeQuote((QuoteEvent) e, out);
    } else {
      WireFields.writeModel((ModelGreeksEvent) e, out);
    }
  }

  @Override
  protected BrokerEvent read(int tag, DataInputView in) throws IOException {
    return switch (tag) {
      case 0 -> WireFields.readQuote(in);
      case 1 -> WireFields.readModel(in);
      default -> throw new IOException("broker event: unknown wire tag " + tag);
    };
  }

  @Override
  protected TaggedSerializer<BrokerEvent> fresh() {
    return new BrokerEventSerializer();
  }

  @Override
  public TypeSerializerSnapshot<BrokerEvent> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Restores the serializer by its class (it has no configuration). */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<BrokerEvent> {
    public Snapshot() {
      super(BrokerEventSerializer::new);
    }
  }
}
