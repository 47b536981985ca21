package dev.thetaflow.core.command;

import java.time.Instant;
import java.util.Objects;

/**
 * A command as issued: who asked what, when. {@code commandId} is unique per command; the job acts
 * on a command id at most once, so appending the same command twice does nothing twice.
 *
 * @param commandId unique id of this command
 * @param issuedAt when it was issued (UTC)
 * @param issuedBy who or what issued it (a user name, "dashboard", "tradectl")
 * @param action what it asks for
 */
public record Command(String commandId, Instant issuedAt, String issuedBy, CommandAction action) {
  public Command {
    CommandIds.check("command_id", commandId);
    Objects.requireNonNull(issuedAt, "issuedAt");
    if (issuedBy == null || issuedBy.isBlank()) {
      throw new CommandException("issued_by", issuedBy, "who issued the command");
    }
    Objects.requireNonNull(action, "action");
  }

  public CommandType type() {
    return action.type();
  }
}
