package dev.thetaflow.core.config;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The untyped tree that YAML files and environment variables are merged into before binding. */
sealed interface ConfigNode {

  /** Where this node was written, e.g. {@code conf/sim.yaml line 4}. */
  String source();

  /** The value as a person would recognise it in an error message. */
  String display();

  /** What kind of value this is, with its article, for "got ..." messages. */
  String kindName();

  /** The kinds of YAML scalar we distinguish; they decide which typed keys accept a value. */
  enum Kind {
    STRING("text"),
    INTEGER("an integer"),
    DECIMAL("a decimal number"),
    BOOLEAN("a boolean"),
    NULL("an empty value");

    final String description;

    Kind(String description) {
      this.description = description;
    }
  }

  /**
   * A single value. {@code number} is a {@link BigInteger} for integers, a {@link Double} for
   * decimals and null otherwise; {@code text} is the value as written.
   */
  record Scalar(Kind kind, String text, Number number, String source) implements ConfigNode {
    @Override
    public String display() {
      return switch (kind) {
        case STRING -> quote(text);
        case NULL -> "(empty)";
        default -> text;
      };
    }

    @Override
    public String kindName() {
      return kind.description;
    }

    /** {@code key:}, {@code key: ~} and {@code key: ""} all mean "not set". */
    boolean isNull() {
      return kind == Kind.NULL || (kind == Kind.STRING && text.isEmpty());
    }

    static String quote(String s) {
      return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
  }

  /** A mapping of keys, in the order written; unmodifiable. */
  record Mapping(Map<String, ConfigNode> entries, String source) implements ConfigNode {
    public Mapping {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    static Mapping empty(String source) {
      return new Mapping(Map.of(), source);
    }

    @Override
    public String display() {
      return "(a section)";
    }

    @Override
    public String kindName() {
      return "a section";
    }
  }

  /** A YAML sequence; no key takes a list yet, but one written by mistake must be reported. */
  record Sequence(List<ConfigNode> items, String source) implements ConfigNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String display() {
      return "(a list)";
    }

    @Override
    public String kindName() {
      return "a list";
    }
  }
}
