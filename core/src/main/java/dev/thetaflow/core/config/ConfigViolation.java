package dev.thetaflow.core.config;

/**
 * A record was constructed with a value outside its rules. The loader turns it into a {@link
 * ConfigProblem} with the full key and source; code that builds records directly sees the key,
 * value and expectation in the message.
 */
final class ConfigViolation extends IllegalArgumentException {

  private final String key;
  private final String value;
  private final String expected;

  ConfigViolation(String key, Object value, String expected) {
    super(key + " = " + value + ": " + expected);
    this.key = key;
    this.value = String.valueOf(value);
    this.expected = expected;
  }

  /** The offending value as shown in messages. */
  String value() {
    return value;
  }

  /** The key relative to the record that threw, e.g. {@code port} inside {@code ib}. */
  String key() {
    return key;
  }

  String expected() {
    return expected;
  }
}
