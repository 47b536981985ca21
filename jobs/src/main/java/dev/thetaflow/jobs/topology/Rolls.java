package dev.thetaflow.jobs.topology;

import dev.thetaflow.core.command.Command;
import dev.thetaflow.core.command.CommandAction;
import dev.thetaflow.core.command.LegSpec;
import dev.thetaflow.core.command.StrategySpec;
import dev.thetaflow.core.decision.Decision;
import dev.thetaflow.core.decision.Measurement;
import dev.thetaflow.core.instrument.Leg;
import dev.thetaflow.core.strategy.Strategy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a roll reopens: the same structure (type, rights, strikes, ratios) and size at the listed
 * expiry nearest the DTE rule's target, as an open-strategy command the job reads back from its
 * commands table like any other. Everything here is derived from the old strategy and the exit's
 * sequence only, so a replay after a restore writes the same command id and the same new strategy
 * id, which the commands table and the strategies operator each take once.
 */
final class Rolls {
  /** The measurement the DTE roll rule carries its target in. */
  static final String TARGET_DTE = "target days to expiry";

  /** Who issues the reopening command, as the commands table shows it. */
  static final String ISSUER = "decision-executor roll";

  private static final int MAX_ID = 64;
  private static final Pattern ROLLED = Pattern.compile("(.+)-r(\\d{1,6})");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private Rolls() {}

  /** The roll's target days to expiry, or -1 when the decision carries none. */
  static int targetDte(Decision d) {
    for (Measurement m : d.measurements()) {
      if (m.name().equals(TARGET_DTE) && Double.isFinite(m.value()) && m.value() >= 0) {
        return (int) Math.round(m.value());
      }
    }
    return -1;
  }

  /**
   * Why {@code s} cannot be reopened by command, or null when it can: every leg must be an option
   * (a spec names a right and a strike).
   */
  static String notReopenable(Strategy s) {
    if (s == null) {
      return "the strategy's structure is not known to the executor";
    }
    for (Leg leg : s.legs()) {
      if (!leg.contract().isOption()) {
        return "its leg " + leg.contract() + " is not an option";
      }
    }
    return null;
  }

  /** {@code id-r1} for a first roll, {@code id-r2} for the roll of {@code id-r1}, within 64. */
  static String nextId(String id) {
    Matcher m = ROLLED.matcher(id);
    String base = id;
    int n = 1;
    if (m.matches()) {
      base = m.group(1);
      n = Integer.parseInt(m.group(2)) + 1;
    }
    String suffix = "-r" + n;
    if (base.length() + suffix.length() > MAX_ID) {
      base = base.substring(0, MAX_ID - suffix.length());
    }
    return base + suffix;
  }

  /**
   * {@code <id>:ROLL:<exitSeq>}; an id too long for that keeps its start and a hash of the whole,
   * so two long ids that share their first characters do not collide.
   */
  static String commandId(String strategyId, int exitSeq) {
    return commandId(strategyId, ":ROLL:" + exitSeq);
  }

  /**
   * {@code <id><suffix>} within the 64 characters of a command id; an id too long for that keeps
   * its start and a hash of the whole.
   */
  static String commandId(String strategyId, String suffix) {
    if (strategyId.length() + suffix.length() <= MAX_ID) {
      return strategyId + suffix;
    }
    String hash = String.format(Locale.ROOT, "%08x", strategyId.hashCode());
    return strategyId.substring(0, MAX_ID - suffix.length() - hash.length() - 1)
        + "."
        + hash
        + suffix;
  }

  /** About when the new expiry is: the resolver takes the listed expiry nearest this date. */
  static LocalDate aimedExpiry(Instant at, int targetDte) {
    return at.atZone(NEW_YORK).toLocalDate().plusDays(targetDte);
  }

  /**
   * The command that reopens {@code old} as {@code units} units, its nearest expiry about {@code
   * targetDte} days out; legs on later expiries (a calendar's or diagonal's) keep their distance in
   * days from the nearest. Priced from the mids at entry, as a command without a limit is.
   */
  static Command reopen(Strategy old, int units, int targetDte, int exitSeq, Instant at) {
    LocalDate nearest = null;
    for (Leg leg : old.legs()) {
      LocalDate e = leg.contract().expiry();
      if (nearest == null || e.isBefore(nearest)) {
        nearest = e;
      }
    }
    List<LegSpec> legs = new ArrayList<>(old.legs().size());
    for (Leg leg : old.legs()) {
      int dte = targetDte + (int) ChronoUnit.DAYS.between(nearest, leg.contract().expiry());
      legs.add(
          new LegSpec(
              leg.contract().right(),
              leg.ratio(),
              null,
              OptionalInt.of(dte),
              OptionalDouble.of(leg.contract().strike()),
              OptionalDouble.empty()));
    }
    StrategySpec spec =
        new StrategySpec(
            nextId(old.id()), old.underlying(), old.type(), units, legs, OptionalDouble.empty());
    return new Command(
        commandId(old.id(), exitSeq), at, ISSUER, new CommandAction.OpenStrategy(spec));
  }
}
