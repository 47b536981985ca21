package dev.thetaflow.jobs.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tradectl} command line: one entry point, one subcommand per task. */
@Command(
    name = "tradectl",
    mixinStandardHelpOptions = true,
    versionProvider = Tradectl.Version.class,
    description = "thetaflow: automated options trading for Interactive Brokers on Apache Flink.",
    subcommands = {
      GreeksCommand.class,
      ConfigCommand.class,
      SimCommand.class,
      PaperCommand.class,
      IbSimCommand.class,
      CommandCommand.class,
      DeltaCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Tradectl implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The command line with every subcommand registered; tests drive it directly. */
  public static CommandLine newCommandLine() {
    return new CommandLine(new Tradectl()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Tradectl.class.getPackage().getImplementationVersion();
      return new String[] {"thetaflow " + (v == null ? "dev" : v)};
    }
  }
}
