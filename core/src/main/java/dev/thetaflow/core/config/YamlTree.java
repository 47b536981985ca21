package dev.thetaflow.core.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one YAML document into a {@link ConfigNode} tree that remembers the line of every value.
 *
 * <p>We read tokens instead of letting databind map straight to records: databind stops at the
 * first error, cannot tell which file a merged value came from and silently keeps the last of two
 * duplicate keys.
 */
final class YamlTree {

  private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

  private YamlTree() {}

  /**
   * Parses {@code yaml}; an empty document is an empty mapping. Problems (syntax, duplicate keys, a
   * top level that is not a mapping) are added to {@code problems} and whatever could be read is
   * returned.
   */
  static ConfigNode.Mapping read(String yaml, String sourceName, List<ConfigProblem> problems) {
    try (JsonParser p = FACTORY.createParser(yaml)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return ConfigNode.Mapping.empty(sourceName);
      }
      if (first != JsonToken.START_OBJECT) {
        problems.add(
            new ConfigProblem(
                "",
                "",
                where(sourceName, p.currentTokenLocation()),
                "expected a mapping of keys (like 'ib:' or 'mode: sim') at the top level, got "
                    + describe(first)));
        return ConfigNode.Mapping.empty(sourceName);
      }
      ConfigNode.Mapping root = readMapping(p, sourceName, "", problems);
      if (p.nextToken() != null) {
        problems.add(
            new ConfigProblem(
                "",
                "",
                where(sourceName, p.currentTokenLocation()),
                "expected a single YAML document; remove the second '---' document"));
      }
      return root;
    } catch (JacksonException e) {
      problems.add(
          new ConfigProblem(
              "",
              "",
              where(sourceName, e.getLocation()),
              "expected valid YAML: " + e.getOriginalMessage().strip()));
      return ConfigNode.Mapping.empty(sourceName);
    } catch (IOException e) {
      // Reading from a String cannot fail with I/O; keep the cause if it somehow does.
      throw new IllegalStateException("reading YAML from memory failed", e);
    }
  }

  private static ConfigNode.Mapping readMapping(
      JsonParser p, String sourceName, String prefix, List<ConfigProblem> problems)
      throws IOException {
    String source = where(sourceName, p.currentTokenLocation());
    Map<String, ConfigNode> entries = new LinkedHashMap<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      String key = p.currentName();
      String path = prefix.isEmpty() ? key : prefix + "." + key;
      ConfigNode value = readValue(p, p.nextToken(), sourceName, path, problems);
      ConfigNode earlier = entries.putIfAbsent(key, value);
      if (earlier != null) {
        problems.add(
            new ConfigProblem(
                path,
                value.display(),
                value.source(),
                "expected each key once per file; "
                    + path
                    + " is already set at "
                    + earlier.source()));
      }
    }
    return new ConfigNode.Mapping(entries, source);
  }

  private static ConfigNode readValue(
      JsonParser p, JsonToken t, String sourceName, String path, List<ConfigProblem> problems)
      throws IOException {
    String source = where(sourceName, p.currentTokenLocation());
    if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      // Jackson hands an alias back as its anchor name, which would silently become the value.
      problems.add(
          new ConfigProblem(
              path,
              "*" + p.getText(),
              source,
              "expected a plain value; YAML anchors and aliases are not supported, write the"
                  + " value out"));
      return new ConfigNode.Scalar(ConfigNode.Kind.NULL, "", null, source);
    }
    return switch (t) {
      case START_OBJECT -> readMapping(p, sourceName, path, problems);
      case START_ARRAY -> {
        List<ConfigNode> items = new ArrayList<>();
        for (JsonToken i = p.nextToken(); i != JsonToken.END_ARRAY; i = p.nextToken()) {
          items.add(readValue(p, i, sourceName, path + "[" + items.size() + "]", problems));
        }
        yield new ConfigNode.Sequence(items, source);
      }
      case VALUE_NUMBER_INT ->
          new ConfigNode.Scalar(
              ConfigNode.Kind.INTEGER, p.getText(), p.getBigIntegerValue(), source);
      case VALUE_NUMBER_FLOAT ->
          new ConfigNode.Scalar(ConfigNode.Kind.DECIMAL, p.getText(), p.getDoubleValue(), source);
      case VALUE_TRUE, VALUE_FALSE ->
          new ConfigNode.Scalar(ConfigNode.Kind.BOOLEAN, p.getText(), null, source);
      case VALUE_NULL -> new ConfigNode.Scalar(ConfigNode.Kind.NULL, "", null, source);
      default -> new ConfigNode.Scalar(ConfigNode.Kind.STRING, p.getText(), null, source);
    };
  }

  static String where(String sourceName, JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return sourceName;
    }
    return sourceName + " line " + location.getLineNr();
  }

  private static String describe(JsonToken t) {
    return switch (t) {
      case START_ARRAY -> "a list";
      case VALUE_STRING -> "a single text value";
      default -> "a single value";
    };
  }
}
