package dev.thetaflow.sinks.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thetaflow.sinks.delta.DeltaTableSpec;
import dev.thetaflow.sinks.delta.DeltaTables;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.standalone.DeltaLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TablesTest {
  @TempDir Path root;

  private final DeltaTables delta = DeltaTables.withDefaultEngine();

  @Test
  void createsTheTenTablesOnceWithTheDeclaredSchemasAndPartitions() {
    assertThat(Tables.createMissing(delta, root))
        .containsExactly(
            "market_data",
            "positions",
            "strategies",
            "decisions",
            "orders",
            "trades",
            "alerts",
            "portfolio_risk",
            "account",
            "commands");
    assertThat(Tables.createMissing(delta, root)).isEmpty();
    for (DeltaTableSpec table : Tables.ALL) {
      var metadata =
          DeltaLog.forTable(
                  DeltaTables.hadoopConfiguration(), root.resolve(table.name()).toString())
              .update()
              .getMetadata();
      assertThat(List.of(metadata.getSchema().getFieldNames()))
          .as(table.name())
          .containsExactlyElementsOf(table.schema().fieldNames());
      assertThat(metadata.getPartitionColumns())
          .as(table.name())
          .isEqualTo(table.partitionColumns());
      assertThat(table.schema().fieldNames()).contains("event_time", "job_id", "checkpoint_id");
    }
    assertThat(Tables.STRATEGIES.partitionColumns()).isEmpty();
    assertThat(Tables.MARKET_DATA.partitionColumns()).containsExactly("trade_date");
  }

  @Test
  void anExistingTableWithAnotherSchemaIsRefusedByNameAndColumn() {
    DeltaTableSpec foreign =
        new DeltaTableSpec(
            "alerts",
            new StructType()
                .add("alert_id", StringType.STRING, false)
                .add("score", DoubleType.DOUBLE, true),
            List.of(),
            Map.of());
    delta.createIfMissing(root.resolve("alerts").toString(), foreign);
    assertThatThrownBy(() -> Tables.createMissing(delta, root))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("table alerts at ")
        .hasMessageContaining("column severity is missing")
        .hasMessageContaining("column score is not declared")
        .hasMessageContaining("thetaflow will not write into it");
  }
}
