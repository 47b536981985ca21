package dev.thetaflow.jobs.decision;

import dev.thetaflow.core.decision.Decision;
import dev.thetaflow.core.decision.Measurement;
import dev.thetaflow.core.decision.RuleId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.cep.CEP;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.conditions.IterativeCondition;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Confirms trailing-stop and stop-loss breaches before they become decisions: a CEP pattern per
 * rule, keyed by strategy and rule, that fires once a breach held for its {@link Confirmation} (N
 * consecutive breached signals over at least T of event time) and never when an un-breached signal
 * came in between (whipsaw).
 *
 * <p>Time: patterns match in arrival order ({@code inProcessingTime()}), and durations are measured
 * on the signals' own event times. A confirmation therefore waits for no watermark: a stop must not
 * wait for the slowest partition, or for an idle one, to advance event time; without an event
 * comparator the CEP operator runs each signal through the pattern as it arrives (with one, it
 * would buffer them until a processing-time timer). The cost is that signals are taken in the order
 * they arrive; for one strategy and rule they come from one keyed subtask in mark order, so that
 * order is the event order.
 *
 * <p>One decision per episode: a small keyed step first marks the breached signal that opens an
 * episode (the first breached one after an un-breached one, or the first ever), and only that
 * signal can start a match. CEP starts a partial match on every event that fits the first pattern,
 * so without it every later breached mark of a confirmed episode would start, and soon confirm, a
 * match of its own. The skip strategy (past the last event) drops the other branches of the
 * confirmed match itself. After an un-breached signal the next breach opens a new episode, which
 * can confirm again.
 *
 * <p>State per strategy and rule: a flag while an episode runs, and at most one partial match,
 * which an un-breached signal ends (the strategy operator sends one after every breach).
 */
public final class Confirmations {

  /** The default confirmation of each rule. */
  public static final Map<RuleId, Confirmation> DEFAULTS =
      Map.of(
          RuleId.TRAILING_STOP, Confirmation.TRAILING_STOP_DEFAULT,
          RuleId.STOP_LOSS, Confirmation.STOP_LOSS_DEFAULT);

  static final String OPEN = "open";
  static final String HELD = "held";
  static final String CONFIRM = "confirm";

  private Confirmations() {}

  /**
   * The confirmed decisions of {@code signals}: for each breach episode that held for its rule's
   * confirmation, the confirming signal's decision, its reason extended by how long the breach held
   * ("held 3 marks over 12.4 s").
   *
   * @param byRule a confirmation for each of {@link RuleSignal#RULES} (a rule left out would drop
   *     its stops silently, so it is refused)
   */
  public static DataStream<Decision> confirm(
      DataStream<RuleSignal> signals, Map<RuleId, Confirmation> byRule) {
    Map<RuleId, Confirmation> rules = checked(byRule);
    DataStream<Mark> marked =
        signals
            .keyBy(new SignalKey())
            .process(new EpisodeMarker())
            .uid("confirm-episodes")
            .name("Stop breach episodes");
    DataStream<Decision> out = null;
    for (Map.Entry<RuleId, Confirmation> e : rules.entrySet()) {
      String id = e.getKey().name().toLowerCase(Locale.ROOT).replace('_', '-');
      SingleOutputStreamOperator<Mark> ofRule =
          marked
              .filter(new OfRule(e.getKey()))
              .uid("confirm-" + id + "-signals")
              .name(id + " signals");
      // The filter keeps each key on the subtask the marker put it on: no second shuffle.
      KeyedStream<Mark, String> keyed =
          DataStreamUtils.reinterpretAsKeyedStream(ofRule, new MarkKey(), Types.STRING);
      SingleOutputStreamOperator<Decision> confirmed =
          CEP.pattern(keyed, pattern(e.getValue()))
              .inProcessingTime()
              .process(new Confirm(e.getValue()))
              .uid("confirm-" + id)
              .name("Confirm " + id);
      out = out == null ? confirmed : out.union(confirmed);
    }
    return out;
  }

  /** The CEP pattern of one rule's confirmation over its episode-marked signals. */
  static Pattern<Mark, Mark> pattern(Confirmation confirmation) {
    Pattern<Mark, Mark> open =
        Pattern.<Mark>begin(OPEN, AfterMatchSkipStrategy.skipPastLastEvent()).where(new Opens());
    if (confirmation.immediate()) {
      return open;
    }
    return open.next(HELD)
        .where(new Breached())
        .oneOrMore()
        .consecutive()
        .optional()
        .next(CONFIRM)
        .where(new Holds(confirmation));
  }

  private static Map<RuleId, Confirmation> checked(Map<RuleId, Confirmation> byRule) {
    if (byRule == null
        || !byRule.keySet().equals(RuleSignal.RULES)
        || byRule.values().stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException(
          "confirmations needed for exactly " + RuleSignal.RULES + ", were " + byRule);
    }
    // EnumMap: rule order, so the operators are built in the same order every time.
    return new EnumMap<>(byRule);
  }

