package dev.thetaflow.ib.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thetaflow.ib.source.SubscriptionPlanner.Candidate;
import dev.thetaflow.ib.source.SubscriptionPlanner.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionPlannerTest {
  private static final Instant T = Instant.parse("2026-12-01T15:00:00Z");
  private static final LocalDate NEAR = LocalDate.of(2026, 12, 4);
  private static final LocalDate FAR = LocalDate.of(2027, 1, 15);

  private static Candidate leg(long conId, boolean shortLeg, LocalDate expiry, double moneyness) {
    return new Candidate(conId, Role.LEG, shortLeg, expiry, moneyness);
  }

  @Test
  void underlyingsFirstThenShortNearExpiryNearTheMoneyLegsAndTheRestPolled() {
    SubscriptionPlanner planner = new SubscriptionPlanner(6, 2); // 4 streaming lines
    List<Candidate> wanted =
        List.of(
            leg(10, false, NEAR, 0.01), // long, near, at the money
            leg(11, true, FAR, 0.01), // short, far
            leg(12, true, NEAR, 0.10), // short, near, out of the money
            leg(13, true, NEAR, 0.02), // short, near, nearer the money
            new Candidate(1, Role.UNDERLYING, false, null, Double.NaN),
            new Candidate(2, Role.VIX, false, null, Double.NaN),
            new Candidate(20, Role.CHAIN, false, FAR, 0.0));
    SubscriptionPlanner.Plan plan = planner.plan(wanted, T);
    assertThat(plan.streamed()).containsExactly(1L, 2L, 13L, 12L);
    assertThat(plan.polled()).containsExactly(11L, 10L, 20L);
    // the same wants in another order: the same plan
    List<Candidate> shuffled = new ArrayList<>(wanted);
    java.util.Collections.reverse(shuffled);
    assertThat(planner.plan(shuffled, T)).isEqualTo(plan);
  }

  @Test
  void pollingRotatesOldestFirstAndStalenessIsBounded() {
    SubscriptionPlanner planner = new SubscriptionPlanner(3, 2); // one streaming line
    List<Candidate> wanted = new ArrayList<>();
    wanted.add(new Candidate(1, Role.UNDERLYING, false, null, Double.NaN));
    for (long id = 100; id < 106; id++) {
      wanted.add(leg(id, false, FAR, (id - 100) / 100.0));
    }
    planner.plan(wanted, T);
    assertThat(planner.worstStaleness(T.plusSeconds(3))).isEqualTo(Duration.ofSeconds(3));
    // two snapshots per second (the reserve), six polled: each is refreshed every 3 s
    for (int second = 0; second < 9; second++) {
      Instant now = T.plusSeconds(second);
      for (long id : planner.nextSnapshots(5)) {
        planner.snapshotDone(id, now);
      }
      if (second >= 3) {
        assertThat(planner.worstStaleness(now)).isLessThanOrEqualTo(Duration.ofSeconds(2));
      }
    }
    assertThat(planner.nextSnapshots(5)).hasSize(2);
  }

  @Test
  void underlyingsBeyondTheBudgetAreAClearError() {
    SubscriptionPlanner planner = new SubscriptionPlanner(3, 1);
    List<Candidate> wanted = new ArrayList<>();
    for (long id = 1; id <= 3; id++) {
      wanted.add(new Candidate(id, Role.UNDERLYING, false, null, Double.NaN));
    }
    assertThatThrownBy(() -> planner.plan(wanted, T))
        .hasMessageContaining("need more than the 2 streaming lines left after 1 for snapshots");
    assertThatThrownBy(() -> new SubscriptionPlanner(5, 5)).hasMessageContaining("reserve");
  }

  @Test
  void onlyStockAndEtfUnderlyingsAskForIbDividends() {
    assertThat(SubscriptionPlanner.genericTicks(SubscriptionPlanner.Role.UNDERLYING, "STK"))
        .isEqualTo("456");
    assertThat(SubscriptionPlanner.genericTicks(SubscriptionPlanner.Role.UNDERLYING, "IND"))
        .as("an index underlying pays no dividend")
        .isEmpty();
    assertThat(SubscriptionPlanner.genericTicks(SubscriptionPlanner.Role.VIX, "IND")).isEmpty();
    assertThat(SubscriptionPlanner.genericTicks(SubscriptionPlanner.Role.LEG, "OPT")).isEmpty();
    assertThat(SubscriptionPlanner.genericTicks(SubscriptionPlanner.Role.LEG, "STK"))
        .as("a stock leg is the underlying's conId, which asks already")
        .isEmpty();
  }
}
