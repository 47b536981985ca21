package dev.thetaflow.sinks.delta;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows handed to Kernel as a columnar batch: one {@code Object[]} per row, in schema order, checked
 * against the table's schema before Kernel sees them, so a row that does not fit is an error naming
 * the table, the column, the value and the expected type, never a corrupt file.
 *
 * <p>Implements {@link #withDeletedColumnAt} and {@link #withNewColumn}: Kernel drops the partition
 * columns through them before writing Parquet, and the interface's defaults throw.
 */
final class RowBatch implements ColumnarBatch {
  private final StructType schema;
  private final Object[][] rows;

  /** Which column of the original rows each column of this batch reads. */
  private final int[] sourceColumns;

  private RowBatch(StructType schema, Object[][] rows, int[] sourceColumns) {
    this.schema = schema;
    this.rows = rows;
    this.sourceColumns = sourceColumns;
  }

  /** Wraps rows already checked against the table's schema ({@link #check}). */
  static RowBatch of(DeltaTableSpec table, List<Object[]> rows) {
    StructType schema = table.schema();
    int[] identity = new int[schema.length()];
    for (int i = 0; i < identity.length; i++) {
      identity[i] = i;
    }
    return new RowBatch(schema, rows.toArray(new Object[0][]), identity);
  }

  /** Throws {@link IllegalArgumentException} naming table and column when the row does not fit. */
  static void check(DeltaTableSpec table, Object[] row) {
    StructType schema = table.schema();
    Expected expected = Expected.of(schema);
    if (row == null || row.length != expected.types.length) {
      throw new IllegalArgumentException(
          "table "
              + table.name()
              + ": a row has "
              + (row == null ? "no" : String.valueOf(row.length))
              + " values, the schema has "
              + schema.length()
              + " columns "
              + schema.fieldNames());
    }
    for (int i = 0; i < row.length; i++) {
      Object value = row[i];
      if (value == null) {
        if (!expected.nullable[i]) {
          throw new IllegalArgumentException(
              "table "
                  + table.name()
                  + ", column "
                  + schema.at(i).getName()
                  + ": null in a non-null column");
        }
        continue;
      }
      Class<?> type = expected.types[i];
      if (type == null) {
        javaType(schema.at(i).getDataType()); // throws: a column type thetaflow cannot write
      }
      if (value.getClass() != type) { // all accepted types but BigDecimal are final
        if (!type.isInstance(value)) {
          StructField field = schema.at(i);
          throw new IllegalArgumentException(
              "table "
                  + table.name()
                  + ", column "
                  + field.getName()
                  + ": expected "
                  + type.getSimpleName()
                  + " for "
                  + field.getDataType()
                  + ", got "
                  + value.getClass().getSimpleName()
                  + " "
                  + value);
        }
      } else if (type == Double.class && !Double.isFinite((Double) value)) {
        throw new IllegalArgumentException(
            "table "
                + table.name()
                + ", column "
                + schema.at(i).getName()
                + ": "
                + value
                + " is not finite");
      }
    }
  }

  /**
   * The Java type and nullability of each column of one schema. Checking looks them up per row, so
   * they are derived once per schema rather than per value (one entry, replaced when another schema
   * comes: a writer checks one table's rows).
   */
  private static final class Expected {
    private static volatile Expected last;

    final StructType schema;
    final Class<?>[] types;
    final boolean[] nullable;

    private Expected(StructType schema) {
      this.schema = schema;
      types = new Class<?>[schema.length()];
      nullable = new boolean[schema.length()];
      for (int i = 0; i < types.length; i++) {
        DataType type = schema.at(i).getDataType();
        // null: unsupported, which is an error only once a value arrives (as before the cache)
        types[i] = supported(type) ? javaType(type) : null;
        nullable[i] = schema.at(i).isNullable();
      }
    }

    static Expected of(StructType schema) {
      Expected e = last;
      if (e == null || e.schema != schema) {
        e = new Expected(schema);
        last = e;
      }
      return e;
    }
  }

  private static boolean supported(DataType type) {
    try {
      javaType(type);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The Java type a value of this Delta type must have. */
  static Class<?> javaType(DataType type) {
    if (type instanceof LongType) {
      return Long.class;
    } else if (type instanceof IntegerType) {
      return Integer.class;
    } else if (type instanceof DoubleType) {
      return Double.class;
    } else if (type instanceof StringType) {
      return String.class;
    } else if (type instanceof BooleanType) {
      return Boolean.class;
    } else if (type instanceof DateType) {
      return LocalDate.class;
    } else if (type instanceof TimestampType) {
      return Instant.class;
    } else if (type instanceof DecimalType) {
      return BigDecimal.class;
    }
    throw new IllegalArgumentException(
        "column type " + type + " is not supported by thetaflow's tables");
  }

  @Override
  public StructType getSchema() {
    return schema;
  }

  @Override
  public int getSize() {
    return rows.length;
  }

  @Override
  public ColumnVector getColumnVector(int ordinal) {
    return new RowColumn(schema.at(ordinal).getDataType(), sourceColumns[ordinal]);
  }

  @Override
  public ColumnarBatch withDeletedColumnAt(int ordinal) {
    List<StructField> fields = new ArrayList<>(schema.fields());
    fields.remove(ordinal);
    int[] sources = new int[sourceColumns.length - 1];
    for (int i = 0, j = 0; i < sourceColumns.length; i++) {
      if (i != ordinal) {
        sources[j++] = sourceColumns[i];
      }
    }
    return new RowBatch(new StructType(fields), rows, sources);
  }

  @Override
  public ColumnarBatch withNewColumn(int ordinal, StructField field, ColumnVector vector) {
    throw new UnsupportedOperationException(
        "thetaflow writes every column from its rows; Kernel asked to add " + field.getName());
  }

  /** A column of the rows, read by Kernel's Parquet writer. */
  private final class RowColumn implements ColumnVector {
    private final DataType type;
    private final int column;

    RowColumn(DataType type, int column) {
      this.type = type;
      this.column = column;
    }

    private Object value(int row) {
      return rows[row][column];
    }

    @Override
    public DataType getDataType() {
      return type;
    }

    @Override
    public int getSize() {
      return rows.length;
    }

    @Override
    public void close() {}

    @Override
    public boolean isNullAt(int row) {
      return value(row) == null;
    }

    @Override
    public boolean getBoolean(int row) {
      return (Boolean) value(row);
    }

    @Override
    public int getInt(int row) {
      Object v = value(row);
      // Delta stores a date as days since the epoch
      return v instanceof LocalDate d ? (int) d.toEpochDay() : (Integer) v;
    }

    @Override
    public long getLong(int row) {
      Object v = value(row);
      // and a timestamp as microseconds since the epoch, UTC
      return v instanceof Instant t ? ChronoUnit.MICROS.between(Instant.EPOCH, t) : (Long) v;
    }

    @Override
    public double getDouble(int row) {
      return (Double) value(row);
    }

    @Override
    public String getString(int row) {
      return (String) value(row);
    }

    @Override
    public BigDecimal getDecimal(int row) {
      return (BigDecimal) value(row);
    }
  }
}
