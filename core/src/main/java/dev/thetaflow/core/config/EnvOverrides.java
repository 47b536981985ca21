package dev.thetaflow.core.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Environment-variable overrides: {@code THETAFLOW__} followed by the key path in upper snake case
 * with {@code __} between levels, e.g. {@code THETAFLOW__IB__PORT=4002} sets {@code ib.port} and
 * {@code THETAFLOW__IB__RECONNECT_BACKOFF__MAX=30s} sets {@code ib.reconnectBackoff.max}.
 *
 * <p>Values are typed as plain YAML scalars would be (an integer, a decimal, true/false, otherwise
 * text, taken verbatim without YAML quoting), and then pass exactly the same checks as values from
 * files. {@code mode} cannot be overridden: a forgotten variable must never turn a paper profile
 * into a live one.
 */
final class EnvOverrides {

  static final String PREFIX = "THETAFLOW__";
  static final String SOURCE_PREFIX = "environment variable ";

  private static final Pattern SEGMENT = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*");
  private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern DECIMAL =
      Pattern.compile("[-+]?(?:[0-9]+\\.[0-9]*|\\.[0-9]+|[0-9]+(?=[eE]))(?:[eE][-+]?[0-9]+)?");

  private EnvOverrides() {}

  /** {@code ib.orderClientId} → {@code THETAFLOW__IB__ORDER_CLIENT_ID}. */
  static String envName(String path) {
    StringBuilder sb = new StringBuilder(PREFIX);
    String[] parts = path.split("\\.");
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        sb.append("__");
      }
      String part = parts[i];
      for (int c = 0; c < part.length(); c++) {
        char ch = part.charAt(c);
        if (Character.isUpperCase(ch) && c > 0) {
          sb.append('_');
        }
        sb.append(Character.toUpperCase(ch));
      }
    }
    return sb.toString();
  }

  /** {@code THETAFLOW__IB__ORDER_CLIENT_ID} → {@code ib.orderClientId}; null if malformed. */
  static String pathOf(String envName) {
    if (!envName.startsWith(PREFIX)) {
      return null;
    }
    String[] segments = envName.substring(PREFIX.length()).split("__", -1);
    List<String> keys = new ArrayList<>();
    for (String segment : segments) {
      if (!SEGMENT.matcher(segment).matches()) {
        return null;
      }
      StringBuilder key = new StringBuilder();
      boolean upperNext = false;
      for (char ch : segment.toLowerCase(Locale.ROOT).toCharArray()) {
        if (ch == '_') {
          upperNext = true;
        } else {
          key.append(upperNext ? Character.toUpperCase(ch) : ch);
          upperNext = false;
        }
      }
      keys.add(key.toString());
    }
    return String.join(".", keys);
  }

  /** Returns {@code tree} with every {@code THETAFLOW__*} variable applied, in name order. */
  static ConfigNode.Mapping apply(
      ConfigNode.Mapping tree, Map<String, String> env, List<ConfigProblem> problems) {
    ConfigNode.Mapping result = tree;
    for (var e : new TreeMap<>(env).entrySet()) {
      String name = e.getKey();
      if (!name.startsWith(PREFIX)) {
        continue;
      }
      String source = SOURCE_PREFIX + name;
      String path = pathOf(name);
      String value = e.getValue();
      if (path == null) {
        problems.add(
            new ConfigProblem(
                "",
                "",
                source,
                "expected a name like THETAFLOW__IB__PORT: upper-case words joined by '_',"
                    + " levels separated by '__'"));
        continue;
      }
      if (path.equals("mode")) {
        problems.add(
            new ConfigProblem(
                path,
                ConfigNode.Scalar.quote(value),
                source,
                "mode cannot be set from the environment; choose the profile (sim, paper, live)"
                    + " instead, so that a leftover variable can never switch a session to live"));
        continue;
      }
      if (value.isEmpty()) {
        problems.add(
            new ConfigProblem(
                path,
                "\"\"",
                source,
                "expected a value; to use the file's value or the default, unset " + name));
        continue;
      }
      ConfigNode.Mapping updated = put(result, path.split("\\."), 0, scalar(value, source));
      if (updated == null) {
        problems.add(
            new ConfigProblem(
                path,
                ConfigNode.Scalar.quote(value),
                source,
                "unknown key; a key on the way to "
                    + path
                    + " takes a single value, not a section"));
        continue;
      }
      result = updated;
    }
    return result;
  }

  /**
   * Reports variables that were probably meant as overrides but use single underscores between
   * levels ({@code THETAFLOW_IB_PORT}); other {@code THETAFLOW_*} variables are not ours to judge.
   */
  static void reportSingleUnderscoreTypos(
      Map<String, String> env, Set<String> knownPaths, List<ConfigProblem> problems) {
    for (String name : new TreeMap<>(env).keySet()) {
      if (!name.startsWith("THETAFLOW_") || name.startsWith(PREFIX)) {
        continue;
      }
      String squashed = squash(name.substring("THETAFLOW_".length()));
      for (String path : knownPaths) {
        if (squash(path).equals(squashed)) {
          problems.add(
              new ConfigProblem(
                  "",
                  "",
                  SOURCE_PREFIX + name,
                  "expected "
                      + envName(path)
                      + " to override "
                      + path
                      + " (prefix THETAFLOW__ and '__' between levels); this variable is ignored"));
          break;
        }
      }
    }
  }

  private static String squash(String s) {
    return s.toLowerCase(Locale.ROOT).replace("_", "").replace(".", "");
  }

  /** Types an environment value the way YAML types a plain scalar. */
  static ConfigNode.Scalar scalar(String value, String source) {
    if (INTEGER.matcher(value).matches()) {
      return new ConfigNode.Scalar(
          ConfigNode.Kind.INTEGER, value, new BigInteger(value.replace("+", "")), source);
    }
    if (DECIMAL.matcher(value).matches()) {
      return new ConfigNode.Scalar(
          ConfigNode.Kind.DECIMAL, value, Double.parseDouble(value), source);
    }
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return new ConfigNode.Scalar(ConfigNode.Kind.BOOLEAN, value, null, source);
    }
    return new ConfigNode.Scalar(ConfigNode.Kind.STRING, value, null, source);
  }

  /** A copy of {@code map} with {@code keys[i..]} set to {@code value}; null on a conflict. */
  private static ConfigNode.Mapping put(
      ConfigNode.Mapping map, String[] keys, int i, ConfigNode value) {
    Map<String, ConfigNode> entries = new LinkedHashMap<>(map.entries());
    if (i == keys.length - 1) {
      entries.put(keys[i], value);
      return new ConfigNode.Mapping(entries, map.source());
    }
    ConfigNode child = entries.get(keys[i]);
    ConfigNode.Mapping childMap;
    if (child == null || child instanceof ConfigNode.Scalar s && s.isNull()) {
      childMap = ConfigNode.Mapping.empty(value.source());
    } else if (child instanceof ConfigNode.Mapping m) {
      childMap = m;
    } else {
      return null;
    }
    ConfigNode.Mapping updated = put(childMap, keys, i + 1, value);
    if (updated == null) {
      return null;
    }
    entries.put(keys[i], updated);
    return new ConfigNode.Mapping(entries, map.source());
  }
}
