package dev.thetaflow.core.config;

/**
 * Where the Delta tables live.
 *
 * @param root a local path or any Hadoop-compatible URI ({@code s3a://bucket/thetaflow}, {@code
 *     abfss://...}); every table is a folder below it (default {@code data/})
 */
public record StorageConfig(String root) {

  public StorageConfig {
    Checks.token(
        "root", root, "a path or URI without spaces, e.g. data/ or s3a://bucket/thetaflow");
  }

  static StorageConfig read(ConfigSection s) {
    String root = s.string("root", "data/");
    return s.build(() -> new StorageConfig(root));
  }
}
