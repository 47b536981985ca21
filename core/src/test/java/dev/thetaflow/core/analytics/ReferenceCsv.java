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
 * Reads the reference tables under {@code src/test/resources}: the QuantLib values in {@code
 * /reference/} (from {@code tools/reference/quantlib_reference.py}) and the mpmath values next to
 * this package (from {@code tools/reference/analytics_reference.py}). A file is plain
 * comma-separated values without quoting: one header row naming the columns, then data rows; blank
 * lines and lines starting with {@code #} are comments anywhere.
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

    /**
     * The option and market of a QuantLib row ({@code div_yield} column); {@code volatility} where
     * the row has none.
     */
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

    /**
     * The option and market of a QuantLib row, which names them {@code div_yield} and {@code vol}.
     */
    PricingInputs inputs() {
      return inputs(number("vol"));
    }

    @Override
    public String toString() {
      return String.join(",", cells);
    }
  }

  private ReferenceCsv() {}

  /**
   * The data rows of a classpath resource, e.g. {@code "/reference/european.csv"} or {@code
   * "/dev/thetaflow/core/analytics/bsm-reference.csv"}.
   */
  static List<Row> read(String resourcePath) {
    if (!resourcePath.startsWith("/")) {
      // A relative name would resolve against this class's package and hide a wrong location.
      throw new IllegalArgumentException("resource path must be absolute: " + resourcePath);
    }
    try (InputStream in = ReferenceCsv.class.getResourceAsStream(resourcePath)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resourcePath);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, Integer> columns = null;
      int width = 0;
      List<Row> rows = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split(",", -1);
        if (columns == null) {
          columns = new HashMap<>();
          for (int i = 0; i < cells.length; i++) {
            columns.put(cells[i], i);
          }
          width = cells.length;
        } else if (cells.length != width) {
          throw new IllegalStateException(resourcePath + ": bad row " + line);
        } else {
          rows.add(new Row(columns, cells));
        }
      }
      if (columns == null) {
        throw new IllegalStateException(resourcePath + ": no header row");
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
