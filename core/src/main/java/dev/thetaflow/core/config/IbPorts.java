package dev.thetaflow.core.config;

import java.util.Optional;

/**
 * IB's standard API ports. A port chosen for the wrong mode is the most likely way to send orders
 * to the wrong account, so {@link LiveSafety} checks the port against the mode.
 */
final class IbPorts {

  static final int TWS_LIVE = 7496;
  static final int TWS_PAPER = 7497;
  static final int GATEWAY_LIVE = 4001;
  static final int GATEWAY_PAPER = 4002;

  private IbPorts() {}

  static boolean isLive(int port) {
    return port == TWS_LIVE || port == GATEWAY_LIVE;
  }

  static boolean isPaper(int port) {
    return port == TWS_PAPER || port == GATEWAY_PAPER;
  }

  static boolean isStandard(int port) {
    return isLive(port) || isPaper(port);
  }

  /** What a standard port is, e.g. "the TWS paper-trading port"; empty for other ports. */
  static Optional<String> describe(int port) {
    return switch (port) {
      case TWS_LIVE -> Optional.of("the TWS live-trading port");
      case TWS_PAPER -> Optional.of("the TWS paper-trading port");
      case GATEWAY_LIVE -> Optional.of("the IB Gateway live-trading port");
      case GATEWAY_PAPER -> Optional.of("the IB Gateway paper-trading port");
      default -> Optional.empty();
    };
  }
}
