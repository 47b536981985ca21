package dev.thetaflow.jobs.cli;

import dev.thetaflow.core.command.CommandAction;
import dev.thetaflow.core.command.CommandCodec;
import dev.thetaflow.core.command.CommandException;
import dev.thetaflow.core.command.CommandType;
import dev.thetaflow.core.config.ConfigException;
import dev.thetaflow.jobs.commands.CommandsTable;
import dev.thetaflow.sinks.delta.DeltaTables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tradectl command ...}: appends a command to the {@code commands} table, which the running
 * job follows. Idempotent by command id: issuing the same {@code --id} twice acts once.
 */
@Command(
    name = "command",
    mixinStandardHelpOptions = true,
    description = "Sends a command to the trading job through the commands table.",
    subcommands = {
      CommandCommand.Open.class,
      CommandCommand.Close.class,
      CommandCommand.CloseAll.class,
      CommandCommand.Pause.class,
      CommandCommand.Resume.class,
      CommandCommand.Kill.class,
      CommandCommand.Release.class,
      CommandCommand.Ack.class
    })
final class CommandCommand implements Callable<Integer> {
  static final int REFUSED = 2;

  @Spec CommandSpec spec;

  @Mixin DataRootOptions data;

  @Option(names = "--id", paramLabel = "ID", description = "Command id (default: generated).")
  String commandId;

  @Option(
      names = "--by",
      paramLabel = "WHO",
      description = "Who issues the command (default: the user name).")
  String issuedBy;

  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** Appends {@code action}; prints what happened; returns the exit status. */
  int send(CommandSpec sub, CommandAction action) {
    try {
      String root = data.resolve();
      Instant now = clock.instant();
      String id = commandId != null ? commandId : newId(now);
      String by = issuedBy != null ? issuedBy : System.getProperty("user.name", "tradectl");
      var command = new dev.thetaflow.core.command.Command(id, now, by, action);
      Optional<Long> version = CommandsTable.append(DeltaTables.withDefaultEngine(), root, command);
      sub.commandLine()
          .getOut()
          .println(
              version
                  .map(
                      v ->
                          "command "
                              + id
                              + " ("
                              + action.type()
                              + ") appended to "
                              + CommandsTable.path(root)
                              + " at version "
                              + v)
                  .orElse("command " + id + " is already in " + CommandsTable.path(root)));
      return 0;
    } catch (CommandException | ConfigException e) {
      sub.commandLine().getErr().println("tradectl command: " + e.getMessage());
      return REFUSED;
    }
  }

