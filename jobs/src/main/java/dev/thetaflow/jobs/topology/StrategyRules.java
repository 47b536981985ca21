package dev.thetaflow.jobs.topology;

import dev.thetaflow.core.alert.Alert;
import dev.thetaflow.core.alert.Severity;
import dev.thetaflow.core.decision.RuleId;
import dev.thetaflow.core.instrument.Contract;
import dev.thetaflow.core.instrument.Leg;
import dev.thetaflow.core.rules.Evaluation;
import dev.thetaflow.core.rules.LegView;
import dev.thetaflow.core.rules.RuleBook;
import dev.thetaflow.core.rules.RuleInput;
import dev.thetaflow.core.strategy.ExpiryPayoff;
import dev.thetaflow.core.strategy.Strategy;
import dev.thetaflow.core.strategy.StrategyBook;
import dev.thetaflow.core.strategy.StrategyState;
import dev.thetaflow.core.time.Expiries;
import dev.thetaflow.core.time.UsEquityCalendar;
import dev.thetaflow.jobs.decision.RuleSignal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.OutputTag;

/**
 * The rules' side of a strategy's operator: assembles what the rules read from the strategy's
 * record and book ({@link RuleInput}), keeps what they need remembered in the record (the best
 * P&amp;L, the day's first spot, the IV at entry, which rules fired), evaluates the strategy's
 * {@link RuleBook} and says what came of it:
 *
 * <ul>
 *   <li>a fired rule's decision on {@link #EXECUTOR} once it fired at two evaluations in a row
 *       (legs are re-marked one quote at a time: one snapshot between two legs' updates is no
 *       market), and again each {@code repeat} while it still fires (the executor does not send
 *       what it works already; a decision it could not act on, e.g. under the kill switch, is not
 *       lost);
 *   <li>the trailing stop's and the stop loss's judgements on {@link #SIGNALS} while a breach may
 *       be running, for the CEP stage that confirms them (whipsaw protection);
 *   <li>an alert on {@link #ALERTS} when a rule first comes within {@code nearShare} of its
 *       threshold, once per episode.
 * </ul>
 */
final class StrategyRules {
  /**
   * What the decision executor hears from a strategy: its status and its decisions, on one output
   * so that they reach it in the order they were made (a decision never overtakes the status of the
   * fill before it).
   */
  static final OutputTag<ExecutorInput> EXECUTOR =
      new OutputTag<>("to-executor", TypeInformation.of(ExecutorInput.class));

  static final OutputTag<RuleSignal> SIGNALS =
      new OutputTag<>("rule-signals", TypeInformation.of(RuleSignal.class));
  static final OutputTag<Alert> ALERTS =
      new OutputTag<>("strategy-alerts", TypeInformation.of(Alert.class));

  private static final double MILLIS_PER_DAY = 86_400_000.0;

  private final RuleBook book;
  private final double nearShare;
  private final long repeatMillis;
  private final long maxMarkAgeMillis;
  private final List<Evaluation> evaluations = new ArrayList<>();

  StrategyRules(RuleBook book, double nearShare, Duration repeat, Duration maxMarkAge) {
    this.book = book;
    this.nearShare = nearShare;
    this.repeatMillis = repeat.toMillis();
    this.maxMarkAgeMillis = maxMarkAge.toMillis();
  }

  /** Where the outcomes go (the operator's side outputs). */
  interface Outputs {
    <X> void output(OutputTag<X> tag, X value);
  }

