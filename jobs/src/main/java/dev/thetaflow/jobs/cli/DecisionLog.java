package dev.thetaflow.jobs.cli;

import dev.thetaflow.sinks.delta.DeltaReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code decisions} table read back, and its summary by rule as a scenario run ends. */
public final class DecisionLog {
  private DecisionLog() {}

  /**
   * One row of {@code decisions}.
   *
   * @param jobId the run that wrote it (the job's lineage)
   * @param verdict what the executor did: SENT, SUPERSEDING, ESCALATED, RESENT, REFUSED,
   *     UNSUPPORTED (the reason's text after its last " | ")
   */
  public record Row(
      Instant time,
      String jobId,
      String strategyId,
      String rule,
      int priority,
      String action,
      String urgency,
      String verdict,
      String reason,
      String measuredJson,
      String thresholdsJson) {}

  /** Every committed decision under {@code dataRoot}, in event-time order; none before a commit. */
  public static List<Row> read(DeltaReader reader, String dataRoot) {
    Path table = Path.of(dataRoot).resolve("decisions");
    if (!Files.isDirectory(table.resolve("_delta_log"))) {
      return List.of();
    }
    var rows = reader.table(table.toString()).read();
    int time = rows.column("event_time");
    int job = rows.column("job_id");
    int strategy = rows.column("strategy_id");
    int rule = rows.column("rule");
    int priority = rows.column("priority");
    int action = rows.column("action");
    int urgency = rows.column("urgency");
    int reason = rows.column("reason");
    int measured = rows.column("measured_json");
    int thresholds = rows.column("thresholds_json");
    List<Row> out = new ArrayList<>();
    for (Object[] r : rows.rows()) {
      String text = (String) r[reason];
      out.add(
          new Row(
              (Instant) r[time],
              (String) r[job],
              (String) r[strategy],
              (String) r[rule],
              (Integer) r[priority],
              (String) r[action],
              (String) r[urgency],
              verdict(text),
              text,
              (String) r[measured],
              (String) r[thresholds]));
    }
    out.sort(Comparator.comparing(Row::time));
    return out;
  }

  /** The executor's verdict: the first word after the reason's last " | ". */
  static String verdict(String reason) {
    int bar = reason.lastIndexOf(" | ");
    if (bar < 0) {
      return "?";
    }
    String outcome = reason.substring(bar + 3).trim();
    int end = 0;
    while (end < outcome.length() && Character.isLetter(outcome.charAt(end))) {
      end++;
    }
    return end == 0 ? "?" : outcome.substring(0, end);
  }

  /** One line per rule: how many decisions, the first's time, the actions and the verdicts. */
  public static void summary(List<Row> rows, PrintWriter out) {
    out.printf("%ndecisions by rule: %d%n", rows.size());
    if (rows.isEmpty()) {
      out.println("  (none)");
    }
    Map<String, List<Row>> byRule = new LinkedHashMap<>();
    rows.stream()
        .sorted(Comparator.comparingInt(Row::priority).thenComparing(Row::time))
        .forEach(r -> byRule.computeIfAbsent(r.rule(), k -> new ArrayList<>()).add(r));
    for (var e : byRule.entrySet()) {
      List<Row> list = e.getValue();
      Set<String> actions = new LinkedHashSet<>();
      Set<String> verdicts = new LinkedHashSet<>();
      Set<String> strategies = new LinkedHashSet<>();
      Instant first = list.get(0).time();
      list.sort(java.util.Comparator.comparing(Row::time));
      for (Row r : list) {
        actions.add(r.action() + "/" + r.urgency());
        verdicts.add(r.verdict());
        strategies.add(r.strategyId());
        first = r.time().isBefore(first) ? r.time() : first;
      }
      out.printf(
          "  %-16s count %3d  first %s  action %s  verdict %s  strategies %s%n",
          e.getKey(),
          list.size(),
          first,
          String.join(",", actions),
          String.join(",", verdicts),
          String.join(",", strategies));
      out.printf("    first: %s%n", list.get(0).reason());
    }
    out.flush();
  }
}
