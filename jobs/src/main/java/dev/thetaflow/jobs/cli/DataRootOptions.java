package dev.thetaflow.jobs.cli;

import dev.thetaflow.core.config.ConfigLoader;
import dev.thetaflow.core.config.ThetaflowConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the Delta tables are: {@code --data DIR}, else the profile's {@code storage.root}. */
final class DataRootOptions {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Data root holding the Delta tables (default: storage.root of the profile).")
  String dataRoot;

  @Option(
      names = {"-p", "--profile"},
      paramLabel = "NAME",
      defaultValue = "sim",
      description = "Profile whose storage.root is used when --data is absent (default: sim).")
  String profile;

  /** The profile's configuration; a config error names the problem. */
  ThetaflowConfig config() {
    return ConfigLoader.load(Home.path().resolve("conf"), profile, System.getenv(), false);
  }

  /** The data root as an absolute path or URI; a config error names the problem. */
  String resolve() {
    if (dataRoot != null) {
      return Path.of(dataRoot).toAbsolutePath().toString();
    }
    var config = config();
    String root = config.storage().root();
    return root.contains(":") ? root : Home.path().resolve(root).toAbsolutePath().toString();
  }
}