  /** Judges an OPEN strategy after a change of its marks or Greeks. */
  void evaluate(
      StrategyRecord record,
      Strategy s,
      StrategyBook strategyBook,
      Instant now,
      double vix,
      double vixReference,
      Outputs outputs) {
    if (s.state() != StrategyState.OPEN || s.openingNetPrice() == null || book.isEmpty(s.type())) {
      return;
    }
    RuleInput input = input(record, s, strategyBook, now, vix, vixReference);
    book.evaluate(input, evaluations);
    long nowMillis = now.toEpochMilli();
    boolean repeat = nowMillis - record.decidedAtMillis >= repeatMillis;
    boolean decided = false;
    for (Evaluation e : evaluations) {
      int bit = 1 << e.rule().ordinal();
      if (e.waiting() != null) {
        continue; // no information: an episode neither starts nor ends on a stale quote
      }
      near(record, s, e, bit, now, outputs);
      if (e.rule() == RuleId.TRAILING_STOP || e.rule() == RuleId.STOP_LOSS) {
        if (e.fired() || (record.breachedRules & bit) != 0) {
          outputs.output(SIGNALS, new RuleSignal(s.id(), e.rule(), e.fired(), e.decision(), now));
        }
        record.breachedRules = e.fired() ? record.breachedRules | bit : record.breachedRules & ~bit;
        continue;
      }
      if (e.fired()) {
        // fired at two evaluations in a row (a leg's move then the next quote), so that a
        // snapshot torn between two legs' updates never closes a position at market
        boolean confirmed = (record.firedRules & bit) != 0;
        if (confirmed && ((record.decidedRules & bit) == 0 || repeat)) {
          outputs.output(EXECUTOR, new ExecutorInput.Decided(e.decision()));
          record.decidedRules |= bit;
          decided = true;
        }
        record.firedRules |= bit;
      } else {
        record.firedRules &= ~bit;
        record.decidedRules &= ~bit;
      }
    }
    if (decided) {
      record.decidedAtMillis = nowMillis;
    }
  }

  private void near(
      StrategyRecord record, Strategy s, Evaluation e, int bit, Instant now, Outputs outputs) {
    double p = e.progress();
    if (p >= nearShare && !e.fired() && (record.nearRules & bit) == 0) {
      record.nearRules |= bit;
      outputs.output(
          ALERTS,
          new Alert(
              s.id() + ":NEAR_" + e.rule() + ":" + now.toEpochMilli(),
              now,
              Severity.INFO,
              "strategy-rules",
              "NEAR_" + e.rule(),
              String.format(
                  Locale.ROOT, "%s: %s is at %.0f%% of its threshold", s.id(), e.rule(), 100 * p),
              s.id()));
    } else if (!(p >= nearShare)) {
      record.nearRules &= ~bit; // the episode is over: the next approach alerts again
    }
  }