  private static String newId(Instant now) {
    byte[] random = new byte[3];
    new SecureRandom().nextBytes(random);
    return "cmd-"
        + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC).format(now)
        + "-"
        + HexFormat.of().formatHex(random);
  }

  /** Options every command takes. */
  static final class Reason {
    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (kept with the command).")
    String text;
  }

  @Command(
      name = "open",
      mixinStandardHelpOptions = true,
      description = {
        "Opens a strategy from a JSON spec (a file, or - for standard input):",
        "  {\"strategy_id\":\"ic-1\",\"underlying\":\"SPY\",\"strategy_type\":\"iron_condor\",",
        "   \"quantity\":1,\"limit_price\":1.20,\"legs\":[",
        "   {\"right\":\"put\",\"ratio\":1,\"dte\":30,\"delta\":-0.08},",
        "   {\"right\":\"put\",\"ratio\":-1,\"dte\":30,\"delta\":-0.16}, ...]}",
        "A leg takes expiry (yyyy-MM-dd) or dte, and strike or delta."
      })
  static final class Open implements Callable<Integer> {
    @ParentCommand CommandCommand parent;
    @Spec CommandSpec spec;

    @Option(names = "--spec", required = true, paramLabel = "FILE", description = "JSON spec.")
    String specFile;

    @Override
    public Integer call() throws IOException {
      String json =
          specFile.equals("-")
              ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
              : Files.readString(Path.of(specFile));
      try {
        return parent.send(spec, CommandCodec.action(CommandType.OPEN_STRATEGY, json));
      } catch (CommandException e) {
        spec.commandLine()
            .getErr()
            .println("tradectl command open: " + specFile + ": " + e.getMessage());
        return REFUSED;
      }
    }
  }

  @Command(name = "close", mixinStandardHelpOptions = true, description = "Closes one strategy.")
  static final class Close implements Callable<Integer> {
    @ParentCommand CommandCommand parent;
    @Spec CommandSpec spec;
    @Mixin Reason reason;

    @Option(names = "--strategy", required = true, paramLabel = "ID", description = "Its id.")
    String strategyId;

    @Override
    public Integer call() {
      return parent.sendOrRefuse(
          spec, () -> new CommandAction.CloseStrategy(strategyId, reason.text));
    }
  }

  @Command(
      name = "close-all",
      mixinStandardHelpOptions = true,
      description = "Closes every open strategy (needs --confirm).")
  static final class CloseAll implements Callable<Integer> {
    @ParentCommand CommandCommand parent;
    @Spec CommandSpec spec;
    @Mixin Reason reason;

    @Option(names = "--confirm", description = "Confirms closing everything.")
    boolean confirm;

    @Override
    public Integer call() {
      return parent.sendOrRefuse(spec, () -> new CommandAction.CloseAll(confirm, reason.text));
    }
  }

  @Command(name = "pause", mixinStandardHelpOptions = true, description = "Pauses new entries.")
  static final class Pause implements Callable<Integer> {
    @ParentCommand CommandCommand parent;
    @Spec CommandSpec spec;
    @Mixin Reason reason;

    @Override
    public Integer call() {
      return parent.sendOrRefuse(spec, () -> new CommandAction.PauseEntries(reason.text));
    }
  }

  @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resumes entries.")
  static final class Resume implements Callable<Integer> {
    @ParentCommand CommandCommand parent;
    @Spec CommandSpec spec;
    @Mixin Reason reason;

    @Override
    public Integer call() {
      return parent.sendOrRefuse(spec, () -> new CommandAction.ResumeEntries(reason.text));
    }
  }

  @Command(
      name = "kill",
      mixinStandardHelpOptions = true,
      description = "Kill switch: cancels working orders and halts new ones until released.")
  static final class Kill implements Callable<Integer> {
    @ParentCommand CommandCommand parent;
    @Spec CommandSpec spec;
    @Mixin Reason reason;

    @Override
    public Integer call() {
      return parent.sendOrRefuse(spec, () -> new CommandAction.KillSwitch(reason.text));
    }
  }

  @Command(
      name = "release",
      mixinStandardHelpOptions = true,
      description = "Lifts the kill switch (needs --confirm).")
  static final class Release implements Callable<Integer> {
    @ParentCommand CommandCommand parent;
    @Spec CommandSpec spec;
    @Mixin Reason reason;

    @Option(names = "--confirm", description = "Confirms lifting the kill switch.")
    boolean confirm;

    @Override
    public Integer call() {
      return parent.sendOrRefuse(
          spec, () -> new CommandAction.ReleaseKillSwitch(confirm, reason.text));
    }
  }

  @Command(name = "ack", mixinStandardHelpOptions = true, description = "Acknowledges an alert.")
  static final class Ack implements Callable<Integer> {
    @ParentCommand CommandCommand parent;
    @Spec CommandSpec spec;

    @Option(names = "--alert", required = true, paramLabel = "ID", description = "The alert id.")
    String alertId;

    @Option(names = "--note", paramLabel = "TEXT", description = "A note kept with it.")
    String note;

    @Override
    public Integer call() {
      return parent.sendOrRefuse(spec, () -> new CommandAction.AcknowledgeAlert(alertId, note));
    }
  }

  int sendOrRefuse(CommandSpec sub, java.util.function.Supplier<CommandAction> action) {
    CommandAction a;
    try {
      a = action.get();
    } catch (CommandException e) {
      sub.commandLine().getErr().println("tradectl command " + sub.name() + ": " + e.getMessage());
      return REFUSED;
    }
    return send(sub, a);
  }
}
