package dev.thetaflow.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A tiny run of each mode: every measured quote must be accounted for, so nothing is measured out
 * of thin air.
 */
class PipelineBenchTest {
  private static final PipelineBench.Setup TINY =
      new PipelineBench.Setup(12, 2, Duration.ofMillis(300), null, 3, false);

  @Test
  void universeHoldersMatchTheStrategiesLegs() {
    BenchUniverse u = BenchUniverse.create(12, 3, Instant.parse("2026-06-15T12:30:00Z"));
    int legHolders =
        u.instruments().stream()
            .filter(i -> !i.isUnderlying())
            .mapToInt(i -> u.holders(i.conId()))
            .sum();
    assertThat(legHolders).isEqualTo(u.legSlots());
    assertThat(u.fills()).hasSize(u.legSlots());
    assertThat(u.opens()).hasSize(12);
    assertThat(u.options()).isPositive();
  }

  @Test
  @Timeout(180)
  void everyReplayedQuoteReachesEachStrategyHoldingIt() throws Exception {
    PipelineBench.Throughput t = PipelineBench.throughput(TINY, 20_000);

    assertThat(t.unaccounted()).as(t.firstUnaccounted()).isZero();
    assertThat(t.expectedLegOutputs()).isGreaterThan(10_000);
    assertThat(t.legOutputs()).isEqualTo(t.expectedLegOutputs());
    assertThat(t.sourceRate()).isPositive();
    assertThat(t.outputRate()).isPositive();
    assertThat(t.checkpoints()).isPositive();
  }

  @Test
  @Timeout(180)
  void pacedQuotesAreTimedFromEmissionToDecision() throws Exception {
    PipelineBench.Latency l =
        PipelineBench.latency(
            new PipelineBench.Setup(12, 2, Duration.ofMillis(300), Duration.ZERO, 3, false),
            2_000,
            Duration.ofSeconds(2));

    assertThat(l.legOutputs()).isEqualTo(l.expectedLegOutputs()).isPositive();
    assertThat(l.all().getTotalCount()).isEqualTo(l.legOutputs() + l.underlyingOutputs());
    assertThat(l.outsideCheckpoints().getTotalCount()).isLessThanOrEqualTo(l.all().getTotalCount());
    assertThat(l.checkpoints()).isPositive();
    assertThat(l.all().getValueAtPercentile(50))
        .isLessThan(1_000_000); // µs: a second is no pipeline
  }

  @Test
  @Timeout(240)
  void eachPlantedBreachIsFoundAsItsCondorsSentDecision() throws Exception {
    DecisionBench.Result r =
        DecisionBench.run(
            new DecisionBench.Setup(
                new PipelineBench.Setup(12, 2, Duration.ofMillis(300), Duration.ZERO, 3, true),
                400,
                20,
                30,
                Duration.ofSeconds(1),
                0.5,
                Duration.ofSeconds(1)));

    // every executor event was a planted breach's SENT take profit, and none went unanswered
    assertThat(r.unplanned()).as(r.firstUnplanned()).isZero();
    assertThat(r.unanswered()).isZero();
    assertThat(r.all().getTotalCount()).isGreaterThanOrEqualTo(30);
    // the warm-up's breaches were planted and found too, but not measured
    assertThat(r.found()).isGreaterThan(r.all().getTotalCount()).isLessThanOrEqualTo(r.planted());
    // twelve condors gave 30+ breaches: each was re-armed and sent again
    assertThat(r.found()).isGreaterThan(2 * 12);
    assertThat(r.all().getValueAtPercentile(50)).isPositive().isLessThan(1_000_000); // µs
    // the replay goes on while the last breaches are awaited, so more than 30 may be measured
    assertThat(r.outsideCheckpoints().getTotalCount()).isLessThanOrEqualTo(r.all().getTotalCount());
  }

  @Test
  void condorsSitBelowTheirTakeProfitAndEachBreachLegIsTheirs() {
    DecisionUniverse u = DecisionUniverse.create(50, 3, Instant.parse("2026-06-15T12:30:00Z"), 0.5);
    assertThat(u.strategies()).isEqualTo(50);
    assertThat(u.fills()).hasSize(200);
    assertThat(u.instruments()).hasSize(3 + 200);
    for (int i = 0; i < 50; i++) {
      double[] opening = new double[4];
      for (int k = 0; k < 4; k++) {
        BenchUniverse.Instrument leg = u.leg(i, k);
        assertThat((leg.conId() - DecisionUniverse.FIRST_OPTION) / 4).isEqualTo(i);
        double[] q = DecisionUniverse.quote(leg, leg.spot());
        opening[k] = Math.round((q[0] + q[1]) * 100) / 200.0;
      }
      int richer = opening[1] >= opening[2] ? 1 : 2;
      assertThat(u.breachableShort(i, opening))
          .as("at the opening: the richer short")
          .isEqualTo(richer);
      // the underlying walked: the other short is now the richer one, and quoting the old one near
      // zero would not be enough
      double[] walked = opening.clone();
      walked[3 - richer] = opening[richer] + 0.50;
      walked[richer] = 0.06;
      assertThat(u.breachableShort(i, walked)).isIn(3 - richer, -1);
      assertThat(u.breachableShort(i, new double[] {opening[0], 0.0, 0.0, opening[3]}))
          .as("past the take profit already")
          .isEqualTo(-1);
      assertThat(u.breachableShort(i, new double[] {Double.NaN, 1, 1, Double.NaN}))
          .as("a leg not quoted yet")
          .isEqualTo(-1);
      assertThat(DecisionUniverse.index(DecisionUniverse.id(i))).isEqualTo(i);
    }
  }
}
