package dev.thetaflow.jobs.topology;

import dev.thetaflow.core.decision.Decision;
import dev.thetaflow.core.instrument.Leg;
import dev.thetaflow.core.strategy.Strategy;
import dev.thetaflow.core.strategy.StrategyState;
import java.time.Instant;
import java.util.List;

/** What reaches the decision executor of one strategy. */
public sealed interface ExecutorInput {
  String strategyId();

  /**
   * The strategy as its operator knows it, sent on every change of state or of what is held.
   *
   * @param account the account it trades in
   * @param state its state (CLOSING and ADJUSTING only once the broker reported the order)
   * @param held what is held: each leg's contract with its signed position as the ratio
   * @param exitSeq the highest exit order sequence the strategy has seen (sent before this executor
   *     existed, or reported by the broker)
   * @param adjustSeq the same for adjustments
   * @param time event time of the change
   */
  record Status(
      String strategyId,
      String account,
      StrategyState state,
      List<Leg> held,
      int exitSeq,
      int adjustSeq,
      Instant time)
      implements ExecutorInput {
    public Status {
      held = List.copyOf(held);
    }
  }

  /** A decision of a rule, of a person, or confirmed by the CEP stage. */
  record Decided(Decision decision) implements ExecutorInput {
    @Override
    public String strategyId() {
      return decision.strategyId();
    }
  }

  /**
   * The strategy as it was resolved for its entry: its structure and size, which a roll reopens at
   * a later expiry. Sent once, beside the strategy's own operator.
   */
  record Opened(Strategy strategy) implements ExecutorInput {
    @Override
    public String strategyId() {
      return strategy.id();
    }
  }
}
