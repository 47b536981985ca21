package dev.thetaflow.jobs.commands;

import dev.thetaflow.core.command.Command;
import dev.thetaflow.sinks.delta.RowConverter;

/**
 * A command a job issues itself (a roll's reopening), as a row of {@code commands}: the same row
 * {@link CommandsTable#append} writes, with the job's id. The job's Delta sink writes it exactly
 * once per checkpoint; the job's commands source then reads it like any other command.
 */
public final class CommandRows implements RowConverter<Command> {
  private static final long serialVersionUID = 1L;

  private final String jobId;

  public CommandRows(String jobId) {
    this.jobId = jobId;
  }

  @Override
  public Object[] toRow(Command command) {
    return CommandsTable.row(command, jobId);
  }
}
