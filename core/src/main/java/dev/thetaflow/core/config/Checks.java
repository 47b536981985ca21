package dev.thetaflow.core.config;

/** Small checks shared by the records' constructors; each throws {@link ConfigViolation}. */
final class Checks {

  private Checks() {}

  static <T> T notNull(String key, T value) {
    if (value == null) {
      throw new ConfigViolation(key, null, "expected a value");
    }
    return value;
  }

  /** A non-empty text without whitespace, such as a host name, path or URI. */
  static String token(String key, String value, String expected) {
    notNull(key, value);
    if (value.isBlank() || value.chars().anyMatch(Character::isWhitespace)) {
      throw new ConfigViolation(key, ConfigNode.Scalar.quote(value), "expected " + expected);
    }
    return value;
  }
}
