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
    assertThat(Tables.createMissing(delta, root).created())
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
    assertThat(Tables.createMissing(delta, root))
        .isEqualTo(new Tables.Prepared(List.of(), List.of()));
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

  @Test
  void aTableWithoutTheDeclaredTrailingNullableColumnsGetsThemAndKeepsItsRows() {
    DeltaTableSpec declared =
        Tables.ALL.stream()
            .filter(t -> t.schema().at(t.schema().length() - 1).isNullable())
            .findFirst()
            .orElseThrow();
    StructType older = new StructType();
    for (int i = 0; i < declared.schema().length() - 1; i++) {
      older = older.add(declared.schema().at(i));
    }
    DeltaTableSpec before =
        new DeltaTableSpec(
            declared.name(), older, declared.partitionColumns(), declared.properties());
    String path = root.resolve(declared.name()).toString();
    delta.createIfMissing(path, before);
    String lastColumn = declared.schema().at(declared.schema().length() - 1).getName();

    Tables.Prepared done = Tables.createMissing(delta, root);
    assertThat(done.evolved())
        .containsExactly(declared.name() + " (column " + lastColumn + " is missing)");
    assertThat(done.created()).hasSize(Tables.ALL.size() - 1);
    var metadata =
        DeltaLog.forTable(DeltaTables.hadoopConfiguration(), path).update().getMetadata();
    assertThat(List.of(metadata.getSchema().getFieldNames()))
        .containsExactlyElementsOf(declared.schema().fieldNames());
    assertThat(Tables.createMissing(delta, root).evolved()).isEmpty();
  }
}
