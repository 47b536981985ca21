package dev.thetaflow.core.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A cursor over one mapping (the root, {@code ib}, {@code ib.reconnectBackoff}, ...). Records read
 * the keys they need through it; each read checks type and range and records a {@link
 * ConfigProblem} instead of stopping at the first mistake. After the reads, {@link #build} reports
 * every key nobody asked for and constructs the record only if this section had no problem.
 *
 * <p>A value written as empty ({@code key:}, {@code ~} or {@code ""}) counts as not set, so a
 * profile can clear a value set in {@code base.yaml}.
 */
final class ConfigSection {

  private static final Set<String> CREDENTIAL_WORDS =
      Set.of("password", "passwd", "secret", "token", "apikey", "credential", "credentials");

  private final Binding binding;
  private final String path;
  private final ConfigNode.Mapping node;
  private final boolean quietWhenMissing;
  private final Set<String> declared = new LinkedHashSet<>();
  private final int problemsAtStart;

  private ConfigSection(
      Binding binding, String path, ConfigNode.Mapping node, boolean quietWhenMissing) {
    this.binding = binding;
    this.path = path;
    this.node = node;
    this.quietWhenMissing = quietWhenMissing;
    this.problemsAtStart = binding.problemCount();
  }

  static ConfigSection root(Binding binding, ConfigNode.Mapping tree) {
    return new ConfigSection(binding, "", tree, false);
  }

  /** The full dotted key of {@code key} in this section. */
  String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  // ---- typed reads ---------------------------------------------------------------------------

  /** A required integer. */
  int integer(String key, IntegerRange range) {
    Long v = read(key, null, range.describe(), s -> Scalars.toInteger(s, range));
    return v == null ? 0 : v.intValue();
  }

  int integer(String key, int defaultValue, IntegerRange range) {
    return read(key, (long) defaultValue, range.describe(), s -> Scalars.toInteger(s, range))
        .intValue();
  }

  long longInteger(String key, long defaultValue, IntegerRange range) {
    return read(key, defaultValue, range.describe(), s -> Scalars.toInteger(s, range));
  }

  /** A required decimal number; integers are accepted too. */
  double decimal(String key, DecimalRange range) {
    Double v = read(key, null, range.describe(), s -> Scalars.toDecimal(s, range));
    return v == null ? 0.0 : v;
  }

  double decimal(String key, double defaultValue, DecimalRange range) {
    return read(key, defaultValue, range.describe(), s -> Scalars.toDecimal(s, range));
  }

  Duration duration(String key, Duration defaultValue, DurationRange range) {
    return read(key, defaultValue, range.describe(), s -> Scalars.toDuration(s, range));
  }

  String string(String key, String defaultValue) {
    return read(key, defaultValue, "a text value", Scalars::toText);
  }

  Optional<String> optionalString(String key) {
    return Optional.ofNullable(read(key, null, null, Scalars::toText));
  }

  /** An optional text that must match {@code pattern} in full. */
  Optional<String> optionalMatching(String key, Pattern pattern, String expected) {
    return Optional.ofNullable(
        read(
            key,
            null,
            null,
            s -> {
              String text = Scalars.toText(s);
              if (!pattern.matcher(text).matches()) {
                throw new IllegalArgumentException("expected " + expected);
              }
              return text;
            }));
  }

  /** The text of a scalar of any kind (number, word, true/false), or null when not set. */
  String scalarText(String key) {
    return read(key, null, null, ConfigNode.Scalar::text);
  }

  boolean bool(String key, boolean defaultValue) {
    return read(
        key,
        defaultValue,
        "true or false",
        s -> {
          if (s.kind() != ConfigNode.Kind.BOOLEAN) {
            throw new IllegalArgumentException("expected true or false, got " + s.kindName());
          }
          return Boolean.parseBoolean(s.text());
        });
  }

  /**
   * A required, non-empty list of texts, each checked by {@code check} (which throws {@link
   * IllegalArgumentException} saying what it expected). A single value counts as a list of one, so
   * that an environment variable can set it.
   */
  List<String> texts(String key, String expected, Function<String, String> check) {
    ConfigNode n = lookup(key);
    if (n == null) {
      reportMissing(key, expected);
      return List.of();
    }
    List<ConfigNode> items = n instanceof ConfigNode.Sequence q ? q.items() : List.of(n);
    List<String> values = new ArrayList<>();
    for (ConfigNode item : items) {
      if (!(item instanceof ConfigNode.Scalar s)
          || s.isNull()
          || s.kind() == ConfigNode.Kind.BOOLEAN) {
        problem(key, n, "expected " + expected + ", got " + item.kindName() + " in it");
        return List.of();
      }
      try {
        values.add(check.apply(s.text()));
      } catch (IllegalArgumentException e) {
        problem(key, n, e.getMessage() + " (at " + s.display() + ")");
        return List.of();
      }
    }
    if (values.isEmpty()) {
      problem(key, n, "expected " + expected + ", got an empty list");
      return List.of();
    }
    binding.recordValue(pathOf(key), List.copyOf(values));
    return List.copyOf(values);
  }

  /** A required choice among the config names of {@code type}. */
  <E extends Enum<E> & ConfigEnum> E choice(String key, Class<E> type) {
    return read(key, null, Scalars.choices(type), s -> Scalars.toChoice(s, type));
  }

  <E extends Enum<E> & ConfigEnum> E choice(String key, E defaultValue, Class<E> type) {
    return read(key, defaultValue, Scalars.choices(type), s -> Scalars.toChoice(s, type));
  }

  /**
   * The nested section {@code key}; an absent one is empty, so its keys take their defaults. A
   * value where a section belongs is reported, and the returned empty section stays quiet about
   * missing required keys so that one mistake gives one message.
   */
  ConfigSection section(String key) {
    ConfigNode n = lookup(key);
    if (n instanceof ConfigNode.Mapping m) {
      return new ConfigSection(binding, pathOf(key), m, quietWhenMissing);
    }
    if (n != null) {
      problem(key, n, "expected a section of keys (e.g. '" + key + ":' followed by indented keys)");
    }
    String where = n != null ? n.source() : node.source();
    return new ConfigSection(
        binding, pathOf(key), ConfigNode.Mapping.empty(where), quietWhenMissing || n != null);
  }

  /** The keys this section holds, for sections whose keys are names (symbols), not settings. */
  java.util.Set<String> keys() {
    return new java.util.TreeSet<>(node.entries().keySet());
  }

  /** Whether {@code key} is set to something other than empty; declares the key as known. */
  boolean has(String key) {
    return lookup(key) != null;
  }

  /** This section's dotted path ("" for the root). */
  String path() {
    return path;
  }

  /** Reports a problem with this section as a whole (values that do not fit together). */
  void rejectSection(String expected) {
    binding.markFailed(path);
    binding.add(new ConfigProblem(path, "(a section)", node.source(), expected));
  }

  /** Reports a problem with the value of {@code key} (which must be set). */
  void reject(String key, String expected) {
    ConfigNode n = node.entries().get(key);
    problem(key, n, expected);
  }

  // ---- finishing -------------------------------------------------------------------------------

  /**
   * Reports unknown keys, then constructs the record unless this section (or a nested one) had a
   * problem; returns null in that case. A {@link ConfigViolation} thrown by the record's own
   * cross-field checks becomes a problem with the full key and source.
   */
  <T> T build(Supplier<T> constructor) {
    reportUnknownKeys();
    if (binding.problemCount() > problemsAtStart) {
      return null;
    }
    try {
      return constructor.get();
    } catch (ConfigViolation v) {
      ConfigNode n = node.entries().get(v.key());
      if (n == null) {
        // The offending value is a default, e.g. orderClientId 2 against a configured clientId 2.
        binding.add(new ConfigProblem(pathOf(v.key()), v.value(), "default", v.expected()));
      } else {
        problem(v.key(), n, v.expected());
      }
      return null;
    }
  }

  private void reportUnknownKeys() {
    for (var e : node.entries().entrySet()) {
      if (!declared.contains(e.getKey())) {
        problem(e.getKey(), e.getValue(), unknownKeyMessage(e.getKey(), e.getValue()));
      }
    }
  }

  private String unknownKeyMessage(String key, ConfigNode value) {
    String lower = key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    for (String word : CREDENTIAL_WORDS) {
      if (lower.contains(word)) {
        return "unknown key; credentials never belong in configuration:"
            + " the IB Gateway or TWS holds the login";
      }
    }
    boolean fromEnv = value.source().startsWith(EnvOverrides.SOURCE_PREFIX);
    StringBuilder sb = new StringBuilder("unknown key");
    if (key.contains(".") && binding.knownPaths().contains(pathOf(key))) {
      // "ib.port: 4002" is one key with a dot in YAML, not ib -> port.
      return sb.append("; write ")
          .append(pathOf(key))
          .append(
              " nested, one level per line (e.g. 'ib:' then '  port: 4002'),"
                  + " not as one dotted key")
          .toString();
    }
    Optional<String> suggestion = Suggestions.closest(key, declared).map(this::pathOf);
    if (suggestion.isEmpty()) {
      suggestion = sameKeyElsewhere(key);
    }
    suggestion.ifPresent(
        full ->
            sb.append("; did you mean ")
                .append(fromEnv ? EnvOverrides.envName(full) + " (" + full + ")" : full)
                .append('?'));
    sb.append(" (expected one of ")
        .append(path.isEmpty() ? "the top-level keys" : "the keys of " + path)
        .append(": ")
        .append(String.join(", ", declared))
        .append(')');
    return sb.toString();
  }

  /** A known key with this name in another section, for a key written at the wrong level. */
  private Optional<String> sameKeyElsewhere(String key) {
    List<String> matches = new ArrayList<>();
    for (String known : binding.knownPaths()) {
      String leaf = known.substring(known.lastIndexOf('.') + 1);
      if (leaf.equalsIgnoreCase(key) && !known.equals(pathOf(key))) {
        matches.add(known);
      }
    }
    return matches.isEmpty() ? Optional.empty() : Optional.of(String.join(" or ", matches));
  }

  // ---- plumbing --------------------------------------------------------------------------------

  /** The node for {@code key}, or null if absent or empty; declares the key as known. */
  private ConfigNode lookup(String key) {
    declared.add(key);
    binding.declare(pathOf(key));
    ConfigNode n = node.entries().get(key);
    return n instanceof ConfigNode.Scalar s && s.isNull() ? null : n;
  }

  /**
   * Reads {@code key} with {@code convert}; {@code defaultValue} null means required (reported if
   * {@code expected} is not null, i.e. the key is not optional). Returns the default after a
   * problem so that reading can go on.
   */
  private <T> T read(
      String key, T defaultValue, String expected, Function<ConfigNode.Scalar, T> convert) {
    ConfigNode n = lookup(key);
    if (n == null) {
      if (defaultValue == null && expected != null) {
        reportMissing(key, expected);
      }
      if (defaultValue != null) {
        binding.recordValue(pathOf(key), defaultValue);
      }
      return defaultValue;
    }
    if (!(n instanceof ConfigNode.Scalar s)) {
      problem(
          key,
          n,
          "expected " + (expected == null ? "a single value" : expected) + ", got " + n.kindName());
      return defaultValue;
    }
    try {
      T value = convert.apply(s);
      binding.recordValue(pathOf(key), value);
      return value;
    } catch (IllegalArgumentException e) {
      problem(key, n, e.getMessage());
      return defaultValue;
    }
  }

  private void reportMissing(String key, String expected) {
    if (quietWhenMissing) {
      return;
    }
    String full = pathOf(key);
    binding.add(
        new ConfigProblem(
            full,
            ConfigProblem.NOT_SET,
            binding.notSetSource(),
            "expected "
                + expected
                + "; this key has no default, set it in the profile's YAML file or with "
                + EnvOverrides.envName(full)));
  }

  private void problem(String key, ConfigNode value, String expected) {
    binding.markFailed(pathOf(key));
    binding.add(
        new ConfigProblem(
            pathOf(key),
            value == null ? ConfigProblem.NOT_SET : value.display(),
            value == null ? binding.notSetSource() : value.source(),
            expected));
  }
}
