package dev.thetaflow.benchmarks.sinks;

import dev.thetaflow.sinks.delta.DataFile;
import dev.thetaflow.sinks.delta.DeltaTableSpec;
import dev.thetaflow.sinks.delta.DeltaTables;
import dev.thetaflow.sinks.delta.RowConverter;
import dev.thetaflow.sinks.tables.Tables;
import io.delta.kernel.defaults.engine.DefaultEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Delta writer path for {@code market_data} rows on one thread: {@link RowConverter} → schema
 * check → {@code RowBatch} → Kernel's {@code transformLogicalData} → Parquet, through {@link
 * DeltaTables#stage} (what {@code DeltaSinkWriter} calls at each checkpoint). Each operation stages
 * {@code rows} quotes of one trade date (20 underlyings, their option chains and a few stock rows,
 * varied prices and Greeks) into a temp table. The secondary results {@code rows} and {@code files}
 * are rows and Parquet files per second; target ≥ 300,000 rows/s per writer core.
 *
 * <p>{@code layout=partitioned} is {@code Tables.MARKET_DATA} as declared (partitioned by
 * trade_date). {@code layout=unpartitioned} is the same schema without partition columns: the same
 * path except that trade_date is written as a column instead of dropped, so it isolates the cost of
 * RowBatch, Kernel and Parquet from the partition grouping in {@code DeltaTables.stage}.
 *
 * <p>On a shared machine wall-clock rows/s understate a core's rate, so each iteration also prints
 * rows per CPU-second of the benchmark thread ({@code rows/cpu-s}).
 *
 * <p>Staged files are deleted after each operation (outside the measurement) so the disk does not
 * fill; nothing is committed, as in the writer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class DeltaWriteBenchmark {
  @Param({"100000"})
  public int rows;

  @Param({"partitioned", "unpartitioned"})
  public String layout;

  /**
   * {@code default}: the engine {@code DeltaTables.withDefaultEngine()} makes. {@code
   * nodictionary}: the same with Parquet's dictionary encoding off (Hadoop key {@code
   * parquet.enable.dictionary}), which prices doubles that rarely repeat.
   */
  @Param({"default"})
  public String parquet;

  private static final String[] UNDERLYINGS = {
    "SPY", "QQQ", "IWM", "DIA", "AAPL", "MSFT", "NVDA", "AMZN", "TSLA", "META",
    "GOOGL", "AMD", "NFLX", "JPM", "XOM", "BAC", "COIN", "PLTR", "SMCI", "GLD"
  };
  private static final LocalDate TRADE_DATE = LocalDate.of(2026, 11, 24);

  /** One market-data update as the job's quote stream carries it. */
  record Quote(
      Instant eventTime,
      int conId,
      String symbol,
      String secType,
      LocalDate expiry,
      Double strike,
      String right,
      double bid,
      double ask,
      double last,
      long bidSize,
      long askSize,
      double underlyingPrice,
      Double iv,
      String ivStatus,
      Double delta,
      Double gamma,
      Double vega,
      Double theta,
      Double ibIv,
      Double ibDelta,
      boolean stale) {}

  /** Quote → market_data row, in the schema's column order. */
  static final RowConverter<Quote> CONVERTER =
      q ->
          new Object[] {
            TRADE_DATE,
            q.eventTime(),
            "bench-job",
            7L,
            q.conId(),
            q.symbol(),
            q.secType(),
            q.expiry(),
            q.strike(),
            q.right(),
            q.bid(),
            q.ask(),
            q.last(),
            q.bidSize(),
            q.askSize(),
            q.underlyingPrice(),
            q.iv(),
            q.ivStatus(),
            q.delta(),
            q.gamma(),
            q.vega(),
            q.theta(),
            q.ibIv(),
            q.ibDelta(),
            q.stale()
          };

  /** Per-second counts JMH reports next to the operation rate. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Written {
    public long rows;
    public long files;
  }

  private Path dir;
  private String table;
  private DeltaTableSpec spec;
  private DeltaTables tables;
  private Quote[] quotes;
  private List<DataFile> staged = List.of();
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private long iterationRows;
  private long iterationCpuNanos;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("delta-write-bench");
    table = dir.resolve("market_data").toString();
    Configuration conf = new Configuration();
    if (parquet.equals("nodictionary")) {
      conf.setBoolean("parquet.enable.dictionary", false);
    } else if (!parquet.equals("default")) {
      throw new IllegalArgumentException("parquet " + parquet);
    }
    tables = new DeltaTables(DefaultEngine.create(conf));
    spec =
        switch (layout) {
          case "partitioned" -> Tables.MARKET_DATA;
          case "unpartitioned" ->
              new DeltaTableSpec(
                  "market_data",
                  Tables.MARKET_DATA.schema(),
                  List.of(),
                  Tables.MARKET_DATA.properties());
          default -> throw new IllegalArgumentException("layout " + layout);
        };
    tables.createIfMissing(table, spec);
    quotes = quotes(rows, 42);
  }

  static Quote[] quotes(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] spots = new double[UNDERLYINGS.length];
    for (int u = 0; u < spots.length; u++) {
      spots[u] = 20 + random.nextDouble() * 600;
    }
    Instant open = TRADE_DATE.atTime(14, 30).toInstant(java.time.ZoneOffset.UTC);
    Quote[] out = new Quote[n];
    for (int i = 0; i < n; i++) {
      int u = random.nextInt(UNDERLYINGS.length);
      spots[u] *= 1 + (random.nextDouble() - 0.5) * 1e-4; // a random walk per underlying
      double spot = round(spots[u], 0.01);
      Instant t = open.plusNanos(i * 234_000_000L / 1_000); // 100k rows over ~23 s of the session
      if (random.nextInt(50) == 0) { // the underlying's own quote: no option fields
        out[i] =
            new Quote(
                t,
                1000 + u,
                UNDERLYINGS[u],
                "STK",
                null,
                null,
                null,
                spot - 0.01,
                spot + 0.01,
                spot,
                random.nextLong(1, 5000),
                random.nextLong(1, 5000),
                spot,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false);
        continue;
      }
      boolean call = random.nextBoolean();
      int days = 1 + random.nextInt(400);
      double strike = round(spot * (0.7 + 0.6 * random.nextDouble()), spot > 100 ? 5 : 1);
      double vol = 0.1 + 0.6 * random.nextDouble();
      double mid = Math.max(0.01, round(Math.abs(spot - strike) * 0.3 + vol * spot * 0.05, 0.01));
      double spread = round(0.01 + mid * 0.02, 0.01);
      boolean solved = random.nextInt(20) != 0;
      double delta = call ? random.nextDouble() : -random.nextDouble();
      out[i] =
          new Quote(
              t,
              100_000 + u * 10_000 + random.nextInt(10_000),
              UNDERLYINGS[u],
              "OPT",
              TRADE_DATE.plusDays(days),
              strike,
              call ? "C" : "P",
              mid - spread / 2,
              mid + spread / 2,
              mid,
              random.nextLong(1, 500),
              random.nextLong(1, 500),
              spot,
              solved ? vol : null,
              solved ? "OK" : "NO_SOLUTION",
              solved ? delta : null,
              solved ? random.nextDouble() * 0.1 : null,
              solved ? random.nextDouble() * spot * 0.01 : null,
              solved ? -random.nextDouble() * 0.5 : null,
              vol + (random.nextDouble() - 0.5) * 0.01,
              delta + (random.nextDouble() - 0.5) * 0.01,
              random.nextInt(100) == 0);
    }
    return out;
  }

  private static double round(double x, double tick) {
    return Math.round(x / tick) * tick;
  }

  @Setup(Level.Iteration)
  public void startIteration() {
    iterationRows = 0;
    iterationCpuNanos = 0;
  }

  @TearDown(Level.Iteration)
  public void endIteration() {
    System.out.printf(" [%,.0f rows/cpu-s] ", iterationRows / (iterationCpuNanos / 1e9));
  }

  @Benchmark
  public List<DataFile> convertAndStage(Written written) {
    long cpu = threads.getCurrentThreadCpuTime();
    List<Object[]> values = new ArrayList<>(quotes.length);
    for (Quote q : quotes) {
      values.add(CONVERTER.toRow(q));
    }
    staged = tables.stage(table, spec, values);
    written.rows += values.size();
    written.files += staged.size();
    iterationCpuNanos += threads.getCurrentThreadCpuTime() - cpu;
    iterationRows += values.size();
    return staged;
  }

  @TearDown(Level.Invocation)
  public void deleteStaged() throws IOException {
    for (DataFile f : staged) {
      Path file = Path.of(URI.create(f.path()));
      Files.deleteIfExists(file);
      // Hadoop's local file system writes a checksum file beside each data file
      Files.deleteIfExists(file.resolveSibling("." + file.getFileName() + ".crc"));
    }
    staged = List.of();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(DeltaWriteBenchmark::delete);
    }
  }

  private static void delete(Path p) {
    try {
      Files.delete(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
