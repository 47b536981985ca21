package dev.thetaflow.core.command;

/** The shape of ids a command carries (command, strategy, alert ids). */
final class CommandIds {
  private CommandIds() {}

  static String check(String field, String id) {
    if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}")) {
      throw new CommandException(
          field,
          id,
          "1-64 characters of letters, digits and . _ : - (starting with a letter or digit)");
    }
    return id;
  }
}
