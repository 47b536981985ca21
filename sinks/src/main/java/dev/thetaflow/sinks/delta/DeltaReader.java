package dev.thetaflow.sinks.delta;

import io.delta.kernel.Scan;
import io.delta.kernel.ScanBuilder;
import io.delta.kernel.Snapshot;
import io.delta.kernel.SnapshotBuilder;
import io.delta.kernel.TableManager;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads a Delta table through Kernel: the latest version, a given version or the version current at
 * a timestamp (time travel), optionally only some partitions. Values come back as the sink takes
 * them ({@link RowConverter}): boxed numbers, String, LocalDate, Instant, BigDecimal, null.
 *
 * <p>Reading needs two of Kernel's internal helpers (the physical read schema of a scan and the
 * file status of a scan file); 4.4 has no public equivalent. They are confined to this class.
 */
public final class DeltaReader {
  private final Engine engine;

  public DeltaReader(Engine engine) {
    this.engine = engine;
  }

  /** A read of the table at {@code path}: latest version and all partitions until narrowed. */
  public Query table(String path) {
    return new Query(path);
  }

  /** The rows of one table version, each in the order of {@link #schema()}. */
  public record TableRows(long version, StructType schema, List<Object[]> rows) {
    /** The ordinal of {@code column}, or an error naming the columns there are. */
    public int column(String column) {
      int i = schema.indexOf(column);
      if (i < 0) {
        throw new IllegalArgumentException(
            "no column " + column + " in " + String.join(", ", schema.fieldNames()));
      }
      return i;
    }
  }

  /** What to read; build with the methods below, then {@link #read} or {@link #forEach}. */
  public final class Query {
    private final String path;
    private Long version;
    private Instant timestamp;
    private final List<Predicate> partitionFilters = new ArrayList<>();
    private final List<String> filteredColumns = new ArrayList<>();

    private Query(String path) {
      this.path = path;
    }

    /** The table as of {@code version} (time travel by version). */
    public Query atVersion(long version) {
      this.version = version;
      this.timestamp = null;
      return this;
    }

    /** The last version committed at or before {@code time} (time travel by timestamp). */
    public Query asOf(Instant time) {
      this.timestamp = time;
      this.version = null;
      return this;
    }

    /** Only rows whose partition column {@code column} equals {@code value}. */
    public Query wherePartition(String column, Object value) {
      partitionFilters.add(new Predicate("=", new Column(column), literal(column, value)));
      filteredColumns.add(column);
      return this;
    }

    /** Only rows whose partition column lies in {@code [from, to]}. */
    public Query wherePartitionBetween(String column, Object from, Object to) {
      partitionFilters.add(new Predicate(">=", new Column(column), literal(column, from)));
      partitionFilters.add(new Predicate("<=", new Column(column), literal(column, to)));
      filteredColumns.add(column);
      return this;
    }

    /** The snapshot this query reads. */
    public Snapshot snapshot() {
      SnapshotBuilder builder = TableManager.loadSnapshot(path);
      if (version != null) {
        builder = builder.atVersion(version);
      } else if (timestamp != null) {
        Snapshot latest = TableManager.loadSnapshot(path).build(engine);
        builder = builder.atTimestamp(timestamp.toEpochMilli(), latest);
      }
      Snapshot snapshot = builder.build(engine);
      for (String column : filteredColumns) {
        if (!snapshot.getPartitionColumnNames().contains(column)) {
          throw new IllegalArgumentException(
              "table at "
                  + path
                  + ": "
                  + column
                  + " is not a partition column (partitioned by "
                  + snapshot.getPartitionColumnNames()
                  + ")");
        }
      }
      return snapshot;
    }

    /** Every selected row, in memory. */
    public TableRows read() {
      List<Object[]> rows = new ArrayList<>();
      Snapshot snapshot = forEach(rows::add);
      return new TableRows(snapshot.getVersion(), snapshot.getSchema(), rows);
    }

