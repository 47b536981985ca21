package dev.thetaflow.core.config;

/**
 * The web dashboard.
 *
 * @param port HTTP port of the dashboard server (default 8080)
 */
public record DashboardConfig(int port) {

  public DashboardConfig {
    IbConfig.PORT.require("port", port);
  }

  static DashboardConfig read(ConfigSection s) {
    int port = s.integer("port", 8080, IbConfig.PORT);
    return s.build(() -> new DashboardConfig(port));
  }
}
