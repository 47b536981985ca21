package dev.thetaflow.sinks.delta;

import io.delta.kernel.internal.types.DataTypeJsonSerDe;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One Delta table as thetaflow declares it: its name (the folder under the data root), its schema,
 * its partition columns and table properties. Declared once per table; the sink, the catalog that
 * creates tables and the readers all take it from here.
 *
 * @param name table name, lower snake case, also the folder name under the data root
 * @param schema the logical schema; evolves only by appending nullable columns
 * @param partitionColumns columns the table is partitioned by (e.g. {@code trade_date}), in order
 * @param properties Delta table properties (e.g. {@code delta.checkpointInterval})
 */
public record DeltaTableSpec(
    String name, StructType schema, List<String> partitionColumns, Map<String, String> properties)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * Kernel's StructType is not Serializable, and a sink travels to the task managers serialized:
   * the schema crosses as Delta's own JSON schema string (the form the log stores it in).
   */
  private Object writeReplace() {
    return new Serialized(
        name, DataTypeJsonSerDe.serializeStructType(schema), partitionColumns, properties);
  }

  private record Serialized(
      String name, String schemaJson, List<String> partitionColumns, Map<String, String> properties)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    private Object readResolve() {
      // Kernel has no public schema parser in 4.4; this is the one its log replay uses
      return new DeltaTableSpec(
          name, DataTypeJsonSerDe.deserializeStructType(schemaJson), partitionColumns, properties);
    }
  }

  public DeltaTableSpec {
    Objects.requireNonNull(schema, "schema");
    if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException(
          "table name must be lower snake case (a-z, 0-9, _), was: " + name);
    }
    partitionColumns = List.copyOf(partitionColumns);
    properties = Map.copyOf(properties);
    Set<String> seen = new HashSet<>();
    for (StructField field : schema.fields()) {
      if (!seen.add(field.getName())) {
        throw new IllegalArgumentException(
            "table " + name + ": column " + field.getName() + " is declared twice");
      }
    }
    for (String column : partitionColumns) {
      if (!seen.contains(column)) {
        throw new IllegalArgumentException(
            "table " + name + ": partition column " + column + " is not in the schema " + seen);
      }
    }
  }
}
