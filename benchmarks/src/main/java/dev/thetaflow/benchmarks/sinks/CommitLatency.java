package dev.thetaflow.benchmarks.sinks;

import dev.thetaflow.sinks.delta.DataFile;
import dev.thetaflow.sinks.delta.DeltaTables;
import dev.thetaflow.sinks.tables.Tables;
import io.delta.kernel.TableManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Commit latency of {@link DeltaTables#commit} on a young and on an old {@code market_data} table:
 * each commit adds one ~100-row Parquet file under an appId with the next version, as one writer's
 * checkpoint does, and the table keeps {@code Tables.MARKET_DATA}'s properties ({@code
 * delta.checkpointInterval=10}), so every tenth commit also writes the log checkpoint.
 *
 * <p>Prints p50/p90/p99 over a window of commits around version 10 (many fresh tables, versions
 * 6–15 of each, after a warm-up table so the JIT is not what is measured) and around version N
 * (versions N−50 … N+49 of one table). Every commit adds a hard link of one staged file (the log is
 * what matters, not the bytes). The old table is grown by writing its log directly (see
 * buildDirectly; committing 5,000 times takes too long on a shared machine), then settled by ten
 * real commits before the window. Then it times the parts of a commit separately: snapshot load,
 * the appId lookup, and a listing of {@code _delta_log}.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.thetaflow.benchmarks.sinks.CommitLatency
 * [N=5000] [dir=a new temp dir]}
 */
public final class CommitLatency {
  private static final String APP_ID = "commit-latency";
  private static final int ROWS_PER_FILE = 100;
  private static final int WINDOW = 100;

  // as the sink commits: log checkpoints on a background thread, off the commit path
  private final DeltaTables tables =
      DeltaTables.withDefaultEngine().withBackgroundPostCommitHooks();
  private int linked;
  private DataFile template;

  private CommitLatency() {}

