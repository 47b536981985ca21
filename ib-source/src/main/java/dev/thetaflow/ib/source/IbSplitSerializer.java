package dev.thetaflow.ib.source;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** Versioned forms of the IB source's split and enumerator state (a list of splits). */
final class IbSplitSerializer implements SimpleVersionedSerializer<IbSplit> {
  @Override
  public int getVersion() {
    return 1;
  }

  @Override
  public byte[] serialize(IbSplit split) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(split.clientId());
      out.writeLong(split.lastFillMillis());
      out.writeInt(split.recentExecIds().size());
      for (String execId : split.recentExecIds()) {
        out.writeUTF(execId);
      }
    }
    return bytes.toByteArray();
  }

  @Override
  public IbSplit deserialize(int version, byte[] serialized) throws IOException {
    if (version != 1) {
      throw new IOException("IB split version " + version + " is unknown (this build reads 1)");
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
      int clientId = in.readInt();
      long lastFill = in.readLong();
      int n = in.readInt();
      List<String> recent = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        recent.add(in.readUTF());
      }
      return new IbSplit(clientId, lastFill, recent);
    }
  }

  /** The enumerator's state: the splits no reader holds. */
  static final class Unassigned implements SimpleVersionedSerializer<List<IbSplit>> {
    private final IbSplitSerializer splits = new IbSplitSerializer();

    @Override
    public int getVersion() {
      return 1;
    }

    @Override
    public byte[] serialize(List<IbSplit> state) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeInt(state.size());
        for (IbSplit s : state) {
          byte[] one = splits.serialize(s);
          out.writeInt(one.length);
          out.write(one);
        }
      }
      return bytes.toByteArray();
    }

    @Override
    public List<IbSplit> deserialize(int version, byte[] serialized) throws IOException {
      if (version != 1) {
        throw new IOException(
            "IB enumerator state version " + version + " is unknown (this build reads 1)");
      }
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
        int n = in.readInt();
        List<IbSplit> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          byte[] one = new byte[in.readInt()];
          in.readFully(one);
          out.add(splits.deserialize(1, one));
        }
        return out;
      }
    }
  }
}
