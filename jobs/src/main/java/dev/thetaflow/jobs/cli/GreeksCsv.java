package dev.thetaflow.jobs.cli;

import dev.thetaflow.core.analytics.ExerciseStyle;
import dev.thetaflow.core.analytics.Greeks;
import dev.thetaflow.core.analytics.ImpliedVol;
import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.analytics.PricingEngine;
import dev.thetaflow.core.analytics.PricingInputs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The CSV behind {@code tradectl greeks}: one option per input row, its price, Greeks and implied
 * volatility per output row.
 *
 * <p>Input needs a header naming at least {@code
 * id,style,type,spot,strike,years,rate,div_yield,vol} in any order; {@code price} is optional and
 * other columns are ignored. {@code vol} may be empty when {@code price} is given: the Greeks are
 * then computed at the implied volatility. A row that cannot be read is reported on the error
 * writer with its line, id and field, and left out of the output; every other row is still
 * answered.
 */
final class GreeksCsv {

  static final String OUTPUT_HEADER = "id,price,delta,gamma,vega,theta,rho,implied_vol,iv_status";
  static final String NO_PRICE = "no_price";

  private static final List<String> REQUIRED =
      List.of("id", "style", "type", "spot", "strike", "years", "rate", "div_yield", "vol");

  private final Function<ExerciseStyle, PricingEngine> engines;

  GreeksCsv(Function<ExerciseStyle, PricingEngine> engines) {
    this.engines = engines;
  }

  /** What one run did. */
  record Summary(int answered, int rejected) {}

  /** A row that cannot be read: the field at fault and why. */
  static final class RowException extends Exception {
    private static final long serialVersionUID = 1L;

    RowException(String field, String message) {
      super(field + ": " + message);
    }
  }

