package dev.thetaflow.jobs.commands;

import dev.thetaflow.core.command.Command;
import dev.thetaflow.core.command.CommandCodec;
import dev.thetaflow.sinks.tail.TailRow;
import java.time.Instant;

/**
 * A row of the {@code commands} table as the job receives it, not yet interpreted: parsing happens
 * where a bad command can become an alert ({@link #parse}), not in the source, which must never
 * fail on a person's typo.
 *
 * @param commandId the command's id
 * @param type the command type's name
 * @param payloadJson the JSON payload
 * @param issuedBy who issued it
 * @param issuedAtMillis when, in epoch milliseconds
 * @param tableVersion the commands table version that added it
 */
public record StoredCommand(
    String commandId,
    String type,
    String payloadJson,
    String issuedBy,
    long issuedAtMillis,
    long tableVersion) {

  /** The typed command; throws {@link dev.thetaflow.core.command.CommandException} if malformed. */
  public Command parse() {
    return CommandCodec.parse(
        commandId, type, payloadJson, Instant.ofEpochMilli(issuedAtMillis), issuedBy);
  }

  static StoredCommand from(TailRow row) {
    Instant issuedAt = (Instant) row.get("event_time");
    return new StoredCommand(
        (String) row.get("command_id"),
        (String) row.get("command_type"),
        (String) row.get("payload_json"),
        (String) row.get("issued_by"),
        issuedAt.toEpochMilli(),
        row.version());
  }
}
