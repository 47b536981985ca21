package dev.thetaflow.core.config;

/**
 * The ib-sim simulator; present only in mode {@code sim}.
 *
 * @param port loopback port ib-sim listens on; {@code ib.port} must equal it, and it must not be
 *     one of IB's standard ports (default 7600)
 * @param seed random seed, so that a run can be repeated exactly (default 42)
 * @param speed simulated seconds per real second, greater than 0 and up to 1000 (default 1)
 */
public record SimConfig(int port, long seed, double speed) {

  static final int DEFAULT_PORT = 7600;
  static final IntegerRange SEED = new IntegerRange(Long.MIN_VALUE, Long.MAX_VALUE);
  static final DecimalRange SPEED = DecimalRange.positiveUpTo(1_000);

  public SimConfig {
    IbConfig.PORT.require("port", port);
    SPEED.require("speed", speed);
  }

  static SimConfig read(ConfigSection s) {
    int port = s.integer("port", DEFAULT_PORT, IbConfig.PORT);
    long seed = s.longInteger("seed", 42L, SEED);
    double speed = s.decimal("speed", 1.0, SPEED);
    return s.build(() -> new SimConfig(port, seed, speed));
  }
}
