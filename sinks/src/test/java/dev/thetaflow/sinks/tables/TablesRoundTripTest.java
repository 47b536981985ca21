package dev.thetaflow.sinks.tables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.sinks.delta.DeltaReader;
import dev.thetaflow.sinks.delta.DeltaTableSpec;
import dev.thetaflow.sinks.delta.DeltaTables;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.TimestampType;
import io.delta.standalone.DeltaLog;
import io.delta.standalone.data.RowRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every one of the ten tables, written by Kernel, read back by Delta Standalone (a separate
 * implementation of the protocol) and by our Kernel reader: the same rows, value by value.
 */
class TablesRoundTripTest {
  private static final int ROWS = 40;

  @TempDir Path root;

  /** A value for every column type; nullable columns are null in every fifth row. */
  private static Object value(StructField field, int row) {
    if (field.isNullable() && row % 5 == 4) {
      return null;
    }
    DataType t = field.getDataType();
    int salt = field.getName().hashCode() & 0xff;
    if (t instanceof LongType) {
      return (long) row * 1_000_003L + salt;
    } else if (t instanceof IntegerType) {
      return row * 31 + salt;
    } else if (t instanceof DoubleType) {
      return row * 0.25 + salt / 64.0;
    } else if (t instanceof StringType) {
      return field.getName() + "-" + row;
    } else if (t instanceof BooleanType) {
      return row % 2 == 0;
    } else if (t instanceof DateType) {
      return LocalDate.of(2026, 12, 1).plusDays(row % 3);
    } else if (t instanceof TimestampType) {
      return Instant.parse("2026-12-01T14:30:00Z").plusMillis(row * 1_001L);
    }
    throw new AssertionError("no test value for " + t + " (" + field.getName() + ")");
  }

  /** A Standalone value as our Java type (Standalone cannot decode Kernel's INT64 timestamps). */
  private static Object standalone(RowRecord r, StructField field) {
    String name = field.getName();
    if (r.isNullAt(name)) {
      return null;
    }
    DataType t = field.getDataType();
    if (t instanceof LongType) {
      return r.getLong(name);
    } else if (t instanceof IntegerType) {
      return r.getInt(name);
    } else if (t instanceof DoubleType) {
      return r.getDouble(name);
    } else if (t instanceof StringType) {
      return r.getString(name);
    } else if (t instanceof BooleanType) {
      return r.getBoolean(name);
    } else if (t instanceof DateType) {
      return r.getDate(name).toLocalDate();
    }
    throw new AssertionError("unreadable by Standalone: " + t);
  }

  @Test
  void everyTableReadsBackTheSameRowsInStandaloneAndKernel() throws Exception {
    DeltaTables delta = DeltaTables.withDefaultEngine();
    Tables.createMissing(delta, root);
    for (DeltaTableSpec table : Tables.ALL) {
      String path = root.resolve(table.name()).toString();
      List<StructField> fields = table.schema().fields();
      Map<Object, Object[]> written = new HashMap<>();
      List<Object[]> rows = new ArrayList<>();
      for (int i = 0; i < ROWS; i++) {
        Object[] row = new Object[fields.size()];
        for (int c = 0; c < row.length; c++) {
          row[c] = value(fields.get(c), i);
        }
        rows.add(row);
      }
      delta.append(path, table, rows.subList(0, ROWS / 2), "round-trip", 1);
      delta.append(path, table, rows.subList(ROWS / 2, ROWS), "round-trip", 2);
      int key = table.schema().indexOf("event_time"); // unique per row, never null
      for (Object[] row : rows) {
        written.put(row[key], row);
      }

      var snapshot = DeltaLog.forTable(DeltaTables.hadoopConfiguration(), path).update();
      assertThat(snapshot.getVersion()).as(table.name()).isEqualTo(2);
      int seen = 0;
      try (var it = snapshot.open()) {
        while (it.hasNext()) {
          RowRecord r = it.next();
          seen++;
          // Standalone cannot read the timestamps: match on every other column
          Object[] match = null;
          for (Object[] row : rows) {
            boolean same = true;
            for (int c = 0; c < fields.size() && same; c++) {
              if (!(fields.get(c).getDataType() instanceof TimestampType)) {
                same = java.util.Objects.equals(standalone(r, fields.get(c)), row[c]);
              }
            }
            if (same) {
              match = row;
              break;
            }
          }
          assertThat(match)
              .as("%s: a Standalone row matches a written row", table.name())
              .isNotNull();
        }
      }
      assertThat(seen).as(table.name()).isEqualTo(ROWS);

      List<Object[]> kernel = new DeltaReader(delta.engine()).table(path).read().rows();
      assertThat(kernel).as(table.name()).hasSize(ROWS);
      for (Object[] row : kernel) {
        assertThat(row).as(table.name()).containsExactly(written.get(row[key]));
      }
    }
  }
}
