package dev.thetaflow.core.config;

import java.util.List;

/** The configuration could not be loaded; {@link #problems()} lists every reason, not just one. */
public final class ConfigException extends RuntimeException {

  private final List<ConfigProblem> problems;

  public ConfigException(List<ConfigProblem> problems) {
    super(render(problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in the order the keys were read. */
  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String render(List<ConfigProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    StringBuilder sb = new StringBuilder("thetaflow configuration has ");
    sb.append(problems.size()).append(problems.size() == 1 ? " problem:" : " problems:");
    for (ConfigProblem p : problems) {
      sb.append('\n').append("  - ").append(p.message());
    }
    return sb.toString();
  }
}