  /**
   * A signal and whether it opens a breach episode.
   *
   * @param signal the strategy operator's signal
   * @param opens breached, after an un-breached signal of its key or as the key's first
   */
  public record Mark(RuleSignal signal, boolean opens) {}

  static final class SignalKey implements KeySelector<RuleSignal, String> {
    @Override
    public String getKey(RuleSignal s) {
      return key(s);
    }
  }

  static final class MarkKey implements KeySelector<Mark, String> {
    @Override
    public String getKey(Mark m) {
      return key(m.signal());
    }
  }

  /** Strategy ids never hold '/', so rule and strategy cannot run into each other. */
  private static String key(RuleSignal s) {
    return s.rule().name() + "/" + s.strategyId();
  }

  /** Marks the breached signal that opens an episode; remembers only that one is running. */
  static final class EpisodeMarker extends KeyedProcessFunction<String, RuleSignal, Mark> {
    private transient ValueState<Boolean> inEpisode;

    @Override
    public void open(OpenContext context) {
      inEpisode =
          getRuntimeContext().getState(new ValueStateDescriptor<>("in-episode", Types.BOOLEAN));
    }

    @Override
    public void processElement(RuleSignal signal, Context ctx, Collector<Mark> out)
        throws Exception {
      boolean opens = signal.breached() && inEpisode.value() == null;
      if (signal.breached()) {
        inEpisode.update(Boolean.TRUE);
      } else {
        inEpisode.clear();
      }
      out.collect(new Mark(signal, opens));
    }
  }

  static final class OfRule implements FilterFunction<Mark> {
    private final RuleId rule;

    OfRule(RuleId rule) {
      this.rule = rule;
    }

    @Override
    public boolean filter(Mark m) {
      return m.signal().rule() == rule;
    }
  }

  static final class Opens extends SimpleCondition<Mark> {
    @Override
    public boolean filter(Mark m) {
      return m.opens();
    }
  }

  static final class Breached extends SimpleCondition<Mark> {
    @Override
    public boolean filter(Mark m) {
      return m.signal().breached();
    }
  }

  /**
   * The confirming signal: breached, and the episode so far held for the confirmation. Reading the
   * partial match costs its length per signal; an episode ends at its confirmation or recovery, so
   * it stays as long as the marks within one hold.
   */
  static final class Holds extends IterativeCondition<Mark> {
    private final Confirmation confirmation;

    Holds(Confirmation confirmation) {
      this.confirmation = confirmation;
    }

    @Override
    public boolean filter(Mark m, Context<Mark> ctx) throws Exception {
      if (!m.signal().breached()) {
        return false;
      }
      Mark open = ctx.getEventsForPattern(OPEN).iterator().next();
      int marks = 2; // the opening signal and this one
      for (Mark ignored : ctx.getEventsForPattern(HELD)) {
        marks++;
      }
      return confirmation.confirmedBy(
          marks, Duration.between(open.signal().time(), m.signal().time()));
    }
  }

  /** The confirming signal's decision, with how long the breach held. */
  static final class Confirm extends PatternProcessFunction<Mark, Decision> {
    private final Confirmation confirmation;

    Confirm(Confirmation confirmation) {
      this.confirmation = confirmation;
    }

    @Override
    public void processMatch(Map<String, List<Mark>> match, Context ctx, Collector<Decision> out) {
      RuleSignal first = match.get(OPEN).get(0).signal();
      List<Mark> held = match.getOrDefault(HELD, List.of());
      List<Mark> last = match.getOrDefault(CONFIRM, List.of());
      RuleSignal confirming = last.isEmpty() ? first : last.get(0).signal();
      out.collect(
          confirmed(confirming.decision(), first, confirming, 1 + held.size() + last.size()));
    }

    private Decision confirmed(Decision d, RuleSignal first, RuleSignal confirming, int marks) {
      Duration held = Duration.between(first.time(), confirming.time());
      double seconds = held.toMillis() / 1000.0;
      List<Measurement> evidence = new ArrayList<>(d.measurements());
      evidence.add(new Measurement("breach held, marks", marks, confirmation.marks(), ""));
      evidence.add(
          new Measurement(
              "breach held, seconds", seconds, confirmation.hold().toMillis() / 1000.0, "s"));
      String reason =
          d.reason() + String.format(Locale.ROOT, "; held %d marks over %.1f s", marks, seconds);
      return new Decision(
          d.strategyId(),
          d.action(),
          d.urgency(),
          d.rule(),
          d.priority(),
          reason,
          evidence,
          d.legConIds(),
          d.time());
    }
  }
}
