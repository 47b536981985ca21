package dev.thetaflow.core.analytics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the CSV reference tables made by tools/reference/analytics_reference.py. */
final class ReferenceData {

  private ReferenceData() {}

  /**
   * The data rows of a resource next to this class, split on commas, header and comments skipped.
   */
  static List<String[]> rows(String resource) {
    InputStream in = ReferenceData.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing test resource " + resource);
    }
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      boolean header = true;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        rows.add(line.split(","));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /** |actual - expected| / |expected|, or the absolute error when expected is 0. */
  static double relativeError(double actual, double expected) {
    double diff = Math.abs(actual - expected);
    return expected == 0.0 ? diff : diff / Math.abs(expected);
  }
}