  /** What the rules read, with the remembered values brought up to date. */
  RuleInput input(
      StrategyRecord record,
      Strategy s,
      StrategyBook strategyBook,
      Instant now,
      double vix,
      double vixReference) {
    long nowMillis = now.toEpochMilli();
    ZonedDateTime ny = now.atZone(UsEquityCalendar.ZONE);
    long day = ny.toLocalDate().toEpochDay();
    double unrealized = strategyBook.unrealizedPnl(now);
    double pnl = strategyBook.realizedPnl() + unrealized - strategyBook.commissions();
    if (record.spot > 0 && record.spotReferenceDay != day) {
      // a gap is a move from the previous close: held over it, the last price seen before today
      // (still the spot if today has not ticked yet); opened today, the first price seen today
      record.spotReference =
          record.spotDay < day || !(record.spotBeforeDay > 0) ? record.spot : record.spotBeforeDay;
      record.spotReferenceDay = day;
    }
    List<Leg> legs = s.legs();
    List<LegView> views = new ArrayList<>(legs.size());
    double ivSum = 0;
    int ivCount = 0;
    boolean ivComplete = true;
    boolean saneMarks = true;
    long dte = Long.MAX_VALUE;
    for (int i = 0; i < legs.size(); i++) {
      Contract c = legs.get(i).contract();
      StrategyRecord.LegRecord l = record.legs[i];
      boolean solved = l.solve.ivFound();
      boolean fresh =
          l.markedAtMillis >= 0
              && nowMillis - l.markedAtMillis <= maxMarkAgeMillis
              && l.rejectedAtMillis <= l.markedAtMillis
              && !movedSince(l.spotAtMark, record.spot);
      saneMarks &= fresh || l.position == 0;
      views.add(
          new LegView(
              c,
              l.position,
              l.markedAtMillis >= 0 ? l.mark : Double.NaN,
              l.bid,
              l.ask,
              fresh,
              solved ? l.solve.iv : Double.NaN,
              l.solve.solved() ? l.solve.delta : Double.NaN,
              l.solve.solved() ? l.solve.gamma : Double.NaN));
      if (l.position != 0 && c.isOption()) {
        dte = Math.min(dte, Expiries.daysToExpiry(now, c.expiry()));
        if (solved) {
          ivSum += l.solve.iv;
          ivCount++;
        } else {
          ivComplete = false;
        }
      }
    }
    double iv = ivComplete && ivCount > 0 ? ivSum / ivCount : Double.NaN;
    if (record.ivAtEntryMillis <= 0 && Double.isFinite(iv)) {
      record.ivAtEntry = iv;
      record.ivAtEntryMillis = nowMillis;
    }
    double opening = s.openingNetPrice().toDouble();
    double entryCredit = opening * legs.get(0).contract().multiplier() * s.quantity();
    ExpiryPayoff payoff = payoff(record, s, opening);
    // the best P&L counts only from sane, consistent marks and once two evaluations in a row
    // agree on it: legs are re-marked one quote at a time, and a snapshot between a leg's move and
    // the next one's is a P&L nobody could trade (a phantom peak pulls the trail up and trips it)
    double settled =
        saneMarks && Double.isFinite(unrealized)
            ? Math.min(pnl, record.lastPnlAtMillis > 0 ? record.lastPnl : Double.NaN)
            : Double.NaN;
    if (Double.isFinite(settled) && (record.peakAtMillis <= 0 || settled > record.peakPnl)) {
      record.peakPnl = settled;
      record.peakAtMillis = nowMillis;
    }
    if (saneMarks && Double.isFinite(pnl)) {
      record.lastPnl = pnl;
      record.lastPnlAtMillis = nowMillis;
    }
    return new RuleInput(
        s.id(),
        s.type(),
        s.state(),
        now,
        ny.toLocalDate(),
        ny.toLocalTime(),
        entryCredit,
        payoff == null ? Double.POSITIVE_INFINITY : payoff.maxProfit(),
        payoff == null ? Double.POSITIVE_INFINITY : payoff.maxLoss(),
        pnl,
        record.peakAtMillis > 0 ? record.peakPnl : Double.NaN,
        Double.isFinite(unrealized) && saneMarks,
        record.spot > 0 ? record.spot : Double.NaN,
        record.spotReference > 0 ? record.spotReference : Double.NaN,
        vix,
        vixReference,
        iv,
        record.ivAtEntryMillis > 0 ? record.ivAtEntry : Double.NaN,
        dte == Long.MAX_VALUE ? -1 : (int) dte,
        (nowMillis - s.openedAt().toEpochMilli()) / MILLIS_PER_DAY,
        record.totalCached ? record.total : null,
        views,
        nextDividend(record));
  }

  /** The underlying's next dividend as the record keeps it, null when none is known. */
  private static RuleInput.Dividend nextDividend(StrategyRecord record) {
    return record.nextDividend > 0 && record.nextDividendExDay > 0
        ? new RuleInput.Dividend(
            record.nextDividend, LocalDate.ofEpochDay(record.nextDividendExDay))
        : null;
  }

  /**
   * Whether the underlying moved more than {@link #MAX_SPOT_MOVE_SINCE_MARK} since a leg was
   * marked: a polled leg's quote from before a jump is not its market after it.
   */
  private static boolean movedSince(double spotAtMark, double spot) {
    return spotAtMark > 0 && spot > 0 && Math.abs(spot / spotAtMark - 1) > MAX_SPOT_MOVE_SINCE_MARK;
  }

  /** 0.5% of SPY (3 points) moves a 0.30-delta option by about 0.90. */
  static final double MAX_SPOT_MOVE_SINCE_MARK = 0.005;

  /** The payoff's extremes, computed once per opening price (unbounded when not defined). */
  private static ExpiryPayoff payoff(StrategyRecord record, Strategy s, double opening) {
    if (record.payoff == null || record.payoffOpening != opening) {
      record.payoff =
          ExpiryPayoff.of(s.legs(), opening, s.quantity())
              .orElse(new ExpiryPayoff(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY));
      record.payoffOpening = opening;
    }
    return record.payoff;
  }
}
