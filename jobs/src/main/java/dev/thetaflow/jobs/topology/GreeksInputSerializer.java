package dev.thetaflow.jobs.topology;

import dev.thetaflow.core.broker.BrokerEvent;
import dev.thetaflow.jobs.wire.TaggedSerializer;
import dev.thetaflow.jobs.wire.WireFields;
import dev.thetaflow.jobs.wire.WireTypeInfo;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Greeks inputs on the wire: quotes and model Greeks by hand, holdings (one per open) by Kryo. */
public final class GreeksInputSerializer extends TaggedSerializer<GreeksInput> {
  private static final long serialVersionUID = 1L;

  public GreeksInputSerializer() {
    super(GreeksInput.class);
  }

  @Override
  protected int tagOf(GreeksInput in) {
    if (in instanceof GreeksInput.Market m) {
      if (m.event() instanceof BrokerEvent.QuoteEvent) {
        return 0;
      }
      if (m.event() instanceof BrokerEvent.ModelGreeksEvent) {
        return 1;
      }
    }
    return -1;
  }

  @Override
  protected void write(int tag, GreeksInput in, DataOutputView out) throws IOException {
    GreeksInput.Market m = (GreeksInput.Market) in;
    out.writeLong(m.underlyingConId());
    if (tag == 0) {
      WireFields.writeQuote((BrokerEvent.QuoteEvent) m.event(), out);
    } else {
      WireFields.writeModel((BrokerEvent.ModelGreeksEvent) m.event(), out);
    }
  }

  @Override
  protected GreeksInput read(int tag, DataInputView in) throws IOException {
    long underlying = in.readLong();
    return switch (tag) {
      case 0 -> new GreeksInput.Market(underlying, WireFields.readQuote(in));
      case 1 -> new GreeksInput.Market(underlying, WireFields.readModel(in));
      default -> throw new IOException("greeks input: unknown wire tag " + tag);
    };
  }

  @Override
  protected TaggedSerializer<GreeksInput> fresh() {
    return new GreeksInputSerializer();
  }

  @Override
  public TypeSerializerSnapshot<GreeksInput> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Restores the serializer by its class (it has no configuration). */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<GreeksInput> {
    public Snapshot() {
      super(GreeksInputSerializer::new);
    }
  }

  /** Found by Flink through {@code @TypeInfo} on {@link GreeksInput}. */
  public static final class Factory extends TypeInfoFactory<GreeksInput> {
    @Override
    public TypeInformation<GreeksInput> createTypeInfo(
        Type t, Map<String, TypeInformation<?>> genericParameters) {
      return new WireTypeInfo<>(GreeksInput.class, GreeksInputSerializer::new);
    }
  }
}
