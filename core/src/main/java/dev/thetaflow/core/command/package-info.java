/**
 * Commands a person gives the running job (open or close a strategy, pause entries, kill switch,
 * acknowledge an alert): the typed model and its JSON payload, as stored in the {@code commands}
 * table and read back by the job.
 */
package dev.thetaflow.core.command;