    /** Streams the selected rows to {@code sink}; returns the snapshot read. */
    public Snapshot forEach(Consumer<Object[]> sink) {
      Snapshot snapshot = snapshot();
      ScanBuilder builder = snapshot.getScanBuilder();
      Optional<Predicate> filter = and(partitionFilters);
      if (filter.isPresent()) {
        builder = builder.withFilter(filter.get());
      }
      Scan scan = builder.build();
      Row scanState = scan.getScanState(engine);
      StructType physical = ScanStateRow.getPhysicalDataReadSchema(scanState);
      try (CloseableIterator<FilteredColumnarBatch> files = scan.getScanFiles(engine)) {
        while (files.hasNext()) {
          try (CloseableIterator<Row> scanFiles = files.next().getRows()) {
            while (scanFiles.hasNext()) {
              readFile(scanState, physical, scanFiles.next(), sink);
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("reading table at " + path + " failed", e);
      }
      return snapshot;
    }

    private void readFile(Row scanState, StructType physical, Row scanFile, Consumer<Object[]> sink)
        throws IOException {
      FileStatus status = InternalScanFileUtils.getAddFileStatus(scanFile);
      CloseableIterator<ColumnarBatch> physicalData =
          engine
              .getParquetHandler()
              .readParquetFiles(one(status), physical, Optional.empty())
              .map(result -> result.getData());
      try (CloseableIterator<FilteredColumnarBatch> logical =
          Scan.transformPhysicalData(engine, scanState, scanFile, physicalData)) {
        while (logical.hasNext()) {
          FilteredColumnarBatch batch = logical.next();
          emit(batch, sink);
        }
      }
    }

    private Literal literal(String column, Object value) {
      return DeltaTables.partitionLiteral("partition filter on " + column, value);
    }
  }

  private static Optional<Predicate> and(List<Predicate> predicates) {
    Predicate out = null;
    for (Predicate p : predicates) {
      out = out == null ? p : new Predicate("AND", out, p);
    }
    return Optional.ofNullable(out);
  }

  private static void emit(FilteredColumnarBatch batch, Consumer<Object[]> sink) {
    ColumnarBatch data = batch.getData();
    Optional<ColumnVector> selection = batch.getSelectionVector();
    int columns = data.getSchema().length();
    ColumnVector[] vectors = new ColumnVector[columns];
    for (int c = 0; c < columns; c++) {
      vectors[c] = data.getColumnVector(c);
    }
    for (int r = 0; r < data.getSize(); r++) {
      if (selection.isPresent()
          && (selection.get().isNullAt(r) || !selection.get().getBoolean(r))) {
        continue;
      }
      Object[] row = new Object[columns];
      for (int c = 0; c < columns; c++) {
        row[c] = value(vectors[c], r);
      }
      sink.accept(row);
    }
  }

  /** One value of a column vector as the Java type the sink takes for its Delta type. */
  public static Object value(ColumnVector vector, int row) {
    if (vector.isNullAt(row)) {
      return null;
    }
    DataType type = vector.getDataType();
    if (type instanceof LongType) {
      return vector.getLong(row);
    } else if (type instanceof IntegerType) {
      return vector.getInt(row);
    } else if (type instanceof DoubleType) {
      return vector.getDouble(row);
    } else if (type instanceof StringType) {
      return vector.getString(row);
    } else if (type instanceof BooleanType) {
      return vector.getBoolean(row);
    } else if (type instanceof DateType) {
      return LocalDate.ofEpochDay(vector.getInt(row));
    } else if (type instanceof TimestampType) {
      return Instant.EPOCH.plus(vector.getLong(row), ChronoUnit.MICROS);
    } else if (type instanceof DecimalType) {
      return vector.getDecimal(row);
    }
    throw new IllegalArgumentException("column type " + type + " is not read by thetaflow");
  }

  private static <T> CloseableIterator<T> one(T item) {
    return DeltaTables.iterator(List.of(item));
  }
}
