package dev.thetaflow.jobs.topology;

import dev.thetaflow.core.risk.LegGreeks;
import dev.thetaflow.jobs.wire.TaggedSerializer;
import dev.thetaflow.jobs.wire.WireFields;
import dev.thetaflow.jobs.wire.WireTypeInfo;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Strategy inputs on the wire: marks (one per quote and holder) and solved Greeks by hand, the rare
 * rest (opens, fills, closes, order changes) by Kryo.
 */
public final class StrategyInputSerializer extends TaggedSerializer<StrategyInput> {
  private static final long serialVersionUID = 1L;

  public StrategyInputSerializer() {
    super(StrategyInput.class);
  }

  @Override
  protected int tagOf(StrategyInput in) {
    return in instanceof StrategyInput.Mark ? 0 : in instanceof StrategyInput.Solved ? 1 : -1;
  }

  @Override
  protected void write(int tag, StrategyInput in, DataOutputView out) throws IOException {
    WireFields.writeId(in.strategyId(), out);
    if (tag == 0) {
      WireFields.writeQuote(((StrategyInput.Mark) in).quote(), out);
    } else {
      List<LegGreeks> legs = ((StrategyInput.Solved) in).legs();
      out.writeShort(legs.size());
      for (LegGreeks g : legs) {
        WireFields.writeLegGreeks(g, out);
      }
    }
  }

  @Override
  protected StrategyInput read(int tag, DataInputView in) throws IOException {
    String strategyId = WireFields.readId(in);
    return switch (tag) {
      case 0 -> new StrategyInput.Mark(strategyId, WireFields.readQuote(in));
      case 1 -> {
        int n = in.readUnsignedShort();
        var legs = new ArrayList<LegGreeks>(n);
        for (int i = 0; i < n; i++) {
          legs.add(WireFields.readLegGreeks(in));
        }
        yield new StrategyInput.Solved(strategyId, legs);
      }
      default -> throw new IOException("strategy input: unknown wire tag " + tag);
    };
  }

  @Override
  protected TaggedSerializer<StrategyInput> fresh() {
    return new StrategyInputSerializer();
  }

  @Override
  public TypeSerializerSnapshot<StrategyInput> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Restores the serializer by its class (it has no configuration). */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<StrategyInput> {
    public Snapshot() {
      super(StrategyInputSerializer::new);
    }
  }

  /** Found by Flink through {@code @TypeInfo} on {@link StrategyInput}. */
  public static final class Factory extends TypeInfoFactory<StrategyInput> {
    @Override
    public TypeInformation<StrategyInput> createTypeInfo(
        Type t, Map<String, TypeInformation<?>> genericParameters) {
      return new WireTypeInfo<>(StrategyInput.class, StrategyInputSerializer::new);
    }
  }
}
