package dev.thetaflow.jobs.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.jobs.strategy.DeltaChoice.Candidate;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

class DeltaChoiceTest {
  @Test
  void theNearestDeltaWins() {
    List<Candidate> puts =
        List.of(new Candidate(560, -0.12), new Candidate(565, -0.155), new Candidate(570, -0.21));
    assertThat(DeltaChoice.nearest(OptionType.PUT, -0.16, puts)).contains(puts.get(1));
    assertThat(DeltaChoice.nearest(OptionType.PUT, -0.19, puts)).contains(puts.get(2));
    assertThat(DeltaChoice.nearest(OptionType.PUT, -0.16, List.of())).isEmpty();
  }

  @Test
  void aTieGoesToTheFurtherOutOfTheMoney() {
    // -0.14 and -0.18 are both 0.02 from -0.16 (up to rounding): the lower put strike is further
    // out
    List<Candidate> puts = List.of(new Candidate(570, -0.18), new Candidate(565, -0.14));
    assertThat(DeltaChoice.nearest(OptionType.PUT, -0.16, puts)).contains(puts.get(1));
    assertThat(DeltaChoice.nearest(OptionType.PUT, -0.16, List.of(puts.get(1), puts.get(0))))
        .contains(puts.get(1));
    // for calls the higher strike is further out
    List<Candidate> calls = List.of(new Candidate(630, 0.30), new Candidate(640, 0.20));
    assertThat(DeltaChoice.nearest(OptionType.CALL, 0.25, calls)).contains(calls.get(1));
    assertThat(DeltaChoice.nearest(OptionType.CALL, 0.25, List.of(calls.get(1), calls.get(0))))
        .contains(calls.get(1));
    // just outside the tie tolerance the nearer one wins even if it is nearer the money
    List<Candidate> near = List.of(new Candidate(570, -0.1799), new Candidate(565, -0.14));
    assertThat(DeltaChoice.nearest(OptionType.PUT, -0.16, near)).contains(near.get(0));
  }

  @Test
  void theWindowIsTheListedStrikesAroundSpotInclusive() {
    TreeSet<Double> listed = new TreeSet<>(List.of(80.0, 90.0, 95.0, 100.0, 105.0, 110.0, 120.0));
    assertThat(DeltaChoice.window(listed, 100, 0.10))
        .containsExactly(90.0, 95.0, 100.0, 105.0, 110.0);
    assertThat(DeltaChoice.width(0)).isEqualTo(0.05);
    assertThat(DeltaChoice.width(30 / 365.0)).isBetween(0.42, 0.44);
    assertThat(DeltaChoice.width(2)).isEqualTo(0.5);
  }

  @Test
  void aSampleSpreadsOverTheStrikesAndKeepsBothEnds() {
    List<Double> strikes = DoubleStream.iterate(500, k -> k + 1).limit(101).boxed().toList();
    List<Double> sample = DeltaChoice.sample(strikes, 11);
    assertThat(sample)
        .containsExactly(
            500.0, 510.0, 520.0, 530.0, 540.0, 550.0, 560.0, 570.0, 580.0, 590.0, 600.0);
    assertThat(DeltaChoice.sample(strikes.subList(0, 3), 16)).containsExactly(500.0, 501.0, 502.0);
    assertThat(DeltaChoice.sample(strikes.subList(0, 17), 16)).hasSize(16).doesNotHaveDuplicates();
  }

  @Test
  void theSearchNarrowsToTheStrikesWhoseDeltasStraddleTheTarget() {
    List<Double> window = DoubleStream.iterate(550, k -> k + 1).limit(51).boxed().toList();
    List<Candidate> sampled =
        List.of(
            new Candidate(550, -0.08),
            new Candidate(560, -0.12),
            new Candidate(570, -0.19),
            new Candidate(580, -0.28),
            new Candidate(600, -0.50));
    assertThat(DeltaChoice.between(window, sampled, -0.16))
        .containsExactly(561.0, 562.0, 563.0, 564.0, 565.0, 566.0, 567.0, 568.0, 569.0);
    // a strike exactly on the target leaves nothing to search
    assertThat(DeltaChoice.between(window, List.of(new Candidate(560, -0.16)), -0.16)).isEmpty();
    // beyond every evaluated delta the window's end bounds the search
    assertThat(DeltaChoice.between(window, sampled.subList(1, 5), -0.05))
        .containsExactly(550.0, 551.0, 552.0, 553.0, 554.0, 555.0, 556.0, 557.0, 558.0, 559.0);
    // noise (570 richer than 565) makes them non-monotone: search between the two
    List<Candidate> noisy = List.of(new Candidate(565, -0.17), new Candidate(570, -0.15));
    assertThat(DeltaChoice.between(window, noisy, -0.16))
        .containsExactly(566.0, 567.0, 568.0, 569.0);
  }
}
