package dev.thetaflow.jobs.topology;

import dev.thetaflow.jobs.wire.TaggedSerializer;
import dev.thetaflow.jobs.wire.WireFields;
import dev.thetaflow.jobs.wire.WireTypeInfo;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * {@link StrategyBroadcast} on the wire: a quote and its holders (every quote of a held instrument)
 * in a hand-written layout, controls (rare) through Kryo.
 */
public final class StrategyBroadcastSerializer extends TaggedSerializer<StrategyBroadcast> {
  private static final long serialVersionUID = 1L;

  public StrategyBroadcastSerializer() {
    super(StrategyBroadcast.class);
  }

  @Override
  protected int tagOf(StrategyBroadcast b) {
    return b instanceof StrategyBroadcast.Quoted ? 0 : -1;
  }

  @Override
  protected void write(int tag, StrategyBroadcast b, DataOutputView out) throws IOException {
    StrategyBroadcast.Quoted q = (StrategyBroadcast.Quoted) b;
    WireFields.writeQuote(q.quote(), out);
    out.writeInt(q.holders().size());
    for (String id : q.holders()) {
      WireFields.writeId(id, out);
    }
  }

  @Override
  protected StrategyBroadcast read(int tag, DataInputView in) throws IOException {
    if (tag != 0) {
      throw new IOException("strategy broadcast: unknown wire tag " + tag);
    }
    var quote = WireFields.readQuote(in);
    int n = in.readInt();
    if (n <= 0) {
      throw new IOException("strategy broadcast: a quote for " + n + " strategies");
    }
    String[] holders = new String[n];
    for (int i = 0; i < n; i++) {
      holders[i] = WireFields.readId(in);
    }
    return new StrategyBroadcast.Quoted(quote, Arrays.asList(holders));
  }

  @Override
  protected TaggedSerializer<StrategyBroadcast> fresh() {
    return new StrategyBroadcastSerializer();
  }

  @Override
  public TypeSerializerSnapshot<StrategyBroadcast> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Restores the serializer by its class (it has no configuration). */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<StrategyBroadcast> {
    public Snapshot() {
      super(StrategyBroadcastSerializer::new);
    }
  }

  /** Found by Flink through {@code @TypeInfo} on {@link StrategyBroadcast}. */
  public static final class Factory extends TypeInfoFactory<StrategyBroadcast> {
    @Override
    public TypeInformation<StrategyBroadcast> createTypeInfo(
        Type t, Map<String, TypeInformation<?>> genericParameters) {
      return new WireTypeInfo<>(StrategyBroadcast.class, StrategyBroadcastSerializer::new);
    }
  }
}
