package dev.thetaflow.core.config;

/** Flink state backend. */
public enum StateBackend implements ConfigEnum {
  /** State on the JVM heap: fastest, bounded by memory. */
  HASHMAP("hashmap"),
  /** State in embedded RocksDB: larger than memory, incremental checkpoints. */
  ROCKSDB("rocksdb");

  private final String configName;

  StateBackend(String configName) {
    this.configName = configName;
  }

  @Override
  public String configName() {
    return configName;
  }
}
