package dev.thetaflow.jobs.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.sinks.tables.Tables;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.TimestampType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A portfolio summary fits the portfolio_risk table column by column. */
class PortfolioRiskRowsTest {
  private static final Instant T = Instant.parse("2026-12-01T21:30:00Z");

  private static void assertFits(Object[] row) {
    List<StructField> fields = Tables.PORTFOLIO_RISK.schema().fields();
    assertThat(row).hasSameSizeAs(fields);
    for (int i = 0; i < row.length; i++) {
      StructField f = fields.get(i);
      if (row[i] == null) {
        assertThat(f.isNullable()).as("column %s is nullable", f.getName()).isTrue();
      } else {
        assertThat(row[i]).as("column %s", f.getName()).isInstanceOf(javaType(f.getDataType()));
      }
    }
  }

  private static Class<?> javaType(DataType t) {
    if (t instanceof DateType) {
      return LocalDate.class;
    } else if (t instanceof TimestampType) {
      return Instant.class;
    } else if (t instanceof StringType) {
      return String.class;
    } else if (t instanceof LongType) {
      return Long.class;
    } else if (t instanceof IntegerType) {
      return Integer.class;
    } else if (t instanceof DoubleType) {
      return Double.class;
    }
    throw new AssertionError("no Java type for " + t);
  }

  @Test
  void aFullSummaryFillsEveryColumnButTheBetaWeightedDelta() {
    Object[] row =
        new PortfolioRiskRows("job-1")
            .toRow(new PortfolioRisk(T, 100_000, 780, -6, 9, -30, 78_000, -15, 2_500, 3, 400));
    assertFits(row);
    assertThat(row[0]).isEqualTo(LocalDate.of(2026, 12, 1)); // New York date
    assertThat(row[2]).isEqualTo("job-1");
    assertThat(row[4]).isEqualTo(100_000.0);
    assertThat(row[6]).isNull();
    assertThat(row[10]).isEqualTo(78_000.0);
    assertThat(row[13]).isEqualTo(3);
    assertThat(row[14]).isEqualTo(400.0);
  }

  @Test
  void unknownValuesAreNullNeverNaN() {
    Object[] row =
        new PortfolioRiskRows("job-1")
            .toRow(new PortfolioRisk(T, Double.NaN, 0, 0, 0, 0, 0, 0, Double.NaN, 0, Double.NaN));
    assertFits(row);
    assertThat(row[4]).isNull();
    assertThat(row[12]).isNull();
    assertThat(row[14]).isNull();
  }
}
