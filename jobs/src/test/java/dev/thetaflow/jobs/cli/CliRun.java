package dev.thetaflow.jobs.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs a command line in-process and keeps what it printed: {exit status, stdout, stderr}. */
public final class CliRun {
  private CliRun() {}

  /** {@code tradectl args...} */
  public static String[] tradectl(String... args) {
    return run(Tradectl.newCommandLine(), args);
  }

  static String[] run(CommandLine cli, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }
}
