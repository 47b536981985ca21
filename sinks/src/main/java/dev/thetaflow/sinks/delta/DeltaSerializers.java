package dev.thetaflow.sinks.delta;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Versioned serializers for what travels through checkpoints and savepoints. Version 1 is the
 * layout below; a later release adds a version and keeps reading this one, so a savepoint taken now
 * restores then.
 */
final class DeltaSerializers {
  private DeltaSerializers() {}

  static final class Committables implements SimpleVersionedSerializer<DeltaCommittable> {
    @Override
    public int getVersion() {
      return 1;
    }

    @Override
    public byte[] serialize(DeltaCommittable c) throws IOException {
      DataOutputSerializer out = new DataOutputSerializer(256);
      out.writeLong(c.checkpointId());
      writeFiles(out, c.files());
      return out.getCopyOfBuffer();
    }

    @Override
    public DeltaCommittable deserialize(int version, byte[] bytes) throws IOException {
      requireVersion(version);
      DataInputDeserializer in = new DataInputDeserializer(bytes);
      long checkpointId = in.readLong();
      return new DeltaCommittable(checkpointId, readFiles(in));
    }
  }

  static final class Staged implements SimpleVersionedSerializer<StagedFiles> {
    @Override
    public int getVersion() {
      return 1;
    }

    @Override
    public byte[] serialize(StagedFiles s) throws IOException {
      DataOutputSerializer out = new DataOutputSerializer(256);
      writeFiles(out, s.files());
      return out.getCopyOfBuffer();
    }

    @Override
    public StagedFiles deserialize(int version, byte[] bytes) throws IOException {
      requireVersion(version);
      return new StagedFiles(readFiles(new DataInputDeserializer(bytes)));
    }
  }

  private static void requireVersion(int version) throws IOException {
    if (version != 1) {
      throw new IOException(
          "unknown Delta sink serializer version " + version + "; this build reads 1");
    }
  }

  private static void writeFiles(DataOutputSerializer out, List<DataFile> files)
      throws IOException {
    out.writeInt(files.size());
    for (DataFile f : files) {
      out.writeUTF(f.path());
      out.writeLong(f.size());
      out.writeLong(f.modificationTime());
      out.writeBoolean(f.statisticsJson() != null);
      if (f.statisticsJson() != null) {
        byte[] stats = f.statisticsJson().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(stats.length); // writeUTF caps at 64 KiB; statistics of a wide table may not
        out.write(stats);
      }
      out.writeInt(f.partitionValues().size());
      for (Map.Entry<String, String> e : f.partitionValues().entrySet()) {
        out.writeUTF(e.getKey());
        out.writeUTF(e.getValue());
      }
    }
  }

  private static List<DataFile> readFiles(DataInputDeserializer in) throws IOException {
    int count = in.readInt();
    List<DataFile> files = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String path = in.readUTF();
      long size = in.readLong();
      long mtime = in.readLong();
      String stats = null;
      if (in.readBoolean()) {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        stats = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
      }
      int partitions = in.readInt();
      Map<String, String> values = new LinkedHashMap<>();
      for (int p = 0; p < partitions; p++) {
        values.put(in.readUTF(), in.readUTF());
      }
      files.add(new DataFile(path, size, mtime, stats, values));
    }
    return files;
  }
}
