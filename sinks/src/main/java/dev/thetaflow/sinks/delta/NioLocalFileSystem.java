package dev.thetaflow.sinks.delta;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system without its forks. Without Hadoop's native library (not shipped for
 * this platform), {@link RawLocalFileSystem} runs {@code chmod} for every file it creates and
 * {@code readlink} for every link status, a process start each: appending 100 rows and committing
 * them cost ~20 forks and ~1 s on a 2-core box. This subclass does the same through java.nio.
 *
 * <p>It is also raw: no {@code .crc} sidecar files. Parquet pages and Delta checkpoints carry their
 * own checksums, and the sidecars doubled the files in every table directory.
 */
public class NioLocalFileSystem extends RawLocalFileSystem {

  /** Hadoop options that make {@code file:} URIs use this file system, for both Hadoop APIs. */
  static void install(Configuration conf) {
    conf.set("fs.file.impl", NioLocalFileSystem.class.getName());
    // FileSystem's cache is keyed by scheme and user, not by configuration: another component of
    // the JVM (Flink, a test reader) may have cached Hadoop's own local file system for file:
    conf.setBoolean("fs.file.impl.disable.cache", true);
    conf.set("fs.AbstractFileSystem.file.impl", Fs.class.getName());
  }

  @Override
  public FileStatus getFileStatus(Path f) throws IOException {
    return status(f, true);
  }

  @Override
  public FileStatus getFileLinkStatus(Path f) throws IOException {
    return status(f, false);
  }

  /**
   * One directory read and one attribute read per entry, without owner or group lookups: Delta
   * lists {@code _delta_log} on every snapshot load and needs only names, sizes and times; at
   * version 5,000 Hadoop's listing of the ~10,000 entries took 1-3 s, this takes milliseconds.
   */
  @Override
  public FileStatus[] listStatus(Path f) throws IOException {
    java.nio.file.Path dir = pathToFile(f).toPath();
    if (!Files.isDirectory(dir)) {
      return new FileStatus[] {getFileStatus(f)};
    }
    List<FileStatus> out = new ArrayList<>();
    Path qualified = f.makeQualified(getUri(), getWorkingDirectory());
    try (DirectoryStream<java.nio.file.Path> entries = Files.newDirectoryStream(dir)) {
      for (java.nio.file.Path entry : entries) {
        BasicFileAttributes a;
        try {
          a = Files.readAttributes(entry, BasicFileAttributes.class);
        } catch (NoSuchFileException goneMeanwhile) {
          continue;
        }
        out.add(
            new FileStatus(
                a.size(),
                a.isDirectory(),
                1,
                getDefaultBlockSize(f),
                a.lastModifiedTime().toMillis(),
                new Path(qualified, entry.getFileName().toString())));
      }
    } catch (NoSuchFileException e) {
      throw new FileNotFoundException("File " + f + " does not exist");
    }
    return out.toArray(new FileStatus[0]);
  }

  @Override
  public void setPermission(Path p, FsPermission permission) throws IOException {
    Files.setPosixFilePermissions(pathToFile(p).toPath(), posix(permission));
  }

  private FileStatus status(Path f, boolean followLinks) throws IOException {
    java.nio.file.Path file = pathToFile(f).toPath();
    PosixFileAttributes a;
    try {
      a =
          followLinks
              ? Files.readAttributes(file, PosixFileAttributes.class)
              : Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      // Hadoop's contract, which Kernel relies on for an absent _last_checkpoint
      throw new FileNotFoundException("File " + f + " does not exist");
    }
    Path link = a.isSymbolicLink() ? new Path(Files.readSymbolicLink(file).toString()) : null;
    return new FileStatus(
        a.size(),
        a.isDirectory(),
        1,
        getDefaultBlockSize(f),
        a.lastModifiedTime().toMillis(),
        a.lastAccessTime().toMillis(),
        fsPermission(a.permissions()),
        a.owner().getName(),
        a.group().getName(),
        link,
        f.makeQualified(getUri(), getWorkingDirectory()));
  }

  private static Set<PosixFilePermission> posix(FsPermission permission) {
    short mode = permission.toShort();
    Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE
    for (int i = 0; i < 9; i++) {
      if ((mode & (1 << (8 - i))) != 0) {
        out.add(bits[i]);
      }
    }
    return out;
  }

  private static FsPermission fsPermission(Set<PosixFilePermission> permissions) {
    int mode = 0;
    for (PosixFilePermission p : permissions) {
      mode |= 1 << (8 - p.ordinal());
    }
    return new FsPermission((short) mode);
  }

  /** The same file system behind Hadoop's FileContext API, which Kernel uses for the log. */
  public static final class Fs extends DelegateToFileSystem {
    public Fs(URI uri, Configuration conf) throws IOException, URISyntaxException {
      super(uri, new NioLocalFileSystem(), conf, "file", false);
    }

    @Override
    public int getUriDefaultPort() {
      return -1;
    }
  }
}
