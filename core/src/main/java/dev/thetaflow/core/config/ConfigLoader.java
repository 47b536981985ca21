package dev.thetaflow.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads a {@link ThetaflowConfig} from YAML and the environment, or explains every reason it
 * cannot.
 *
 * <p>Sources, later ones overriding earlier ones key by key:
 *
 * <ol>
 *   <li>{@code <confDir>/base.yaml} (optional): settings shared by every profile;
 *   <li>{@code <confDir>/<profile>.yaml} (required): the profile, which sets {@code mode};
 *   <li>{@code <confDir>/<profile>.local.yaml} (optional, git-ignored): this machine's settings,
 *       such as the live account id;
 *   <li>environment variables {@code THETAFLOW__SECTION__KEY}, e.g. {@code THETAFLOW__IB__PORT}.
 * </ol>
 *
 * <p>Then every key is type- and range-checked, unknown keys are reported with a suggestion, and
 * the {@link LiveSafety} rules run. All problems are thrown together in one {@link
 * ConfigException}.
 */
public final class ConfigLoader {

  /** The command-line flag the CLI must pass as {@code liveConfirmed} for mode live. */
  public static final String LIVE_CONFIRMATION_FLAG = "--i-understand-this-is-live";

  /** Merged under every profile. */
  public static final String BASE_FILE = "base.yaml";

  private static final Pattern PROFILE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Set<String> MODE_NAMES = Set.of("sim", "paper", "live");

  private ConfigLoader() {}

  /**
   * Loads profile {@code profile} from {@code confDir}.
   *
   * @param env the environment, normally {@code System.getenv()}; only {@code THETAFLOW_*}
   *     variables are looked at
   * @param liveConfirmed whether the operator passed {@value #LIVE_CONFIRMATION_FLAG}
   * @throws ConfigException listing every problem found
   */
  public static ThetaflowConfig load(
      Path confDir, String profile, Map<String, String> env, boolean liveConfirmed) {
    List<ConfigProblem> problems = new ArrayList<>();
    if (profile == null || !PROFILE_NAME.matcher(profile).matches() || profile.equals("base")) {
      problems.add(
          new ConfigProblem(
              "",
              "",
              "profile " + (profile == null ? "(none)" : ConfigNode.Scalar.quote(profile)),
              "expected a profile name of lower-case letters, digits and '-' other than 'base',"
                  + " e.g. sim, paper or live"));
      throw new ConfigException(problems);
    }
    Path profileFile = confDir.resolve(profile + ".yaml");
    if (!Files.isRegularFile(profileFile)) {
      List<String> available = availableProfiles(confDir);
      String suggestion =
          Suggestions.closest(profile, available).map(p -> "; did you mean " + p + "?").orElse("");
      problems.add(
          new ConfigProblem(
              "",
              "",
              profileFile.toString(),
              "expected this profile file to exist (available profiles: "
                  + (available.isEmpty() ? "none" : String.join(", ", available))
                  + ")"
                  + suggestion));
      throw new ConfigException(problems);
    }
    List<String> searched = new ArrayList<>();
    ConfigNode.Mapping tree = ConfigNode.Mapping.empty(profileFile.toString());
    for (Path file :
        List.of(
            confDir.resolve(BASE_FILE), profileFile, confDir.resolve(profile + ".local.yaml"))) {
      if (!file.equals(profileFile) && !Files.exists(file)) {
        continue;
      }
      searched.add(file.toString());
      Optional<String> text = readFile(file, problems);
      if (text.isPresent()) {
        tree = TreeMerge.merge(tree, YamlTree.read(text.get(), file.toString(), problems));
      }
    }
    return bind(tree, searched, profile, env, liveConfirmed, problems);
  }

  /**
   * Binds one YAML text, as if it were the only file; for tests and tools.
   *
   * @param sourceName how messages name the text, e.g. {@code test.yaml}
   * @throws ConfigException listing every problem found
   */
  public static ThetaflowConfig parse(
      String yaml, String sourceName, Map<String, String> env, boolean liveConfirmed) {
    List<ConfigProblem> problems = new ArrayList<>();
    ConfigNode.Mapping tree = YamlTree.read(yaml, sourceName, problems);
    return bind(tree, List.of(sourceName), null, env, liveConfirmed, problems);
  }

