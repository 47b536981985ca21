package dev.thetaflow.jobs.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tradectl sim}: the trading job against ib-sim. The job itself is not built yet. */
@Command(
    name = "sim",
    mixinStandardHelpOptions = true,
    description = "Runs the trading job on a local MiniCluster against the built-in simulator.")
final class SimCommand implements Callable<Integer> {

  static final int NOT_BUILT = 3;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine()
        .getErr()
        .println(
            "tradectl sim: not built yet. The trading job is the next milestone; today tradectl"
                + " offers: greeks, config, ib-sim.");
    return NOT_BUILT;
  }
}
