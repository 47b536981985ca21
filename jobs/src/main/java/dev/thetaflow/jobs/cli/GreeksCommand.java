package dev.thetaflow.jobs.cli;

import dev.thetaflow.core.analytics.PricingEngines;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tradectl greeks}: prices, Greeks and implied volatilities for options given as CSV. */
@Command(
    name = "greeks",
    mixinStandardHelpOptions = true,
    description = {
      "Reads options as CSV and writes their price, Greeks and implied volatility as CSV.",
      "",
      "Input columns (header required, any order, extra columns ignored):",
      "  id,style,type,spot,strike,years,rate,div_yield,vol[,price]",
      "  style european|american, type call|put, years ACT/365,",
      "  rate and div_yield continuously compounded, vol annualised (0.2 = 20%).",
      "  With price, implied_vol is solved from it; vol may then be empty and the",
      "  Greeks are computed at the implied volatility.",
      "Output columns:",
      "  " + GreeksCsv.OUTPUT_HEADER,
      "  vega per 1.00 of volatility, theta per year as time passes, rho per 1.00 of rate;",
      "  iv_status is ok, no_price, or why no volatility reproduces the price.",
      "",
      "A malformed row is reported on standard error with its line, id and field and",
      "left out; every other row is answered. Exit status: 0 all rows answered,",
      "1 some rows rejected, 2 unusable input (no header, missing column)."
    })
final class GreeksCommand implements Callable<Integer> {

  static final int SOME_ROWS_REJECTED = 1;
  static final int UNUSABLE_INPUT = 2;

  @Spec CommandSpec spec;

  @Option(
      names = {"-i", "--input"},
      paramLabel = "FILE",
      description = "Read this file instead of standard input.")
  Path input;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write this file instead of standard output.")
  Path output;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    try (Reader in = openInput();
        Writer out = openOutput()) {
      GreeksCsv.Summary summary = new GreeksCsv(PricingEngines::forStyle).run(in, out, err);
      if (summary.rejected() > 0) {
        err.printf(
            "greeks: %d row(s) answered, %d rejected%n", summary.answered(), summary.rejected());
        return SOME_ROWS_REJECTED;
      }
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("greeks: " + e.getMessage());
      return UNUSABLE_INPUT;
    }
  }

  private Reader openInput() throws IOException {
    return input == null
        ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
        : Files.newBufferedReader(input, StandardCharsets.UTF_8);
  }

  private Writer openOutput() throws IOException {
    if (output != null) {
      return Files.newBufferedWriter(output, StandardCharsets.UTF_8);
    }
    // The command line's writer outlives this command: closing only flushes it.
    PrintWriter commandOut = spec.commandLine().getOut();
    return new FilterWriter(commandOut) {
      @Override
      public void close() {
        commandOut.flush();
      }
    };
  }
}