  public static void main(String[] args) throws IOException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    if (n < WINDOW) {
      throw new IllegalArgumentException("N must be at least " + WINDOW + ", was " + n);
    }
    Path dir =
        args.length > 1
            ? Files.createDirectories(Path.of(args[1]))
            : Files.createTempDirectory("commit-latency");
    try {
      new CommitLatency().run(dir, n);
    } finally {
      if (args.length <= 1) {
        deleteTree(dir);
      }
    }
  }

  private void run(Path dir, int n) {
    // warm-up: one table through 100 commits, not reported, so the JIT is not what is measured
    String warm = create(dir, "warmup");
    template = stageTemplate(warm);
    for (long v = 1; v <= 100; v++) {
      commitTimed(warm, v);
    }

    // around version 10: versions 6..15 of ten fresh tables (one checkpoint in each stretch)
    long[] young = new long[WINDOW];
    for (int t = 0, i = 0; t < WINDOW / 10; t++) {
      String path = create(dir, "young" + t);
      for (long v = 1; v <= 15; v++) {
        long nanos = commitTimed(path, v);
        if (v >= 6) {
          young[i++] = nanos;
        }
      }
    }
    report("around v10 (v6-15 of 10 tables)", young);
    Breakdown atTen = breakdown(dir.resolve("young0").toString());

    // grow one table to N - 51 quickly (see buildDirectly), settle it with 10 real commits, then
    // measure v(N-50)..v(N+49)
    String old = create(dir, "old");
    long start = System.nanoTime();
    int built = n - WINDOW / 2 - 1;
    buildDirectly(old, built - 10);
    for (long v = built - 9; v <= built; v++) {
      commitTimed(old, v);
    }
    System.out.printf("built %d versions in %.1f s%n", built, (System.nanoTime() - start) / 1e9);
    long[] aged = new long[WINDOW];
    for (int i = 0; i < WINDOW; i++) {
      aged[i] = commitTimed(old, built + 1 + i);
    }
    report("around v" + n + " (v" + (built + 1) + "-" + (built + WINDOW) + ")", aged);
    Breakdown atN = breakdown(old);

    System.out.println();
    System.out.printf(
        "read side of a commit (median of 20)   at v15       at v%d%n", built + WINDOW);
    System.out.printf(
        "  load snapshot                      %8.1f ms  %8.1f ms%n", atTen.load, atN.load);
    System.out.printf(
        "  + getLatestTransactionVersion      %8.1f ms  %8.1f ms%n", atTen.txn, atN.txn);
    System.out.printf(
        "  list _delta_log (java.nio)         %8.1f ms  %8.1f ms%n", atTen.list, atN.list);
    System.out.printf(
        "  _delta_log entries                 %8d     %8d%n", atTen.entries, atN.entries);
    System.out.println("  _last_checkpoint at the end: " + atN.lastCheckpoint);
  }

  private String create(Path dir, String name) {
    String path = dir.resolve(name).toString();
    tables.createIfMissing(path, Tables.MARKET_DATA);
    return path;
  }

  /**
   * Writes versions 2..{@code upTo} straight into {@code _delta_log} as copies of the commit Kernel
   * wrote for version 1 (its own txn version and file name each), has Kernel checkpoint version
   * {@code upTo}, then adds the entries a log grown by real commits holds for the older versions
   * (Kernel's {@code .crc}, Hadoop's {@code .*.crc} checksums, a checkpoint every ten versions) as
   * empty files: nothing reads them, but every listing of the directory walks them.
   */
  private void buildDirectly(String path, long upTo) {
    commitTimed(path, 1);
    Path log = Path.of(path, "_delta_log");
    try {
      String first = Files.readString(log.resolve(logName(1, "json")));
      for (long v = 2; v <= upTo; v++) {
        String json =
            first
                .replace("\"version\":1,", "\"version\":" + v + ",")
                .replaceFirst("linked-\\d+\\.parquet", "built-" + v + ".parquet");
        Files.writeString(log.resolve(logName(v, "json")), json);
      }
      TableManager.loadSnapshot(path).build(tables.engine()).writeCheckpoint(tables.engine());
      for (long v = 1; v < upTo; v++) {
        List<String> pads =
            new ArrayList<>(List.of(logName(v, "crc"), "." + logName(v, "crc") + ".crc"));
        if (v > 1) {
          pads.add("." + logName(v, "json") + ".crc");
        }
        if (v % 10 == 0) {
          pads.add(logName(v, "checkpoint.parquet"));
          pads.add("." + logName(v, "checkpoint.parquet") + ".crc");
        }
        for (String pad : pads) {
          if (!Files.exists(log.resolve(pad))) {
            Files.createFile(log.resolve(pad));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String logName(long version, String suffix) {
    return String.format("%020d.%s", version, suffix);
  }

  /**
   * Stages {@value #ROWS_PER_FILE} market_data rows once; every commit then adds a hard link of the
   * first file written, under a new name in its own table, so a commit costs what a writer's does
   * without staging Parquet each time.
   */
  private DataFile stageTemplate(String path) {
    List<Object[]> rows = new ArrayList<>(ROWS_PER_FILE);
    for (DeltaWriteBenchmark.Quote q : DeltaWriteBenchmark.quotes(ROWS_PER_FILE, 1)) {
      rows.add(DeltaWriteBenchmark.CONVERTER.toRow(q));
    }
    long t0 = System.nanoTime();
    List<DataFile> files = tables.stage(path, Tables.MARKET_DATA, rows);
    System.out.printf(
        "staged %d rows as %d file(s) in %.0f ms%n",
        ROWS_PER_FILE, files.size(), (System.nanoTime() - t0) / 1e6);
    return files.get(0);
  }

  /** Commits one new file at {@code version} under the appId; returns the commit's nanoseconds. */
  private long commitTimed(String path, long version) {
    List<DataFile> files = List.of(link(path));
    long t0 = System.nanoTime();
    if (tables.commit(path, Tables.MARKET_DATA, files, APP_ID, version).isEmpty()) {
      throw new IllegalStateException(path + ": version " + version + " was not committed");
    }
    return System.nanoTime() - t0;
  }

  /** A new file in {@code table} with the template's bytes (a hard link) and its own name. */
  private DataFile link(String table) {
    Path source = Path.of(URI.create(template.path()));
    Path partition = Path.of(table).resolve(source.getParent().getFileName());
    Path target = partition.resolve("linked-" + (linked++) + ".parquet");
    try {
      Files.createDirectories(partition);
      Files.createLink(target, source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new DataFile(
        target.toUri().toString(),
        template.size(),
        template.modificationTime(),
        template.statisticsJson(),
        template.partitionValues());
  }

  private record Breakdown(
      double load, double txn, double list, long entries, String lastCheckpoint) {}

  /** Medians over 20 repetitions of the read side of a commit on the table as it stands. */
  private Breakdown breakdown(String path) {
    int reps = 20;
    long[] load = new long[reps];
    long[] txn = new long[reps];
    long[] list = new long[reps];
    long entries = 0;
    Path log = Path.of(path, "_delta_log");
    for (int i = 0; i < reps; i++) {
      long t0 = System.nanoTime();
      var snapshot = TableManager.loadSnapshot(path).build(tables.engine());
      long t1 = System.nanoTime();
      snapshot.getLatestTransactionVersion(tables.engine(), APP_ID);
      long t2 = System.nanoTime();
      try (Stream<Path> files = Files.list(log)) {
        entries = files.count();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      long t3 = System.nanoTime();
      load[i] = t1 - t0;
      txn[i] = t2 - t0;
      list[i] = t3 - t2;
    }
    String last;
    try {
      last = Files.readString(log.resolve("_last_checkpoint")).trim();
    } catch (IOException e) {
      last = "none (" + e.getMessage() + ")";
    }
    return new Breakdown(median(load) / 1e6, median(txn) / 1e6, median(list) / 1e6, entries, last);
  }

  private static void report(String what, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "commit latency %s, n=%d: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        what,
        sorted.length,
        percentile(sorted, 0.50) / 1e6,
        percentile(sorted, 0.90) / 1e6,
        percentile(sorted, 0.99) / 1e6,
        sorted[sorted.length - 1] / 1e6);
  }

  /** Nearest-rank percentile of a sorted array. */
  private static long percentile(long[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
