package dev.thetaflow.jobs.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.thetaflow.core.command.CommandAction;
import dev.thetaflow.core.command.CommandCodec;
import dev.thetaflow.core.command.CommandType;
import dev.thetaflow.core.command.StrategySpec;
import dev.thetaflow.sim.scenario.Scenario;
import dev.thetaflow.sim.scenario.ScenarioParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The two files of {@code tradectl sim --scenario FILE --strategies FILE}, read and validated
 * before anything starts: a mistake names the file, the field and the value.
 */
public final class ScenarioFiles {
  /** The scenarios bundled with ib-sim, by name. */
  static final List<String> BUNDLED = List.of("calm", "crash-and-disconnect");

  private ScenarioFiles() {}

  /**
   * A scenario file in ib-sim's format, or the name of a bundled one ({@code calm}).
   *
   * @throws IllegalArgumentException naming the file and every problem in it
   */
  public static Scenario scenario(String fileOrName) {
    Path file = Path.of(fileOrName);
    if (Files.isRegularFile(file)) {
      try {
        return ScenarioParser.parse(file);
      } catch (IOException e) {
        throw new IllegalArgumentException("scenario " + file + ": cannot be read: " + e, e);
      }
    }
    if (BUNDLED.contains(fileOrName)) {
      try (InputStream in =
          ScenarioParser.class.getResourceAsStream("/scenarios/" + fileOrName + ".yaml")) {
        if (in != null) {
          return ScenarioParser.parse(
              new String(in.readAllBytes(), StandardCharsets.UTF_8), fileOrName);
        }
      } catch (IOException e) {
        throw new IllegalArgumentException("bundled scenario " + fileOrName + ": " + e, e);
      }
    }
    throw new IllegalArgumentException(
        "scenario "
            + fileOrName
            + ": no such file, and not a bundled scenario (bundled: "
            + String.join(", ", BUNDLED)
            + ")");
  }

  /**
   * The strategies to open at start: a YAML or JSON list of specs in the format of {@code tradectl
   * command open --spec} (or a mapping with that list under {@code strategies}).
   *
   * @throws IllegalArgumentException naming the file, the entry, the field and the value
   */
  public static List<StrategySpec> strategies(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("strategies " + file + ": cannot be read: " + e, e);
    }
    return strategies(text, file.toString());
  }

  /** The same from text; {@code source} names it in messages. */
  public static List<StrategySpec> strategies(String text, String source) {
    JsonNode root;
    try {
      // YAML is a superset of JSON: one reader takes both
      root = new ObjectMapper(new YAMLFactory()).readTree(text);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
      throw new IllegalArgumentException(
          "strategies "
              + source
              + ": not valid YAML or JSON"
              + where
              + ": "
              + e.getOriginalMessage());
    }
    if (root != null && root.isObject() && root.has("strategies") && root.size() == 1) {
      root = root.get("strategies");
    }
    if (root == null || !root.isArray() || root.isEmpty()) {
      throw new IllegalArgumentException(
          "strategies "
              + source
              + ": expected a non-empty list of strategy specs (as ./tradectl command open --spec"
              + " takes), was "
              + (root == null ? "empty" : abbreviate(root.toString())));
    }
    List<String> problems = new ArrayList<>();
    List<StrategySpec> specs = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < root.size(); i++) {
      String where = "strategies[" + i + "]";
      try {
        CommandAction action =
            CommandCodec.action(CommandType.OPEN_STRATEGY, root.get(i).toString());
        StrategySpec spec = ((CommandAction.OpenStrategy) action).spec();
        if (!ids.add(spec.strategyId())) {
          problems.add(where + ".strategy_id: \"" + spec.strategyId() + "\" is listed twice");
        } else {
          specs.add(spec);
        }
      } catch (IllegalArgumentException e) { // CommandException among them
        problems.add(where + "." + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "strategies "
              + source
              + " has "
              + problems.size()
              + (problems.size() == 1 ? " problem:" : " problems:")
              + "\n  - "
              + String.join("\n  - ", problems));
    }
    return List.copyOf(specs);
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
