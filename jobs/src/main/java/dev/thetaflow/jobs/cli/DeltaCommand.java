package dev.thetaflow.jobs.cli;

import dev.thetaflow.core.config.ConfigException;
import dev.thetaflow.core.config.Durations;
import dev.thetaflow.sinks.delta.DeltaMaintenance;
import dev.thetaflow.sinks.delta.DeltaTableSpec;
import dev.thetaflow.sinks.delta.DeltaTables;
import dev.thetaflow.sinks.tables.Tables;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tradectl delta ...}: upkeep of thetaflow's Delta tables. */
@Command(
    name = "delta",
    mixinStandardHelpOptions = true,
    description = "Creates, compacts and vacuums thetaflow's Delta tables.",
    subcommands = {
      DeltaCommand.Create.class,
      DeltaCommand.Compact.class,
      DeltaCommand.Vacuum.class
    })
final class DeltaCommand implements Callable<Integer> {
  static final int FAILED = 2;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** The declared tables named, or all of them; an unknown name is an error listing the names. */
  static List<DeltaTableSpec> tables(List<String> names) {
    if (names == null || names.isEmpty()) {
      return Tables.ALL;
    }
    List<DeltaTableSpec> out = new ArrayList<>();
    for (String name : names) {
      out.add(
          Tables.ALL.stream()
              .filter(t -> t.name().equals(name))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "no table "
                              + name
                              + "; the tables are "
                              + Tables.ALL.stream().map(DeltaTableSpec::name).toList())));
    }
    return out;
  }

  static int fail(CommandSpec spec, RuntimeException e) {
    spec.commandLine().getErr().println("tradectl delta " + spec.name() + ": " + e.getMessage());
    return FAILED;
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Creates the missing tables and checks the schemas of the others.")
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DataRootOptions data;

    @Override
    public Integer call() {
      try {
        String root = data.resolve();
        Tables.Prepared done = Tables.createMissing(DeltaTables.withDefaultEngine(), Path.of(root));
        PrintWriter out = spec.commandLine().getOut();
        out.println(
            "tables under "
                + root
                + ": "
                + (done.created().isEmpty() ? "all present" : "created " + done.created()));
        done.evolved().forEach(e -> out.println("evolved " + e));
        return 0;
      } catch (ConfigException | IllegalArgumentException | IllegalStateException e) {
        return fail(spec, e);
      }
    }
  }

  @Command(
      name = "compact",
      mixinStandardHelpOptions = true,
      description = {
        "Rewrites the small files of closed trade_date partitions into files near a target size.",
        "Safe while the job runs: it only touches days before --before, in one commit that",
        "changes no rows."
      })
  static final class Compact implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DataRootOptions data;

    @Option(names = "--table", paramLabel = "NAME", description = "Table(s) (default: all).")
    List<String> names;

    @Option(
        names = "--before",
        paramLabel = "DATE",
        description = "First open day, yyyy-MM-dd (default: today in New York).")
    LocalDate before;

    @Option(
        names = "--target-mb",
        paramLabel = "MB",
        defaultValue = "128",
        description = "Target file size in MiB (default: ${DEFAULT-VALUE}).")
    int targetMb;

    @Override
    public Integer call() {
      try {
        String root = data.resolve();
        LocalDate closedBefore =
            before != null ? before : LocalDate.now(ZoneId.of("America/New_York"));
        DeltaTables delta = DeltaTables.withDefaultEngine();
        DeltaMaintenance maintenance = new DeltaMaintenance(delta);
        PrintWriter out = spec.commandLine().getOut();
        for (DeltaTableSpec table : tables(names)) {
          if (!table.partitionColumns().contains("trade_date")) {
            continue; // small tables read whole; nothing closes
          }
          var result =
              maintenance.compact(
                  root + "/" + table.name(), table, closedBefore, (long) targetMb << 20);
          out.println(
              result.version() < 0
                  ? table.name() + ": nothing to compact before " + closedBefore
                  : String.format(
                      "%s: version %d, %d partitions, %d files -> %d, %d rows",
                      table.name(),
                      result.version(),
                      result.partitions(),
                      result.filesRemoved(),
                      result.filesAdded(),
                      result.rows()));
        }
        return 0;
      } catch (ConfigException | IllegalArgumentException | IllegalStateException e) {
        return fail(spec, e);
      }
    }
  }

  @Command(
      name = "vacuum",
      mixinStandardHelpOptions = true,
      description = {
        "Deletes data files no version within the retention refers to (orphans of checkpoints",
        "that never committed, files replaced by compaction). Local tables only."
      })
  static final class Vacuum implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DataRootOptions data;

    @Option(names = "--table", paramLabel = "NAME", description = "Table(s) (default: all).")
    List<String> names;

    @Option(
        names = "--retention",
        paramLabel = "DURATION",
        defaultValue = "168h",
        description = "Keep what versions this recent need (default: ${DEFAULT-VALUE}, min 1h).")
    String retention;

    @Option(names = "--dry-run", description = "List what would be deleted; delete nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
      try {
        String root = data.resolve();
        Duration keep = Durations.parse(retention);
        DeltaMaintenance maintenance = new DeltaMaintenance(DeltaTables.withDefaultEngine());
        PrintWriter out = spec.commandLine().getOut();
        for (DeltaTableSpec table : tables(names)) {
          var result = maintenance.vacuum(root + "/" + table.name(), keep, dryRun);
          out.printf(
              "%s: %s %d files (%d bytes), kept %d younger than %s%n",
              table.name(),
              dryRun ? "would delete" : "deleted",
              result.deleted().size(),
              result.bytes(),
              result.kept(),
              retention);
          if (dryRun) {
            result.deleted().forEach(f -> out.println("  " + f));
          }
        }
        return 0;
      } catch (ConfigException | IllegalArgumentException | IllegalStateException e) {
        return fail(spec, e);
      }
    }
  }
}
