package dev.thetaflow.core.command;

/** A command that cannot be carried out as given: names the field, the value and what fits. */
public final class CommandException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public CommandException(String field, Object value, String expected) {
    super(
        field
            + ": "
            + (value instanceof String s ? "\"" + s + "\"" : value)
            + ", expected "
            + expected);
  }

  public CommandException(String message) {
    super(message);
  }
}
