package dev.thetaflow.sinks.delta;

import io.delta.kernel.DataWriteContext;
import io.delta.kernel.Operation;
import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.Transaction;
import io.delta.kernel.TransactionCommitResult;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.ConcurrentTransactionException;
import io.delta.kernel.exceptions.TableNotFoundException;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.hook.PostCommitHook;
import io.delta.kernel.internal.actions.SingleAction;
import io.delta.kernel.statistics.DataFileStatistics;
import io.delta.kernel.transaction.DataLayoutSpec;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterable;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;

/**
 * Creating thetaflow's Delta tables and appending to them through Delta Kernel 4.4 (the
 * TableManager / Snapshot API), one transaction per call, idempotent by transaction id: an append
 * carries {@code (appId, version)} and is skipped if the table already holds that appId at that
 * version or later, so a retried or replayed append never writes a row twice.
 *
 * <p>Post-commit hooks are run (Kernel returns them and leaves running them to the caller): the log
 * checkpoint every {@code delta.checkpointInterval} commits keeps commits fast on a table that has
 * been written for months.
 */
public final class DeltaTables {
  static final String ENGINE_INFO = "thetaflow";
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DeltaTables.class);

  private final Engine engine;

  /**
   * Transaction state (table root, schema, partitioning) per table path, for staging. Loading a
   * snapshot for every staged file cost as much as writing it; the state only changes with the
   * table's metadata, which thetaflow evolves before a job starts, not while it writes.
   */
  private final Map<String, Row> stagingState = new java.util.concurrent.ConcurrentHashMap<>();

  /** Runs post-commit hooks: the committing thread, or a background one (see below). */
  private final Executor hooks;

  public DeltaTables(Engine engine) {
    this(engine, Runnable::run);
  }

  private DeltaTables(Engine engine, Executor hooks) {
    this.engine = engine;
    this.hooks = hooks;
  }

  /**
   * The same tables with post-commit hooks run on one background thread, off the commit path: a log
   * checkpoint of a table with thousands of live files takes 300-700 ms, and a commit should not
   * wait for it. A hook that comes while the previous one still runs is dropped: the next
   * checkpoint interval writes the next checkpoint, and checksum files are optional.
   */
  public DeltaTables withBackgroundPostCommitHooks() {
    ThreadPoolExecutor background =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, "delta-post-commit");
              t.setDaemon(true);
              t.setUncaughtExceptionHandler(
                  (thread, e) -> LOG.warn("post-commit hook failed; the next one retries", e));
              return t;
            },
            new ThreadPoolExecutor.DiscardPolicy());
    background.setKeepAliveTime(10, TimeUnit.SECONDS);
    background.allowCoreThreadTimeOut(true); // no idle thread left behind by a restarted job
    return new DeltaTables(engine, background);
  }

  /** An engine over the local or Hadoop-compatible file system of the default configuration. */
  public static DeltaTables withDefaultEngine() {
    return new DeltaTables(DefaultEngine.create(hadoopConfiguration()));
  }

  /** Like {@link #withDefaultEngine}, rolling staged files at {@code targetFileBytes}. */
  public static DeltaTables withTargetFileSize(long targetFileBytes) {
    Configuration conf = hadoopConfiguration();
    conf.setLong("delta.kernel.default.parquet.writer.targetMaxFileSize", targetFileBytes);
    return new DeltaTables(DefaultEngine.create(conf));
  }

  /** Hadoop's defaults, with {@code file:} on {@link NioLocalFileSystem}, parsed once. */
  public static Configuration hadoopConfiguration() {
    Configuration conf = new Configuration();
    NioLocalFileSystem.install(conf);
    NioLogStore.install(conf);
    conf.size(); // parse the XML defaults now: copies of a parsed configuration do not re-parse
    return conf;
  }

  public Engine engine() {
    return engine;
  }

  /** Creates the table at {@code path} unless it exists; returns true if it was created. */
  public boolean createIfMissing(String path, DeltaTableSpec table) {
    try {
      TableManager.loadSnapshot(path).build(engine);
      return false;
    } catch (TableNotFoundException e) {
      List<Column> partitions = new ArrayList<>();
      for (String name : table.partitionColumns()) {
        partitions.add(new Column(name));
      }
      var builder =
          TableManager.buildCreateTableTransaction(path, table.schema(), ENGINE_INFO)
              .withTableProperties(table.properties());
      if (!partitions.isEmpty()) {
        builder = builder.withDataLayoutSpec(DataLayoutSpec.partitioned(partitions));
      }
      builder.build(engine).commit(engine, CloseableIterable.emptyIterable());
      return true;
    }
  }

  /**
   * Gives the existing table at {@code path} the schema {@code table} declares, which must be the
   * table's schema with nullable columns appended (the one evolution thetaflow allows: old files
   * read the new columns as null). One metadata-only commit; false when nothing was missing.
   *
   * <p>Kernel 4.4 updates schemas only on tables with column mapping, which Delta Standalone and
   * older readers cannot read; adding nullable columns needs no mapping in the protocol, so the new
   * metadata action is committed through Kernel's transaction directly.
   */
  public boolean evolveSchema(String path, DeltaTableSpec table) {
    Snapshot snapshot = TableManager.loadSnapshot(path).build(engine);
    StructType existing = snapshot.getSchema();
    List<StructField> declared = table.schema().fields();
    List<StructField> current = existing.fields();
    boolean prefix = declared.size() >= current.size();
    for (int i = 0; prefix && i < current.size(); i++) {
      prefix = sameColumn(current.get(i), declared.get(i));
    }
    List<String> added = new ArrayList<>();
    for (int i = current.size(); prefix && i < declared.size(); i++) {
      if (!declared.get(i).isNullable()) {
        throw new IllegalStateException(
            "table "
                + table.name()
                + ": new column "
                + declared.get(i).getName()
                + " must be nullable (rows written before it have no value)");
      }
      added.add(declared.get(i).getName());
    }
    if (!prefix) {
      throw new IllegalStateException(
          "table "
              + table.name()
              + ": the declared schema "
              + table.schema().fieldNames()
              + " does not extend the table's "
              + existing.fieldNames()
              + " by appending nullable columns; only that evolution is automatic");
    }
    if (added.isEmpty()) {
      return false;
    }
    Row metadata =
        SingleAction.createMetadataSingleAction(
            snapshot.getMetadata().withNewSchema(table.schema()).toRow());
    snapshot
        .buildUpdateTableTransaction(ENGINE_INFO, Operation.MANUAL_UPDATE)
        .build(engine)
        .commit(engine, CloseableIterable.inMemoryIterable(iterator(List.of(metadata))));
    stagingState.remove(path);
    return true;
  }

  private static boolean sameColumn(StructField a, StructField b) {
    return a.getName().equals(b.getName())
        && a.getDataType().equivalent(b.getDataType())
        && a.isNullable() == b.isNullable();
  }

  /**
   * Appends {@code rows} (values in schema order) in one transaction tagged {@code (appId,
   * version)}. Returns the committed table version, or empty when the table already holds this
   * appId at {@code version} or later (the append was done before). Every row is checked first; a
   * misfit throws before any file is written.
   */
  public Optional<Long> append(
      String path, DeltaTableSpec table, List<Object[]> rows, String appId, long version) {
    if (committedVersion(path, appId).filter(done -> done >= version).isPresent()) {
      return Optional.empty();
    }
    return commit(path, table, stage(path, table, rows), appId, version);
  }

  /** The last version committed under {@code appId}, if any. */
  public Optional<Long> committedVersion(String path, String appId) {
    return TableManager.loadSnapshot(path).build(engine).getLatestTransactionVersion(engine, appId);
  }

  /**
   * Writes {@code rows} as Parquet files, one or more per partition, without committing: nothing is
   * visible until {@link #commit}. Every row is checked against the schema first.
   */
  public List<DataFile> stage(String path, DeltaTableSpec table, List<Object[]> rows) {
    for (Object[] row : rows) {
      RowBatch.check(table, row);
    }
    return stageChecked(path, table, rows);
  }

  /** {@link #stage} of rows already checked against the schema (the sink checks each on write). */
  List<DataFile> stageChecked(String path, DeltaTableSpec table, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Row state =
        stagingState.computeIfAbsent(
            path,
            p ->
                TableManager.loadSnapshot(p)
                    .build(engine)
                    .buildUpdateTableTransaction(ENGINE_INFO, Operation.WRITE)
                    .build(engine)
                    .getTransactionState(engine));
    StructType physical = physicalSchema(table);
    List<DataFile> files = new ArrayList<>();
    for (Map.Entry<Map<String, Literal>, List<Object[]>> partition :
        byPartition(table, rows).entrySet()) {
      Map<String, Literal> values = partition.getKey();
      RowBatch batch = RowBatch.of(table, partition.getValue());
      CloseableIterator<FilteredColumnarBatch> logical =
          iterator(List.of(new FilteredColumnarBatch(batch, Optional.empty())));
      CloseableIterator<FilteredColumnarBatch> data =
          Transaction.transformLogicalData(engine, state, logical, values);
      DataWriteContext context = Transaction.getWriteContext(engine, state, values);
      try (CloseableIterator<DataFileStatus> written =
          engine
              .getParquetHandler()
              .writeParquetFiles(
                  context.getTargetDirectory(), data, context.getStatisticsColumns())) {
        while (written.hasNext()) {
          DataFileStatus f = written.next();
          String stats = f.getStatistics().map(st -> st.serializeAsJson(physical)).orElse(null);
          files.add(
              new DataFile(f.getPath(), f.getSize(), f.getModificationTime(), stats, text(values)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("table " + table.name() + ": writing Parquet failed", e);
      }
    }
    return files;
  }

  /**
   * Commits staged files in one transaction tagged {@code (appId, version)}; empty when the table
   * already holds that appId at {@code version} or later, including when a concurrent attempt won.
   */
  public Optional<Long> commit(
      String path, DeltaTableSpec table, List<DataFile> files, String appId, long version) {
    Snapshot snapshot = TableManager.loadSnapshot(path).build(engine);
    Optional<Long> done = snapshot.getLatestTransactionVersion(engine, appId);
    if (done.isPresent() && done.get() >= version) {
      return Optional.empty();
    }
    Transaction txn =
        snapshot
            .buildUpdateTableTransaction(ENGINE_INFO, Operation.STREAMING_UPDATE)
            .withTransactionId(appId, version)
            .withMaxRetries(3)
            .build(engine);
    Row state = txn.getTransactionState(engine);
    StructType physical = physicalSchema(table);
    Map<Map<String, String>, List<DataFile>> byPartition = new LinkedHashMap<>();
    for (DataFile f : files) {
      byPartition.computeIfAbsent(f.partitionValues(), k -> new ArrayList<>()).add(f);
    }
    List<Row> actions = new ArrayList<>();
    for (Map.Entry<Map<String, String>, List<DataFile>> partition : byPartition.entrySet()) {
      DataWriteContext context =
          Transaction.getWriteContext(engine, state, literals(table, partition.getKey()));
      List<DataFileStatus> statuses = new ArrayList<>();
      for (DataFile f : partition.getValue()) {
        statuses.add(status(f, physical));
      }
      try (CloseableIterator<Row> adds =
          Transaction.generateAppendActions(engine, state, iterator(statuses), context)) {
        adds.forEachRemaining(actions::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    TransactionCommitResult result;
    try {
      result = txn.commit(engine, CloseableIterable.inMemoryIterable(iterator(actions)));
    } catch (ConcurrentTransactionException e) {
      return Optional.empty(); // another attempt committed this (appId, version) first
    }
    runPostCommitHooks(table, result);
    return Optional.of(result.getVersion());
  }

  /** Runs what Kernel leaves to the committer: log checkpoints, checksums. */
  void runPostCommitHooks(DeltaTableSpec table, TransactionCommitResult result) {
    List<PostCommitHook> pending = result.getPostCommitHooks();
    if (pending.isEmpty()) {
      return;
    }
    hooks.execute(
        () -> {
          for (PostCommitHook hook : pending) {
            try {
              hook.threadSafeInvoke(engine);
            } catch (IOException e) {
              throw new UncheckedIOException(
                  "table " + table.name() + ": post-commit " + hook.getType() + " failed", e);
            }
          }
        });
  }

  /** A staged file as Kernel's commit takes it, statistics included. */
  static DataFileStatus status(DataFile f, StructType physical) {
    return new DataFileStatus(
        f.path(),
        f.size(),
        f.modificationTime(),
        f.statisticsJson() == null
            ? Optional.empty()
            : DataFileStatistics.deserializeFromJson(f.statisticsJson(), physical));
  }

  /** The columns stored in the Parquet files: the schema without the partition columns. */
  static StructType physicalSchema(DeltaTableSpec table) {
    StructType physical = new StructType();
    for (var field : table.schema().fields()) {
      if (!table.partitionColumns().contains(field.getName())) {
        physical = physical.add(field);
      }
    }
    return physical;
  }

  /** Partition values as text (a date as yyyy-MM-dd), the form a committable carries. */
  private static Map<String, String> text(Map<String, Literal> values) {
    Map<String, String> out = new LinkedHashMap<>();
    values.forEach(
        (k, v) ->
            out.put(
                k,
                v.getDataType() instanceof DateType
                    ? LocalDate.ofEpochDay(((Number) v.getValue()).longValue()).toString()
                    : String.valueOf(v.getValue())));
    return out;
  }

  static Map<String, Literal> literals(DeltaTableSpec table, Map<String, String> text) {
    Map<String, Literal> out = new LinkedHashMap<>();
    text.forEach(
        (k, v) -> {
          DataType type = table.schema().get(k).getDataType();
          Object value;
          if (type instanceof DateType) {
            value = LocalDate.parse(v);
          } else if (type instanceof LongType) {
            value = Long.parseLong(v);
          } else if (type instanceof IntegerType) {
            value = Integer.parseInt(v);
          } else {
            value = v;
          }
          out.put(k, literal(table, k, value));
        });
    return out;
  }

  /**
   * Rows grouped by their partition values, as Kernel literals. Grouped by the plain values:
   * Kernel's Literal has no equals, and a map keyed by literals put every row in its own file.
   */
  private static Map<Map<String, Literal>, List<Object[]>> byPartition(
      DeltaTableSpec table, List<Object[]> rows) {
    List<String> names = table.partitionColumns();
    int[] ordinals = new int[names.size()];
    for (int k = 0; k < ordinals.length; k++) {
      ordinals[k] = table.schema().indexOf(names.get(k));
    }
    Map<List<Object>, List<Object[]>> groups = new LinkedHashMap<>();
    for (Object[] row : rows) {
      List<Object> key = new ArrayList<>(ordinals.length);
      for (int ordinal : ordinals) {
        key.add(row[ordinal]);
      }
      groups.computeIfAbsent(key, x -> new ArrayList<>()).add(row);
    }
    Map<Map<String, Literal>, List<Object[]>> out = new LinkedHashMap<>();
    groups.forEach(
        (key, group) -> {
          Map<String, Literal> literals = new LinkedHashMap<>();
          for (int k = 0; k < ordinals.length; k++) {
            literals.put(names.get(k), literal(table, names.get(k), key.get(k)));
          }
          out.put(literals, group);
        });
    return out;
  }

  private static Literal literal(DeltaTableSpec table, String column, Object value) {
    return partitionLiteral("table " + table.name() + ", partition column " + column, value);
  }

  /** A partition value as a Kernel literal; {@code where} says whose value it is in the error. */
  static Literal partitionLiteral(String where, Object value) {
    if (value instanceof LocalDate d) {
      return Literal.ofDate((int) d.toEpochDay());
    } else if (value instanceof String s) {
      return Literal.ofString(s);
    } else if (value instanceof Long l) {
      return Literal.ofLong(l);
    } else if (value instanceof Integer i) {
      return Literal.ofInt(i);
    }
    throw new IllegalArgumentException(
        where
            + ": "
            + (value == null ? "null" : value.getClass().getSimpleName())
            + " is not a partition value (use a LocalDate, String, Long or Integer)");
  }

  /** Kernel's iterator over a list (Kernel's own adapter is internal). */
  public static <T> CloseableIterator<T> iterator(List<T> items) {
    Iterator<T> it = items.iterator();
    return new CloseableIterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public T next() {
        return it.next();
      }

      @Override
      public void close() {}
    };
  }
}
