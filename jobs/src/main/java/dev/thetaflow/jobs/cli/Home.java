package dev.thetaflow.jobs.cli;

import java.nio.file.Path;

/** The thetaflow checkout tradectl runs from: set by the launcher, else the working directory. */
final class Home {

  static final String PROPERTY = "thetaflow.home";

  private Home() {}

  static Path path() {
    String home = System.getProperty(PROPERTY);
    return Path.of(home == null || home.isBlank() ? "." : home);
  }
}
