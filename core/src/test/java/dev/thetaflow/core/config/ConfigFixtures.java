package dev.thetaflow.core.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Minimal valid YAML per mode, and a way to get at the problems a text produces. */
final class ConfigFixtures {

  static final String RISK =
      """
      risk:
        maxOpenStrategies: 10
        maxLossPerDay: 1000
        maxPortfolioDeltaPer100k: 50
        maxContractsPerOrder: 10
      analytics:
        rate: 0.04
      """;

  static final String SIM =
      """
      mode: sim
      ib:
        port: 7600
      sim:
        port: 7600
      """
          + RISK;

  static final String PAPER =
      """
      mode: paper
      ib:
        port: 4002
      """
          + RISK;

  static final String LIVE =
      """
      mode: live
      account: U1234567
      ib:
        port: 4001
      """
          + RISK;

  private ConfigFixtures() {}

  /** The problems parsing {@code yaml} as {@code test.yaml} reports; fails if it loads. */
  static List<ConfigProblem> problems(String yaml, Map<String, String> env, boolean confirmed) {
    AtomicReference<ConfigException> thrown = new AtomicReference<>();
    assertThatThrownBy(() -> ConfigLoader.parse(yaml, "test.yaml", env, confirmed))
        .isInstanceOfSatisfying(ConfigException.class, thrown::set);
    return thrown.get().problems();
  }

  static List<ConfigProblem> problems(String yaml) {
    return problems(yaml, Map.of(), false);
  }
}
