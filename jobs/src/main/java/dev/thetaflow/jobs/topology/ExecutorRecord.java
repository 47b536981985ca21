package dev.thetaflow.jobs.topology;

import dev.thetaflow.core.decision.Decision;
import dev.thetaflow.core.instrument.Leg;
import java.util.List;

/**
 * The decision executor's keyed state, a Flink POJO (fields may be added). Domain values are kept
 * as their DomainJson text; the transient fields cache them parsed.
 */
public class ExecutorRecord {
  public String account;

  /** The strategy's state as its operator last reported it. */
  public String state;

  /** What is held ({@link Leg}s with signed positions as ratios), as JSON. */
  public String heldJson;

  /** The highest exit sequence used or seen; the next exit is this + 1. */
  public int exitSeq;

  public int adjustSeq;

  /** The highest exit and adjustment sequences the strategy's operator reported seeing. */
  public int exitSeen;

  public int adjustSeen;

  /** The decision whose order is working, as JSON; null when none. */
  public String workingJson;

  /** Its order reference. */
  public String workingRef;

  /** When its order was sent (event time), epoch millis. */
  public long workingSentMillis;

  /** A decision waiting for the working order it superseded to end, as JSON; null when none. */
  public String pendingJson;

  /** The strategy as resolved for its entry ({@link ExecutorInput.Opened}), as JSON. */
  public String strategyJson;

  /**
   * The ROLL decision whose exit, once it closed the strategy, reopens it (as JSON), and that
   * exit's order reference; null when no roll is being worked.
   */
  public String rollJson;

  public String rollRef;

  /** Units the roll reopens: what its exit closes. */
  public int rollUnits;

  /** The adjustment sequence when the roll was sent: an adjustment since means it did not close. */
  public int rollAdjustSeq;

  public transient List<Leg> held;
  public transient Decision working;

  public ExecutorRecord() {}
}
