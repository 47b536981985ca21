/**
 * Typed, validated, immutable configuration for thetaflow.
 *
 * <p>{@link dev.thetaflow.core.config.ConfigLoader} reads {@code conf/base.yaml}, the profile file,
 * an optional git-ignored {@code <profile>.local.yaml} and {@code THETAFLOW__…} environment
 * variables, merges them in that order and binds the result into {@link
 * dev.thetaflow.core.config.ThetaflowConfig}. Every problem is collected and reported together in
 * one {@link dev.thetaflow.core.config.ConfigException}, each naming the key, the value, where it
 * came from and what was expected. {@link dev.thetaflow.core.config.LiveSafety} holds the rules
 * that keep a configuration mistake from trading real money.
 *
 * <p>Adding a key: add a record component, read it in the record's {@code read(ConfigSection)} with
 * its default and range, and document it in {@code conf/README.md}. Adding a section: a new record
 * with the same {@code read} shape, read from {@link dev.thetaflow.core.config.ThetaflowConfig}.
 */
package dev.thetaflow.core.config;
