package dev.thetaflow.sim.scenario;

import java.util.List;

/** A scenario file that cannot be used, with every problem found in it. */
public final class ScenarioException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public ScenarioException(String source, List<String> problems) {
    super(
        "scenario "
            + source
            + " has "
            + problems.size()
            + (problems.size() == 1 ? " problem:" : " problems:")
            + "\n  - "
            + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
