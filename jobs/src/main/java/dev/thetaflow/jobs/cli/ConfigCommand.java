package dev.thetaflow.jobs.cli;

import dev.thetaflow.core.config.ConfigException;
import dev.thetaflow.core.config.ConfigLoader;
import dev.thetaflow.core.config.ThetaflowConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tradectl config}: loads a profile exactly as a session would (files, local overrides,
 * environment, live safety) and prints the result or every problem, so a mistake is found before
 * anything connects.
 */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a configuration profile and prints the effective configuration.",
      "Exit status 0 when valid, 1 when the configuration has problems (all are listed)."
    })
final class ConfigCommand implements Callable<Integer> {

  static final int INVALID = 1;

  @Spec CommandSpec spec;

  @Option(
      names = {"-p", "--profile"},
      paramLabel = "NAME",
      defaultValue = "sim",
      description =
          "Profile to load: sim, paper, live or a custom one (default: ${DEFAULT-VALUE}).")
  String profile;

  @Option(
      names = "--conf",
      paramLabel = "DIR",
      description = "Configuration directory (default: conf/ of the thetaflow checkout).")
  Path confDir;

  @Option(
      names = ConfigLoader.LIVE_CONFIRMATION_FLAG,
      description = "Confirms that a live profile trades real money.")
  boolean liveConfirmed;

  private final Map<String, String> env;

  ConfigCommand() {
    this(System.getenv());
  }

  ConfigCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    Path dir = confDir != null ? confDir : Home.path().resolve("conf");
    try {
      ThetaflowConfig config = ConfigLoader.load(dir, profile, env, liveConfirmed);
      spec.commandLine().getOut().printf("profile %s is valid (%s)%n%s%n", profile, dir, config);
      return 0;
    } catch (ConfigException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return INVALID;
    }
  }
}
