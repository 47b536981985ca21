/**
 * Commands into the running job: appended to the {@code commands} Delta table (by {@code tradectl
 * command} or the dashboard) and followed by the job's commands source.
 */
package dev.thetaflow.jobs.commands;
