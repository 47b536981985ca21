package dev.thetaflow.core.command;

import dev.thetaflow.core.analytics.OptionType;
import java.time.LocalDate;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One leg of a strategy to open, chosen either exactly (expiry and strike) or by rule (days to
 * expiry and target delta), or a mix (an expiry and a target delta).
 *
 * @param right call or put
 * @param ratio contracts per unit of the strategy; negative sells, positive buys; never 0
 * @param expiry the expiry date, or null when {@code dte} chooses it
 * @param dte days to expiry to aim for (the nearest listed expiry), or empty when {@code expiry} is
 *     given
 * @param strike the strike, or empty when {@code delta} chooses it
 * @param delta the target delta (calls in (0, 1), puts in (−1, 0)), or empty when {@code strike} is
 *     given
 */
public record LegSpec(
    OptionType right,
    int ratio,
    LocalDate expiry,
    OptionalInt dte,
    OptionalDouble strike,
    OptionalDouble delta) {

  public LegSpec {
    if (right == null) {
      throw new CommandException("leg right", null, "call or put");
    }
    if (ratio == 0) {
      throw new CommandException("leg ratio", 0, "a non-zero integer (negative sells)");
    }
    if ((expiry == null) == dte.isEmpty()) {
      throw new CommandException(
          "leg expiry/dte",
          expiry == null ? "neither" : "both",
          "exactly one of expiry (yyyy-MM-dd) and dte (days)");
    }
    if (dte.isPresent() && (dte.getAsInt() < 0 || dte.getAsInt() > 3650)) {
      throw new CommandException("leg dte", dte.getAsInt(), "days to expiry in [0, 3650]");
    }
    if (strike.isPresent() == delta.isPresent()) {
      throw new CommandException(
          "leg strike/delta",
          strike.isPresent() ? "both" : "neither",
          "exactly one of strike and delta");
    }
    if (strike.isPresent()
        && !(strike.getAsDouble() > 0 && Double.isFinite(strike.getAsDouble()))) {
      throw new CommandException("leg strike", strike.getAsDouble(), "a positive price");
    }
    if (delta.isPresent()) {
      double d = delta.getAsDouble();
      boolean ok = right == OptionType.CALL ? d > 0 && d < 1 : d < 0 && d > -1;
      if (!ok) {
        throw new CommandException(
            "leg delta",
            d,
            right == OptionType.CALL ? "a call delta in (0, 1)" : "a put delta in (-1, 0)");
      }
    }
  }
}
