package dev.thetaflow.sinks.tables;

import dev.thetaflow.sinks.delta.DeltaTableSpec;
import dev.thetaflow.sinks.delta.DeltaTables;
import io.delta.kernel.TableManager;
import io.delta.kernel.exceptions.TableNotFoundException;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * thetaflow's ten Delta tables, declared once, and the catalog that creates the missing ones under
 * a data root before a job starts.
 *
 * <p>Every row carries {@code job_id}, {@code event_time} (UTC) and {@code checkpoint_id} (the
 * Flink checkpoint it was committed with; null when written outside a job, e.g. a command from
 * tradectl). Tables that grow with the market (quotes, decisions, orders, fills, risk, account) are
 * partitioned by {@code trade_date}, the exchange date in America/New_York; strategies and commands
 * are small and read whole. Prices are doubles already rounded to the contract's tick upstream;
 * quantities are longs (contracts), signed where a position can be short.
 */
public final class Tables {
  private Tables() {}

  private static final Map<String, String> PROPERTIES = Map.of("delta.checkpointInterval", "10");

  public static final DeltaTableSpec MARKET_DATA =
      partitioned(
          "market_data",
          col("con_id", IntegerType.INTEGER, false),
          col("symbol", StringType.STRING, false),
          col("sec_type", StringType.STRING, false),
          col("expiry", DateType.DATE, true),
          col("strike", DoubleType.DOUBLE, true),
          col("option_right", StringType.STRING, true),
          col("bid", DoubleType.DOUBLE, true),
          col("ask", DoubleType.DOUBLE, true),
          col("last", DoubleType.DOUBLE, true),
          col("bid_size", LongType.LONG, true),
          col("ask_size", LongType.LONG, true),
          col("underlying_price", DoubleType.DOUBLE, true),
          col("iv", DoubleType.DOUBLE, true),
          col("iv_status", StringType.STRING, true),
          col("delta", DoubleType.DOUBLE, true),
          col("gamma", DoubleType.DOUBLE, true),
          col("vega", DoubleType.DOUBLE, true),
          col("theta", DoubleType.DOUBLE, true),
          col("ib_iv", DoubleType.DOUBLE, true),
          col("ib_delta", DoubleType.DOUBLE, true),
          col("stale", BooleanType.BOOLEAN, false));

  public static final DeltaTableSpec POSITIONS =
      partitioned(
          "positions",
          col("account", StringType.STRING, false),
          col("con_id", IntegerType.INTEGER, false),
          col("symbol", StringType.STRING, false),
          col("strategy_id", StringType.STRING, true),
          col("quantity", LongType.LONG, false),
          col("avg_cost", DoubleType.DOUBLE, false),
          col("mark", DoubleType.DOUBLE, true),
          col("unrealized_pnl", DoubleType.DOUBLE, true),
          col("realized_pnl", DoubleType.DOUBLE, true));

  public static final DeltaTableSpec STRATEGIES =
      unpartitioned(
          "strategies",
          col("strategy_id", StringType.STRING, false),
          col("strategy_type", StringType.STRING, false),
          col("underlying", StringType.STRING, false),
          col("state", StringType.STRING, false),
          col("legs_json", StringType.STRING, false),
          col("opened_at", TimestampType.TIMESTAMP, true),
          col("closed_at", TimestampType.TIMESTAMP, true),
          col("entry_credit", DoubleType.DOUBLE, true),
          col("max_profit", DoubleType.DOUBLE, true),
          col("max_loss", DoubleType.DOUBLE, true),
          col("realized_pnl", DoubleType.DOUBLE, true),
          col("unrealized_pnl", DoubleType.DOUBLE, true),
          col("delta", DoubleType.DOUBLE, true),
          col("gamma", DoubleType.DOUBLE, true),
          col("vega", DoubleType.DOUBLE, true),
          col("theta", DoubleType.DOUBLE, true));

  public static final DeltaTableSpec DECISIONS =
      partitioned(
          "decisions",
          col("decision_id", StringType.STRING, false),
          col("strategy_id", StringType.STRING, false),
          col("rule", StringType.STRING, false),
          col("priority", IntegerType.INTEGER, false),
          col("action", StringType.STRING, false),
          col("urgency", StringType.STRING, false),
          col("reason", StringType.STRING, false),
          col("measured_json", StringType.STRING, true),
          col("thresholds_json", StringType.STRING, true));

  public static final DeltaTableSpec ORDERS =
      partitioned(
          "orders",
          col("order_ref", StringType.STRING, false),
          col("order_id", IntegerType.INTEGER, true),
          col("perm_id", LongType.LONG, true),
          col("strategy_id", StringType.STRING, false),
          col("purpose", StringType.STRING, false),
          col("action", StringType.STRING, false),
          col("order_type", StringType.STRING, false),
          col("quantity", LongType.LONG, false),
          col("limit_price", DoubleType.DOUBLE, true),
          col("aux_price", DoubleType.DOUBLE, true),
          col("tif", StringType.STRING, false),
          col("legs_json", StringType.STRING, false),
          col("status", StringType.STRING, false),
          col("filled", LongType.LONG, false),
          col("avg_fill_price", DoubleType.DOUBLE, true),
          col("error_code", IntegerType.INTEGER, true),
          col("error_text", StringType.STRING, true));

  public static final DeltaTableSpec TRADES =
      partitioned(
          "trades",
          col("exec_id", StringType.STRING, false),
          col("order_ref", StringType.STRING, true),
          col("order_id", IntegerType.INTEGER, false),
          col("perm_id", LongType.LONG, false),
          col("strategy_id", StringType.STRING, true),
          col("con_id", IntegerType.INTEGER, false),
          col("symbol", StringType.STRING, false),
          col("side", StringType.STRING, false),
          col("quantity", LongType.LONG, false),
          col("price", DoubleType.DOUBLE, false),
          col("commission", DoubleType.DOUBLE, true),
          col("realized_pnl", DoubleType.DOUBLE, true),
          col("exec_time", TimestampType.TIMESTAMP, false));

