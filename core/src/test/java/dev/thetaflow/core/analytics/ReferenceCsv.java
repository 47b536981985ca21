package dev.thetaflow.core.analytics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One CSV of QuantLib reference values from {@code src/test/resources/reference/}, written by
 * {@code tools/reference/quantlib_reference.py}: a header row, then plain comma-separated values
 * (no quoting), numbers in Python's round-tripping {@code repr}.
 */
final class ReferenceCsv {

  /** One data row, read by column name. */
  static final class Row {
    private final Map<String, Integer> columns;
    private final String[] cells;

    private Row(Map<String, Integer> columns, String[] cells) {
      this.columns = columns;
      this.cells = cells;
    }

    String text(String column) {
      Integer i = columns.get(column);
      if (i == null) {
        throw new IllegalArgumentException("no column '" + column + "' in " + columns.keySet());
      }
      return cells[i];
    }

    double number(String column) {
      String s = text(column);
      switch (s) {
        case "nan":
          return Double.NaN;
        case "inf":
          return Double.POSITIVE_INFINITY;
        case "-inf":
          return Double.NEGATIVE_INFINITY;
        default:
          return Double.parseDouble(s);
      }
    }

    String id() {
      return text("id");
    }

    OptionType type() {
      return OptionType.valueOf(text("type").toUpperCase(Locale.ROOT));
    }

    /** The option and market of this row; {@code volatility} where the row has none. */
    PricingInputs inputs(double volatility) {
      return new PricingInputs(
          type(),
          number("spot"),
          number("strike"),
          number("years"),
          number("rate"),
          number("div_yield"),
          volatility);
    }

    PricingInputs inputs() {
      return inputs(number("vol"));
    }
  }

  private ReferenceCsv() {}

  static List<Row> read(String name) {
    String resource = "/reference/" + name;
    try (InputStream in = ReferenceCsv.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String[] header = reader.readLine().split(",", -1);
      Map<String, Integer> columns = new HashMap<>();
      for (int i = 0; i < header.length; i++) {
        columns.put(header[i], i);
      }
      List<Row> rows = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isEmpty()) {
          continue;
        }
        String[] cells = line.split(",", -1);
        if (cells.length != header.length) {
          throw new IllegalStateException(resource + ": bad row " + line);
        }
        rows.add(new Row(columns, cells));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
