package dev.thetaflow.sinks.delta;

import io.delta.storage.HDFSLogStore;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/**
 * Delta's log store for local tables, listing {@code _delta_log} by name before anything else.
 * Every snapshot load lists the log from the last checkpoint on; the stock store lists the whole
 * directory and builds a Hadoop status and path for every entry, which at version 5,000 (~21,000
 * entries) cost ~200 ms per load. This one reads the names, keeps those at or after the start
 * (about 20), and only then reads their attributes. Writes are the stock atomic rename.
 */
public class NioLogStore extends HDFSLogStore {

  /** The Kernel option that makes local tables use this store. */
  static void install(Configuration conf) {
    conf.set("io.delta.kernel.logStore.file.impl", NioLogStore.class.getName());
  }

  public NioLogStore(Configuration conf) {
    super(conf);
  }

  @Override
  public Iterator<FileStatus> listFrom(Path path, Configuration hadoopConf) throws IOException {
    String scheme = path.toUri().getScheme();
    if (scheme != null && !scheme.equals("file")) {
      return super.listFrom(path, hadoopConf);
    }
    Path parent = path.getParent();
    java.nio.file.Path dir = java.nio.file.Path.of(parent.toUri().getPath());
    String start = path.getName();
    List<String> names = new ArrayList<>();
    try (DirectoryStream<java.nio.file.Path> entries = Files.newDirectoryStream(dir)) {
      for (java.nio.file.Path entry : entries) {
        String name = entry.getFileName().toString();
        if (name.compareTo(start) >= 0) {
          names.add(name);
        }
      }
    } catch (NoSuchFileException e) {
      throw new FileNotFoundException("No such file or directory: " + parent);
    }
    names.sort(Comparator.naturalOrder());
    List<FileStatus> out = new ArrayList<>(names.size());
    for (String name : names) {
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(dir.resolve(name), BasicFileAttributes.class);
      } catch (NoSuchFileException goneMeanwhile) {
        continue;
      }
      if (a.isRegularFile()) {
        out.add(
            new FileStatus(
                a.size(), false, 1, 0, a.lastModifiedTime().toMillis(), new Path(parent, name)));
      }
    }
    return out.iterator();
  }
}
