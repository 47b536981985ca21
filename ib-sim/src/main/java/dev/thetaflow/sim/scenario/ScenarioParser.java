package dev.thetaflow.sim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.thetaflow.core.config.Durations;
import dev.thetaflow.core.config.Suggestions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a scenario YAML file (format in the README, section "ib-sim scenarios"). Every problem is
 * collected and reported together, each with its place ({@code faults[1].duration}) and what was
 * expected; nothing half-valid is returned.
 */
public final class ScenarioParser {
  private static final Set<String> TOP = Set.of("name", "events", "faults", "dividends");
  private static final Set<String> DIVIDEND_KEYS =
      Set.of("underlying", "amount", "exDate", "exInDays");
  private static final Set<String> EVENT_KEYS =
      Set.of("at", "underlying", "drift", "volatility", "gap", "vix");
  private static final Set<String> FAULT_KEYS = Set.of("at", "kind", "duration", "code", "reason");
  private static final Set<FaultKind> INSTANT =
      Set.of(FaultKind.DROP_CONNECTION, FaultKind.GARBAGE_FRAME);

  private final List<String> problems = new ArrayList<>();

  private ScenarioParser() {}

  /** Parses a file; throws {@link ScenarioException} listing every problem. */
  public static Scenario parse(Path file) throws IOException {
    return parse(Files.readString(file), file.toString());
  }

