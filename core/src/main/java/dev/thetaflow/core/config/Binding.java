package dev.thetaflow.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * State shared by all {@link ConfigSection}s of one load: the problems found so far, every key the
 * records asked for (for suggestions and the environment typo check), and each value that passed
 * its own checks (for the cross-section safety rules, which must run even if another section
 * failed).
 */
final class Binding {

  private final List<ConfigProblem> problems = new ArrayList<>();
  private final Set<String> knownPaths = new LinkedHashSet<>();
  private final Map<String, Object> values = new HashMap<>();
  private final Set<String> failedPaths = new HashSet<>();
  private final String searched;

  /**
   * @param searched the sources read, for keys set nowhere, e.g. {@code conf/base.yaml,
   *     conf/sim.yaml, environment}
   */
  Binding(String searched) {
    this.searched = searched;
  }

  void add(ConfigProblem problem) {
    problems.add(problem);
  }

  void addAll(List<ConfigProblem> more) {
    problems.addAll(more);
  }

  int problemCount() {
    return problems.size();
  }

  List<ConfigProblem> problems() {
    return Collections.unmodifiableList(problems);
  }

  void declare(String path) {
    knownPaths.add(path);
  }

  Set<String> knownPaths() {
    return Collections.unmodifiableSet(knownPaths);
  }

  void recordValue(String path, Object value) {
    values.put(path, value);
  }

  /** The checked value of a key, or null if it was not set or failed its checks. */
  Object value(String path) {
    return values.get(path);
  }

  void markFailed(String path) {
    failedPaths.add(path);
  }

  /** Whether {@code path} was set but failed its own checks (so its value is unknown). */
  boolean failed(String path) {
    return failedPaths.contains(path);
  }

  /** The "source" of a key that is set nowhere. */
  String notSetSource() {
    return "searched " + searched;
  }
}
