package dev.thetaflow.jobs.wire;

import java.util.function.Supplier;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Type information whose serializer is a {@link TaggedSerializer}. */
public final class WireTypeInfo<T> extends TypeInformation<T> {
  private static final long serialVersionUID = 1L;

  /** A serializable way to make the serializer. */
  public interface Factory<T> extends Supplier<TaggedSerializer<T>>, java.io.Serializable {}

  private final Class<T> type;
  private final Factory<T> serializers;

  public WireTypeInfo(Class<T> type, Factory<T> serializers) {
    this.type = type;
    this.serializers = serializers;
  }

  @Override
  public boolean isBasicType() {
    return false;
  }

  @Override
  public boolean isTupleType() {
    return false;
  }

  @Override
  public int getArity() {
    return 1;
  }

  @Override
  public int getTotalFields() {
    return 1;
  }

  @Override
  public Class<T> getTypeClass() {
    return type;
  }

  @Override
  public boolean isKeyType() {
    return false;
  }

  @Override
  public TypeSerializer<T> createSerializer(SerializerConfig config) {
    return serializers.get();
  }

  @Override
  public String toString() {
    return "Wire<" + type.getSimpleName() + ">";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WireTypeInfo<?> w && w.type == type;
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }

  @Override
  public boolean canEqual(Object o) {
    return o instanceof WireTypeInfo;
  }
}
