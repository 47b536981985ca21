package dev.thetaflow.core.config;

import java.util.Objects;

/**
 * One thing wrong with the configuration.
 *
 * @param key full dotted key, e.g. {@code ib.port}; empty for a problem with a whole file
 * @param value the offending value as written (strings quoted), or {@code (not set)}
 * @param source where the value came from, e.g. {@code conf/paper.yaml line 7} or {@code
 *     environment variable THETAFLOW__IB__PORT}
 * @param expected what was expected instead, as a sentence fragment
 */
public record ConfigProblem(String key, String value, String source, String expected) {

  /** Shown as the value of a key that is not set anywhere. */
  public static final String NOT_SET = "(not set)";

  public ConfigProblem {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(expected, "expected");
  }

  /** One line: {@code key = value (source): expected}. */
  public String message() {
    if (key.isEmpty()) {
      return source + ": " + expected;
    }
    return key + " = " + value + " (" + source + "): " + expected;
  }

  @Override
  public String toString() {
    return message();
  }
}
