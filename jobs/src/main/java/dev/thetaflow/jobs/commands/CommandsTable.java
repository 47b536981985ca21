package dev.thetaflow.jobs.commands;

import dev.thetaflow.core.command.Command;
import dev.thetaflow.core.command.CommandCodec;
import dev.thetaflow.sinks.delta.DeltaTables;
import dev.thetaflow.sinks.tables.Tables;
import dev.thetaflow.sinks.tail.DeltaTailSource;
import dev.thetaflow.sinks.tail.StartingPosition;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/** Writing a command into the {@code commands} table, and following the table from a job. */
public final class CommandsTable {
  private CommandsTable() {}

  /** The commands table under a data root. */
  public static String path(String dataRoot) {
    return (dataRoot.endsWith("/") ? dataRoot : dataRoot + "/") + Tables.COMMANDS.name();
  }

  /**
   * Appends {@code command} (creating the table if needed). Idempotent by command id: appending the
   * same command id again writes nothing and returns empty; else the table version written.
   */
  public static Optional<Long> append(DeltaTables tables, String dataRoot, Command command) {
    String path = path(dataRoot);
    tables.createIfMissing(path, Tables.COMMANDS);
    // job_id null: issued from outside any job
    Object[] row = row(command, null);
    return tables.append(
        path, Tables.COMMANDS, List.<Object[]>of(row), "command-" + command.commandId(), 1);
  }

  /** {@code command} as a row of the table; {@code jobId} null when no job issued it. */
  static Object[] row(Command command, String jobId) {
    return new Object[] {
      command.issuedAt(),
      jobId,
      null, // checkpoint_id
      command.commandId(),
      command.type().name(),
      CommandCodec.payload(command.action()),
      command.issuedBy()
    };
  }

  /** A source of the commands appended from {@code start} on, checked every {@code poll}. */
  public static DeltaTailSource<StoredCommand> source(
      String dataRoot, StartingPosition start, Duration poll) {
    return new DeltaTailSource<>(
        path(dataRoot), start, poll, StoredCommand::from, TypeInformation.of(StoredCommand.class));
  }
}
