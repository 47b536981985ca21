/**
 * Following a Delta table as a stream: a FLIP-27 source that emits the rows of every new commit of
 * a table, its position (version and row within it) checkpointed, so a restored job neither misses
 * nor repeats a row. The commands table is read this way.
 */
package dev.thetaflow.sinks.tail;
