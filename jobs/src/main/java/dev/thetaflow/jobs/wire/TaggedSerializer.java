package dev.thetaflow.jobs.wire;

import java.io.IOException;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.runtime.kryo.KryoSerializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A tag byte, then either a hand-written layout for the frequent subtypes or Kryo for the rest. The
 * values are immutable records, so copies are the values themselves.
 */
public abstract class TaggedSerializer<T> extends TypeSerializer<T> {
  private static final long serialVersionUID = 1L;
  private static final int KRYO = 255;

  private final Class<T> type;
  private final KryoSerializer<T> kryo;

  protected TaggedSerializer(Class<T> type) {
    this(type, new KryoSerializer<>(type, new SerializerConfigImpl()));
  }

  private TaggedSerializer(Class<T> type, KryoSerializer<T> kryo) {
    this.type = type;
    this.kryo = kryo;
  }

  /** The fast layout's tag for {@code value} (0–254), or -1 for Kryo. */
  protected abstract int tagOf(T value);

  protected abstract void write(int tag, T value, DataOutputView out) throws IOException;

  protected abstract T read(int tag, DataInputView in) throws IOException;

  /** A new serializer of the same kind (Kryo inside is not thread-safe). */
  protected abstract TaggedSerializer<T> fresh();

  @Override
  public void serialize(T value, DataOutputView out) throws IOException {
    int tag = tagOf(value);
    if (tag < 0) {
      out.writeByte(KRYO);
      kryo.serialize(value, out);
    } else {
      out.writeByte(tag);
      write(tag, value, out);
    }
  }

  @Override
  public T deserialize(DataInputView in) throws IOException {
    int tag = in.readUnsignedByte();
    return tag == KRYO ? kryo.deserialize(in) : read(tag, in);
  }

  @Override
  public T deserialize(T reuse, DataInputView in) throws IOException {
    return deserialize(in);
  }

  @Override
  public void copy(DataInputView in, DataOutputView out) throws IOException {
    serialize(deserialize(in), out);
  }

  @Override
  public boolean isImmutableType() {
    return true;
  }

  @Override
  public TypeSerializer<T> duplicate() {
    return fresh();
  }

  @Override
  public T createInstance() {
    return null;
  }

  @Override
  public T copy(T from) {
    return from;
  }

  @Override
  public T copy(T from, T reuse) {
    return from;
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass();
  }

  @Override
  public int hashCode() {
    return getClass().hashCode();
  }

  Class<T> type() {
    return type;
  }
}
