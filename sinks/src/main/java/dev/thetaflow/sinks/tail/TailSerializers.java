package dev.thetaflow.sinks.tail;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** Versioned forms of the tail source's split and enumerator state, for checkpoints. */
final class TailSerializers {
  private TailSerializers() {}

  static void write(DataOutputStream out, TailSplit split) throws IOException {
    out.writeUTF(split.tablePath());
    out.writeLong(split.version());
    out.writeInt(split.skipRows());
  }

  static TailSplit read(DataInputStream in) throws IOException {
    return new TailSplit(in.readUTF(), in.readLong(), in.readInt());
  }

  static final class Splits implements SimpleVersionedSerializer<TailSplit> {
    @Override
    public int getVersion() {
      return 1;
    }

    @Override
    public byte[] serialize(TailSplit split) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        write(out, split);
      }
      return bytes.toByteArray();
    }

    @Override
    public TailSplit deserialize(int version, byte[] serialized) throws IOException {
      if (version != 1) {
        throw new IOException("tail split version " + version + " is unknown (this build reads 1)");
      }
      try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(serialized))) {
        return read(in);
      }
    }
  }

  static final class EnumeratorState implements SimpleVersionedSerializer<TailEnumerator.State> {
    @Override
    public int getVersion() {
      return 1;
    }

    @Override
    public byte[] serialize(TailEnumerator.State state) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeBoolean(state.created());
        out.writeBoolean(state.unassigned() != null);
        if (state.unassigned() != null) {
          write(out, state.unassigned());
        }
      }
      return bytes.toByteArray();
    }

    @Override
    public TailEnumerator.State deserialize(int version, byte[] serialized) throws IOException {
      if (version != 1) {
        throw new IOException(
            "tail enumerator state version " + version + " is unknown (this build reads 1)");
      }
      try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(serialized))) {
        boolean created = in.readBoolean();
        TailSplit split = in.readBoolean() ? read(in) : null;
        return new TailEnumerator.State(split, created);
      }
    }
  }
}