  /**
   * Reads every row of {@code in}, writes answers to {@code out} and problems to {@code err}.
   *
   * @throws IllegalArgumentException when the header is missing or lacks a required column: no row
   *     can be read then
   */
  Summary run(Reader in, Writer out, PrintWriter err) throws IOException {
    BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
    String headerLine = reader.readLine();
    if (headerLine == null || headerLine.isBlank()) {
      throw new IllegalArgumentException(
          "missing CSV header; expected at least " + String.join(",", REQUIRED) + "[,price]");
    }
    Map<String, Integer> columns = columns(headerLine);
    List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "CSV header lacks column(s) "
              + String.join(",", missing)
              + "; header was: "
              + headerLine);
    }
    out.write(OUTPUT_HEADER);
    out.write('\n');
    int answered = 0;
    int rejected = 0;
    int lineNumber = 1;
    String line;
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      String id = "?";
      try {
        Row row = new Row(CsvLine.split(line), columns);
        id = row.text("id");
        out.write(answer(row, id));
        out.write('\n');
        answered++;
      } catch (RowException | IllegalArgumentException e) {
        rejected++;
        err.printf(Locale.ROOT, "line %d (id %s): %s%n", lineNumber, id, e.getMessage());
      }
    }
    out.flush();
    err.flush();
    return new Summary(answered, rejected);
  }

  private String answer(Row row, String id) throws RowException {
    if (id.isEmpty()) {
      throw new RowException("id", "empty, expected an identifier for the row");
    }
    ExerciseStyle style = row.choice("style", ExerciseStyle.class);
    OptionType type = row.choice("type", OptionType.class);
    double spot = row.number("spot", Bound.POSITIVE);
    double strike = row.number("strike", Bound.POSITIVE);
    double years = row.number("years", Bound.NON_NEGATIVE);
    double rate = row.number("rate", Bound.ANY);
    double dividendYield = row.number("div_yield", Bound.ANY);
    boolean hasVol = !row.text("vol").isEmpty();
    boolean hasPrice = row.has("price") && !row.text("price").isEmpty();
    if (!hasVol && !hasPrice) {
      throw new RowException("vol", "empty, and no price to imply it from");
    }
    double vol = hasVol ? row.number("vol", Bound.NON_NEGATIVE) : 0.0;
    double price = hasPrice ? row.number("price", Bound.ANY) : Double.NaN;

    PricingEngine engine = engines.apply(style);
    PricingInputs inputs = new PricingInputs(type, spot, strike, years, rate, dividendYield, vol);
    ImpliedVol implied = hasPrice ? engine.impliedVolatility(inputs, price) : null;
    Greeks greeks = null;
    if (hasVol) {
      greeks = engine.greeks(inputs);
    } else if (implied.isOk()) {
      greeks = engine.greeks(inputs.withVolatility(implied.volatility()));
    }

    StringBuilder sb = new StringBuilder(160).append(CsvLine.quote(id));
    if (greeks == null) {
      sb.append(",,,,,,");
    } else {
      sb.append(',').append(greeks.price());
      sb.append(',').append(greeks.delta());
      sb.append(',').append(greeks.gamma());
      sb.append(',').append(greeks.vega());
      sb.append(',').append(greeks.theta());
      sb.append(',').append(greeks.rho());
    }
    sb.append(',');
    if (implied != null && implied.isOk()) {
      sb.append(implied.volatility());
    }
    sb.append(',').append(implied == null ? NO_PRICE : implied.status().label());
    return sb.toString();
  }

  private static Map<String, Integer> columns(String headerLine) {
    List<String> names = CsvLine.split(headerLine);
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i).strip().toLowerCase(Locale.ROOT);
      if (i == 0 && name.startsWith("\ufeff")) {
        name = name.substring(1); // byte-order mark from spreadsheet exports
      }
      if (columns.putIfAbsent(name, i) != null && REQUIRED.contains(name)) {
        throw new IllegalArgumentException("CSV header names column '" + name + "' twice");
      }
    }
    return columns;
  }

  private enum Bound {
    ANY(""),
    POSITIVE("a number > 0"),
    NON_NEGATIVE("a number >= 0");

    final String expected;

    Bound(String expected) {
      this.expected = expected;
    }

    boolean admits(double v) {
      return switch (this) {
        case ANY -> true;
        case POSITIVE -> v > 0.0;
        case NON_NEGATIVE -> v >= 0.0;
      };
    }
  }

  /** One data row, read by column name. */
  private static final class Row {
    private final List<String> fields;
    private final Map<String, Integer> columns;

    Row(List<String> fields, Map<String, Integer> columns) {
      this.fields = fields;
      this.columns = columns;
    }

    boolean has(String column) {
      return columns.containsKey(column);
    }

    String text(String column) throws RowException {
      int index = columns.get(column);
      if (index >= fields.size()) {
        throw new RowException(
            column, "missing (row has " + fields.size() + " fields, header has more)");
      }
      return fields.get(index).strip();
    }

    double number(String column, Bound bound) throws RowException {
      String text = text(column);
      if (text.isEmpty()) {
        throw new RowException(column, "empty, expected a number");
      }
      double value;
      try {
        value = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw new RowException(column, "'" + text + "' is not a number");
      }
      if (!Double.isFinite(value)) {
        throw new RowException(column, "'" + text + "' is not a finite number");
      }
      if (!bound.admits(value)) {
        throw new RowException(column, text + " is out of range, expected " + bound.expected);
      }
      return value;
    }

    <E extends Enum<E>> E choice(String column, Class<E> type) throws RowException {
      String text = text(column);
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equalsIgnoreCase(text)) {
          return constant;
        }
      }
      StringBuilder expected = new StringBuilder();
      for (E constant : type.getEnumConstants()) {
        expected.append(expected.length() == 0 ? "" : " or ");
        expected.append(constant.name().toLowerCase(Locale.ROOT));
      }
      throw new RowException(column, "'" + text + "' is not one of " + expected);
    }
  }
}
