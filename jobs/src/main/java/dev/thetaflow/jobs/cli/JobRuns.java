package dev.thetaflow.jobs.cli;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.core.execution.JobClient;

/** How a command line run ends its local job. */
final class JobRuns {
  private static final Duration POLL = Duration.ofMillis(20);

  private JobRuns() {}

  /**
   * Cancels the job and waits until it ended: its sinks write into the data root until then, and
   * whoever removes or reads the tables next (a test's cleanup, the next run) must not race them.
   */
  static void stop(JobClient job) throws InterruptedException {
    try {
      job.cancel().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | IllegalStateException | TimeoutException e) {
      // already ended (e.g. it failed), or slow to cancel: wait for its end below
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (job.getJobStatus().get(5, TimeUnit.SECONDS).isGloballyTerminalState()) {
          return;
        }
      } catch (ExecutionException | IllegalStateException | TimeoutException e) {
        return; // the job's local cluster already shut down: it ended
      }
      Thread.sleep(POLL.toMillis());
    }
  }
}
