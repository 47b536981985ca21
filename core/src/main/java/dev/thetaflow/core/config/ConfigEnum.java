package dev.thetaflow.core.config;

/** An enum whose constants are written in YAML by a fixed lower-case name. */
interface ConfigEnum {

  /** The exact spelling accepted in YAML and environment variables. */
  String configName();
}
