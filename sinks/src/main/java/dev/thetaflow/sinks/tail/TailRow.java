package dev.thetaflow.sinks.tail;

import java.time.Instant;
import java.util.List;

/**
 * One row of a commit, as the tail source read it.
 *
 * @param version the table version (commit) the row was added in
 * @param committedAt the commit's timestamp
 * @param index the row's position among the rows the commit added, from 0
 * @param lastInCommit whether it is the commit's last row
 * @param columns the table's column names, in the order of {@code values}
 * @param values the row's values, typed as the Delta sink takes them
 */
public record TailRow(
    long version,
    Instant committedAt,
    int index,
    boolean lastInCommit,
    List<String> columns,
    Object[] values) {

  /** The value of {@code column}; an error names the columns there are. */
  public Object get(String column) {
    int i = columns.indexOf(column);
    if (i < 0) {
      throw new IllegalArgumentException("no column " + column + " in " + columns);
    }
    return values[i];
  }
}