  private static ThetaflowConfig bind(
      ConfigNode.Mapping fileTree,
      List<String> searched,
      String profile,
      Map<String, String> env,
      boolean liveConfirmed,
      List<ConfigProblem> problems) {
    // A file that is not valid YAML leaves keys unread; reporting them as missing would bury the
    // real mistake, so stop here.
    if (problems.stream().anyMatch(p -> p.key().isEmpty())) {
      throw new ConfigException(problems);
    }
    ConfigNode.Mapping tree = EnvOverrides.apply(fileTree, env, problems);
    List<String> allSources = new ArrayList<>(searched);
    allSources.add("environment");
    Binding binding = new Binding(String.join(", ", allSources));
    binding.addAll(problems);

    ThetaflowConfig config = ThetaflowConfig.read(ConfigSection.root(binding, tree));

    Mode mode = (Mode) binding.value("mode");
    if (profile != null && mode != null && MODE_NAMES.contains(profile)) {
      if (!mode.configName().equals(profile)) {
        binding.add(
            new ConfigProblem(
                "mode",
                mode.configName(),
                sourceOf(tree, "mode", binding),
                "expected " + profile + ": a profile named after a mode must run in that mode"));
      }
    }
    binding.addAll(
        LiveSafety.check(
            mode,
            binding.failed("account")
                ? null
                : Optional.ofNullable((String) binding.value("account")),
            toInteger(binding.value("ib.port")),
            toInteger(binding.value("sim.port")),
            liveConfirmed,
            key -> sourceOf(tree, key, binding)));
    List<ConfigProblem> envTypos = new ArrayList<>();
    EnvOverrides.reportSingleUnderscoreTypos(env, binding.knownPaths(), envTypos);
    binding.addAll(envTypos);

    if (binding.problemCount() > 0 || config == null) {
      throw new ConfigException(binding.problems());
    }
    return config;
  }

  /** Ports are read as longs for range checks; the safety rules want them as ints. */
  private static Integer toInteger(Object value) {
    return value == null ? null : ((Number) value).intValue();
  }

  /** Where the value of {@code path} came from, or where we looked if it is set nowhere. */
  private static String sourceOf(ConfigNode.Mapping tree, String path, Binding binding) {
    ConfigNode node = tree;
    for (String key : path.split("\\.")) {
      if (!(node instanceof ConfigNode.Mapping m) || !m.entries().containsKey(key)) {
        return binding.notSetSource();
      }
      node = m.entries().get(key);
    }
    if (node instanceof ConfigNode.Scalar s && s.isNull()) {
      return binding.notSetSource();
    }
    return node.source();
  }

  private static Optional<String> readFile(Path file, List<ConfigProblem> problems) {
    try {
      return Optional.of(Files.readString(file));
    } catch (IOException e) {
      problems.add(
          new ConfigProblem(
              "", "", file.toString(), "expected a readable UTF-8 file: " + e.getMessage()));
      return Optional.empty();
    }
  }

  private static List<String> availableProfiles(Path confDir) {
    try (Stream<Path> files = Files.list(confDir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml") && !n.endsWith(".local.yaml") && !n.equals(BASE_FILE))
          .map(n -> n.substring(0, n.length() - ".yaml".length()))
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Every key the loader knows, as dotted paths, in reading order; for docs and tooling. */
  public static List<String> knownKeys() {
    Binding binding = new Binding("");
    ConfigSection root = ConfigSection.root(binding, ConfigNode.Mapping.empty("(known keys)"));
    ThetaflowConfig.read(root);
    List<String> keys = new ArrayList<>(binding.knownPaths());
    // sim is only read in mode sim; add its keys for completeness.
    Binding simBinding = new Binding("");
    SimConfig.read(ConfigSection.root(simBinding, ConfigNode.Mapping.empty("(known keys)")));
    simBinding.knownPaths().forEach(k -> keys.add("sim." + k));
    return List.copyOf(keys);
  }
}
