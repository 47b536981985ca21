package dev.thetaflow.sinks.notify;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * Opens the notifiers where the sink's writer runs (a TaskManager): notifiers hold connections and
 * credentials read from that machine's environment, so the job graph carries only this recipe.
 */
@FunctionalInterface
public interface Channels extends Serializable {

  /**
   * @param timeout how long one delivery may take (connect, send and reply)
   */
  List<Notifier> open(Duration timeout);
}
