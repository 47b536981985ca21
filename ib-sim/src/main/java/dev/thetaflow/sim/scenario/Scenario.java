package dev.thetaflow.sim.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * A scripted ib-sim run: market path events and faults, each at a simulated time since the start.
 * Parsed and validated by {@link ScenarioParser}; the format is documented in the README.
 *
 * @param name a title for logs
 * @param events market path events, sorted by time
 * @param faults faults, sorted by time
 * @param dividends the underlyings' next dividends, at most one per symbol
 */
public record Scenario(
    String name, List<PathEvent> events, List<Fault> faults, List<ScenarioDividend> dividends) {

  public Scenario {
    List<PathEvent> e = new ArrayList<>(events);
    e.sort(java.util.Comparator.comparing(PathEvent::at));
    events = List.copyOf(e);
    List<Fault> f = new ArrayList<>(faults);
    f.sort(java.util.Comparator.comparing(Fault::at));
    faults = List.copyOf(f);
    dividends = List.copyOf(dividends);
  }

  /** No dividends. */
  public Scenario(String name, List<PathEvent> events, List<Fault> faults) {
    this(name, events, faults, List.of());
  }

  /** No events, no faults: the market runs on its own. */
  public static Scenario quiet() {
    return new Scenario("quiet", List.of(), List.of());
  }
}
