package dev.thetaflow.core.rules;

import dev.thetaflow.core.decision.Decision;
import dev.thetaflow.core.decision.DecisionAction;
import dev.thetaflow.core.decision.Measurement;
import dev.thetaflow.core.decision.RuleId;
import dev.thetaflow.core.decision.Urgency;
import dev.thetaflow.core.strategy.StrategyState;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Closes ({@link Urgency#HIGH}) a strategy held for {@code maxDaysHeld} days or more, or, on the
 * expiration day of its nearest held expiry, at or after {@code expirationDayExit} (exchange time).
 * Reads no marks, so it never waits on quotes. Progress is days held over the maximum (at least 1
 * when the expiration-day exit fires).
 *
 * <p>Configuration keys: {@code maxDaysHeld} (days, fractional allowed, e.g. 21), {@code
 * expirationDayExit} ({@code HH:mm}, America/New_York, e.g. 15:30).
 */
public final class TimeExitRule implements Rule {

  private static final String NAME = "time exit";

  /**
   * @param maxDaysHeld days held at which the strategy is closed, in (0, 3650]
   * @param expirationDayExit exchange time on expiration day from which it is closed
   */
  public record Thresholds(double maxDaysHeld, LocalTime expirationDayExit) {
    public Thresholds {
      ExitText.requireAboveAtMost(NAME, "maxDaysHeld", maxDaysHeld, 0, 3650);
      if (expirationDayExit == null) {
        throw new IllegalArgumentException(
            NAME + " threshold expirationDayExit is required: a time of day HH:mm, was null");
      }
    }
  }

  private final Thresholds t;

  public TimeExitRule(Thresholds t) {
    if (t == null) {
      throw new IllegalArgumentException(NAME + ": thresholds are required");
    }
    this.t = t;
  }

  /** Reads {@code maxDaysHeld} and {@code expirationDayExit}; unknown keys are an error. */
  public static TimeExitRule from(RuleParams p) {
    double maxDays = p.decimal("maxDaysHeld", 0, 3650);
    LocalTime exit = p.time("expirationDayExit");
    p.finish();
    return new TimeExitRule(ExitText.configured(p, () -> new Thresholds(maxDays, exit)));
  }

  public Thresholds thresholds() {
    return t;
  }

  @Override
  public RuleId id() {
    return RuleId.TIME_EXIT;
  }

  @Override
  public Evaluation evaluate(RuleInput in) {
    if (in.state() != StrategyState.OPEN) {
      return Evaluation.notApplicable(RuleId.TIME_EXIT);
    }
    double held = in.daysHeld();
    boolean tooLong = ExitText.reaches(held, t.maxDaysHeld());
    boolean expiring = in.dte() == 0 && !in.exchangeTime().isBefore(t.expirationDayExit());
    double progress = ExitText.progress(held, t.maxDaysHeld());
    if (!tooLong && !expiring) {
      return Evaluation.quiet(RuleId.TIME_EXIT, progress);
    }
    List<String> what = new ArrayList<>(2);
    List<Measurement> evidence = new ArrayList<>(2);
    if (tooLong) {
      what.add(
          "held "
              + DecimalText.days(held)
              + " days, the maximum is "
              + DecimalText.days(t.maxDaysHeld())
              + " days");
    }
    evidence.add(new Measurement("days held", held, t.maxDaysHeld(), "days"));
    if (expiring) {
      what.add(
          "expiration day and it is "
              + in.exchangeTime().withSecond(0).withNano(0)
              + " New York time, at or after the "
              + t.expirationDayExit()
              + " exit");
      evidence.add(
          new Measurement(
              "minutes since midnight on expiration day (New York)",
              in.exchangeTime().toSecondOfDay() / 60.0,
              t.expirationDayExit().toSecondOfDay() / 60.0,
              "min"));
    }
    return Evaluation.fired(
        expiring ? Math.max(1, progress) : progress,
        Decision.of(
            in.strategyId(),
            DecisionAction.CLOSE,
            Urgency.HIGH,
            RuleId.TIME_EXIT,
            "time exit: " + String.join("; ", what),
            evidence,
            in.now()));
  }
}
