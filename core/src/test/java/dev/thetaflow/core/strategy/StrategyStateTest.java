package dev.thetaflow.core.strategy;

import static dev.thetaflow.core.strategy.StrategyState.ADJUSTING;
import static dev.thetaflow.core.strategy.StrategyState.CLOSED;
import static dev.thetaflow.core.strategy.StrategyState.CLOSING;
import static dev.thetaflow.core.strategy.StrategyState.OPEN;
import static dev.thetaflow.core.strategy.StrategyState.PENDING_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StrategyStateTest {

  /** The full allowed-transition table, written out independently of the switch. */
  static final Map<StrategyState, Set<StrategyState>> ALLOWED =
      Map.of(
          PENDING_ENTRY, EnumSet.of(OPEN, CLOSING, CLOSED),
          OPEN, EnumSet.of(ADJUSTING, CLOSING, CLOSED),
          ADJUSTING, EnumSet.of(OPEN, CLOSING, CLOSED),
          CLOSING, EnumSet.of(OPEN, CLOSED),
          CLOSED, EnumSet.noneOf(StrategyState.class));

  @Test
  void everyPairMatchesTheTable() {
    for (StrategyState from : StrategyState.values()) {
      for (StrategyState to : StrategyState.values()) {
        assertThat(from.canTransitionTo(to))
            .as(from + " -> " + to)
            .isEqualTo(ALLOWED.get(from).contains(to));
      }
      assertThat(from.canTransitionTo(null)).isFalse();
    }
    assertThat(CLOSED.isTerminal()).isTrue();
    assertThat(CLOSING.isTerminal()).isFalse();
  }
}