  /** Parses YAML text; {@code source} names it in messages. */
  public static Scenario parse(String yaml, String source) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
      throw new ScenarioException(
          source, List.of("not valid YAML" + where + ": " + e.getOriginalMessage()));
    }
    return new ScenarioParser().scenario(root, source);
  }

  private Scenario scenario(JsonNode root, String source) {
    if (root == null || !root.isObject()) {
      throw new ScenarioException(source, List.of("expected a mapping with events and/or faults"));
    }
    unknownKeys(root, TOP, "");
    String name = root.path("name").asText(source);
    List<PathEvent> events = new ArrayList<>();
    JsonNode eventList = root.path("events");
    if (!eventList.isMissingNode() && !eventList.isArray()) {
      problems.add("events: expected a list");
    } else {
      for (int i = 0; i < eventList.size(); i++) {
        PathEvent e = event(eventList.get(i), "events[" + i + "]");
        if (e != null) {
          events.add(e);
        }
      }
    }
    List<Fault> faults = new ArrayList<>();
    JsonNode faultList = root.path("faults");
    if (!faultList.isMissingNode() && !faultList.isArray()) {
      problems.add("faults: expected a list");
    } else {
      for (int i = 0; i < faultList.size(); i++) {
        Fault f = fault(faultList.get(i), "faults[" + i + "]");
        if (f != null) {
          faults.add(f);
        }
      }
    }
    List<ScenarioDividend> dividends = new ArrayList<>();
    JsonNode dividendList = root.path("dividends");
    if (!dividendList.isMissingNode() && !dividendList.isArray()) {
      problems.add("dividends: expected a list");
    } else {
      Set<String> seen = new java.util.HashSet<>();
      for (int i = 0; i < dividendList.size(); i++) {
        ScenarioDividend d = dividend(dividendList.get(i), "dividends[" + i + "]");
        if (d != null && !seen.add(d.symbol())) {
          problems.add(
              "dividends[" + i + "].underlying: " + d.symbol() + " has a dividend already");
        } else if (d != null) {
          dividends.add(d);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ScenarioException(source, problems);
    }
    return new Scenario(name, events, faults, dividends);
  }

  private PathEvent event(JsonNode node, String where) {
    if (!node.isObject()) {
      problems.add(where + ": expected a mapping with at and one change");
      return null;
    }
    unknownKeys(node, EVENT_KEYS, where + ".");
    Duration at = duration(node, "at", where, true);
    List<String> changes = new ArrayList<>();
    for (String key : List.of("drift", "volatility", "gap", "vix")) {
      if (node.has(key)) {
        changes.add(key);
      }
    }
    if (changes.size() != 1) {
      problems.add(
          where
              + ": expected exactly one of drift, volatility, gap, vix, found "
              + (changes.isEmpty() ? "none" : changes));
      return null;
    }
    String change = changes.get(0);
    String underlying = node.has("underlying") ? node.get("underlying").asText() : null;
    if (change.equals("vix")) {
      if (underlying != null) {
        problems.add(where + ".underlying: a vix event applies to VIX; remove underlying");
      }
      double level =
          number(node.get("vix"), where + ".vix", 5, 150, "a VIX level between 5 and 150");
      return at == null ? null : new PathEvent(at, null, PathEvent.Kind.VIX, level);
    }
    if (underlying == null || !underlying.matches("[A-Z]{1,6}")) {
      problems.add(where + ".underlying: expected a symbol such as SPY, was " + underlying);
      return null;
    }
    double value =
        switch (change) {
          case "drift" ->
              number(
                  node.get("drift"),
                  where + ".drift",
                  -5,
                  5,
                  "an annual drift such as -0.5 (-50%/year)");
          case "volatility" ->
              percentOrFraction(
                  node.get("volatility"),
                  where + ".volatility",
                  0.01,
                  3,
                  "a volatility such as 45% or 0.45");
          default ->
              percentOrFraction(
                  node.get("gap"), where + ".gap", -0.5, 0.5, "a gap such as -3% or -0.03");
        };
    PathEvent.Kind kind = PathEvent.Kind.valueOf(change.toUpperCase(Locale.ROOT));
    return at == null || Double.isNaN(value) ? null : new PathEvent(at, underlying, kind, value);
  }

  private ScenarioDividend dividend(JsonNode node, String where) {
    if (!node.isObject()) {
      problems.add(where + ": expected a mapping with underlying, amount and exDate or exInDays");
      return null;
    }
    unknownKeys(node, DIVIDEND_KEYS, where + ".");
    String underlying = node.path("underlying").asText(null);
    if (underlying == null || !underlying.matches("[A-Z]{1,6}")) {
      problems.add(where + ".underlying: expected a symbol such as SPY, was " + underlying);
      underlying = null;
    }
    double amount =
        number(node.get("amount"), where + ".amount", 0.0001, 1000, "a dividend per share > 0");
    java.time.LocalDate exDate = null;
    int exIn = -1;
    if (node.has("exDate") == node.has("exInDays")) {
      problems.add(where + ": expected exactly one of exDate (2026-12-18) or exInDays (e.g. 2)");
    } else if (node.has("exDate")) {
      try {
        exDate = java.time.LocalDate.parse(node.get("exDate").asText());
      } catch (java.time.format.DateTimeParseException e) {
        problems.add(
            where + ".exDate: expected a date such as 2026-12-18, was " + node.get("exDate"));
      }
    } else {
      JsonNode days = node.get("exInDays");
      if (!days.canConvertToInt() || !days.isIntegralNumber() || days.asInt() < 0) {
        problems.add(where + ".exInDays: expected whole days >= 0 such as 2, was " + days);
      } else {
        exIn = days.asInt();
      }
    }
    if (underlying == null || Double.isNaN(amount) || (exDate == null && exIn < 0)) {
      return null;
    }
    return new ScenarioDividend(underlying, amount, exDate, exIn);
  }

  private Fault fault(JsonNode node, String where) {
    if (!node.isObject()) {
      problems.add(where + ": expected a mapping with at and kind");
      return null;
    }
    unknownKeys(node, FAULT_KEYS, where + ".");
    Duration at = duration(node, "at", where, true);
    String kindText = node.path("kind").asText("");
    FaultKind kind = null;
    try {
      kind = FaultKind.valueOf(kindText.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      List<String> names = new ArrayList<>();
      for (FaultKind k : FaultKind.values()) {
        names.add(k.name().toLowerCase(Locale.ROOT));
      }
      problems.add(
          where
              + ".kind: '"
              + kindText
              + "' is not a fault"
              + Suggestions.closest(kindText, names)
                  .map(s -> " (did you mean " + s + "?)")
                  .orElse("")
              + "; expected one of "
              + names);
    }
    Duration duration = duration(node, "duration", where, kind != null && !INSTANT.contains(kind));
    if (kind != null && INSTANT.contains(kind) && duration != null && !duration.isZero()) {
      problems.add(
          where
              + ".duration: "
              + kind.name().toLowerCase(Locale.ROOT)
              + " is instantaneous; remove duration");
    }
    int code = 0;
    String reason = "";
    if (kind == FaultKind.REJECT_ORDERS) {
      code = node.path("code").asInt(201);
      if (code < 100 || code > 99_999) {
        problems.add(
            where + ".code: expected an IB error code such as 201, was " + node.get("code"));
      }
      reason = node.path("reason").asText("rejected by scenario");
    } else if (node.has("code") || node.has("reason")) {
      problems.add(where + ": code and reason apply only to reject_orders");
    }
    if (at == null || kind == null || (duration == null && !INSTANT.contains(kind))) {
      return null;
    }
    return new Fault(at, kind, duration == null ? Duration.ZERO : duration, code, reason);
  }

  private Duration duration(JsonNode node, String key, String where, boolean required) {
    JsonNode value = node.get(key);
    if (value == null) {
      if (required) {
        problems.add(where + "." + key + ": missing; expected " + Durations.EXPECTED);
      }
      return null;
    }
    try {
      Duration d = Durations.parse(value.asText());
      if (d.isNegative()) {
        problems.add(where + "." + key + ": must not be negative, was " + value.asText());
        return null;
      }
      return d;
    } catch (IllegalArgumentException e) {
      problems.add(where + "." + key + ": " + e.getMessage());
      return null;
    }
  }

  private double number(JsonNode value, String where, double min, double max, String expected) {
    if (value == null || !value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
      problems.add(where + ": expected " + expected + ", was " + value);
      return Double.NaN;
    }
    return value.asDouble();
  }

  /** {@code 45%} or {@code 0.45}; {@code -3%} or {@code -0.03}. */
  private double percentOrFraction(
      JsonNode value, String where, double min, double max, String expected) {
    double parsed = Double.NaN;
    if (value != null && value.isNumber()) {
      parsed = value.asDouble();
    } else if (value != null && value.isTextual() && value.asText().trim().endsWith("%")) {
      String text = value.asText().trim();
      try {
        parsed = Double.parseDouble(text.substring(0, text.length() - 1)) / 100;
      } catch (NumberFormatException e) {
        parsed = Double.NaN;
      }
    }
    if (Double.isNaN(parsed) || parsed < min || parsed > max) {
      problems.add(where + ": expected " + expected + ", was " + value);
      return Double.NaN;
    }
    return parsed;
  }

  private void unknownKeys(JsonNode node, Set<String> allowed, String prefix) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String key = names.next();
      if (!allowed.contains(key)) {
        problems.add(
            prefix
                + key
                + ": unknown key"
                + Suggestions.closest(key, allowed)
                    .map(s -> " (did you mean " + s + "?)")
                    .orElse("")
                + "; expected one of "
                + new java.util.TreeSet<>(allowed));
      }
    }
  }
}