  public static final DeltaTableSpec ALERTS =
      partitioned(
          "alerts",
          col("alert_id", StringType.STRING, false),
          col("severity", StringType.STRING, false),
          col("category", StringType.STRING, false),
          col("strategy_id", StringType.STRING, true),
          col("message", StringType.STRING, false),
          col("acknowledged", BooleanType.BOOLEAN, false));

  public static final DeltaTableSpec PORTFOLIO_RISK =
      partitioned(
          "portfolio_risk",
          col("net_liquidation", DoubleType.DOUBLE, true),
          col("delta", DoubleType.DOUBLE, false),
          col("beta_weighted_delta", DoubleType.DOUBLE, true),
          col("gamma", DoubleType.DOUBLE, false),
          col("vega", DoubleType.DOUBLE, false),
          col("theta", DoubleType.DOUBLE, false),
          col("dollar_delta", DoubleType.DOUBLE, true),
          col("dollar_gamma", DoubleType.DOUBLE, true),
          col("margin", DoubleType.DOUBLE, true),
          col("open_strategies", IntegerType.INTEGER, false),
          col("daily_pnl", DoubleType.DOUBLE, true));

  public static final DeltaTableSpec ACCOUNT =
      partitioned(
          "account",
          col("account", StringType.STRING, false),
          col("tag", StringType.STRING, false),
          col("value", StringType.STRING, false),
          col("currency", StringType.STRING, true));

  public static final DeltaTableSpec COMMANDS =
      unpartitioned(
          "commands",
          col("command_id", StringType.STRING, false),
          col("command_type", StringType.STRING, false),
          col("payload_json", StringType.STRING, false),
          col("issued_by", StringType.STRING, false));

  /** All ten, in the order DESIGN lists them. */
  public static final List<DeltaTableSpec> ALL =
      List.of(
          MARKET_DATA,
          POSITIONS,
          STRATEGIES,
          DECISIONS,
          ORDERS,
          TRADES,
          ALERTS,
          PORTFOLIO_RISK,
          ACCOUNT,
          COMMANDS);

  /**
   * What {@link #createMissing} did.
   *
   * @param created tables created
   * @param evolved tables given their declared nullable columns, with the columns added
   */
  public record Prepared(List<String> created, List<String> evolved) {}

  /**
   * Creates every missing table under {@code root}, adds declared nullable columns to existing
   * tables that lack them, and refuses any other difference: a table whose schema differs from its
   * declaration otherwise is an error that names the table and the columns, before any job writes a
   * row into it.
   */
  public static Prepared createMissing(DeltaTables delta, Path root) {
    List<String> created = new ArrayList<>();
    List<String> evolved = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (DeltaTableSpec table : ALL) {
      String path = root.resolve(table.name()).toString();
      StructType existing;
      try {
        existing = TableManager.loadSnapshot(path).build(delta.engine()).getSchema();
      } catch (TableNotFoundException e) {
        delta.createIfMissing(path, table);
        created.add(table.name());
        continue;
      }
      String difference = difference(table.schema(), existing);
      if (difference == null) {
        continue;
      }
      try {
        if (delta.evolveSchema(path, table)) {
          evolved.add(table.name() + " (" + difference + ")");
        }
      } catch (IllegalStateException notAnAppend) {
        problems.add("table " + table.name() + " at " + path + ": " + difference);
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "existing tables do not match thetaflow's declarations:\n  - "
              + String.join("\n  - ", problems)
              + "\nMove the table aside or migrate it; thetaflow will not write into it.");
    }
    return new Prepared(created, evolved);
  }

  private static String difference(StructType declared, StructType existing) {
    List<String> out = new ArrayList<>();
    for (StructField field : declared.fields()) {
      int i = existing.indexOf(field.getName());
      if (i < 0) {
        out.add("column " + field.getName() + " is missing");
      } else {
        StructField found = existing.at(i);
        if (!found.getDataType().equivalent(field.getDataType())
            || found.isNullable() != field.isNullable()) {
          out.add(
              "column "
                  + field.getName()
                  + " is "
                  + describe(found)
                  + ", declared "
                  + describe(field));
        }
      }
    }
    for (StructField field : existing.fields()) {
      if (declared.indexOf(field.getName()) < 0) {
        out.add("column " + field.getName() + " is not declared");
      }
    }
    return out.isEmpty() ? null : String.join("; ", out);
  }

  private static String describe(StructField f) {
    return f.getDataType() + (f.isNullable() ? " null" : " not null");
  }

  private static DeltaTableSpec partitioned(String name, StructField... columns) {
    return spec(name, List.of("trade_date"), columns);
  }

  private static DeltaTableSpec unpartitioned(String name, StructField... columns) {
    return spec(name, List.of(), columns);
  }

  private static DeltaTableSpec spec(String name, List<String> partitions, StructField... columns) {
    StructType schema = new StructType();
    if (!partitions.isEmpty()) {
      schema = schema.add("trade_date", DateType.DATE, false);
    }
    schema =
        schema
            .add("event_time", TimestampType.TIMESTAMP, false)
            .add("job_id", StringType.STRING, true)
            .add("checkpoint_id", LongType.LONG, true);
    for (StructField column : columns) {
      schema = schema.add(column);
    }
    return new DeltaTableSpec(name, schema, partitions, PROPERTIES);
  }

  private static StructField col(String name, DataType type, boolean nullable) {
    return new StructField(name, type, nullable);
  }
}
