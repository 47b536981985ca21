package dev.thetaflow.jobs.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.ib.client.IbConnection;
import dev.thetaflow.ib.client.IbListener;
import dev.thetaflow.ib.codec.ExecutionDetails;
import dev.thetaflow.ib.codec.IncomingMessage;
import dev.thetaflow.ib.codec.IncomingMessageId;
import dev.thetaflow.ib.codec.RequestEnd;
import dev.thetaflow.ib.codec.Requests;
import dev.thetaflow.jobs.testing.SimFixture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The sim broker's executions of the day, the ground truth the trades table is checked against. */
final class SimExecutions {
  private SimExecutions() {}

  /**
   * Every execution id the broker reports to the master client (1), once per execution as the
   * broker holds them; client 1 must be free (no job connected as it).
   */
  static List<String> execIds(SimFixture sim) throws Exception {
    List<IncomingMessage> seen = new CopyOnWriteArrayList<>();
    IbConnection observer =
        new IbConnection(
            sim.options(1),
            new IbListener() {
              @Override
              public void onMessage(IncomingMessage message) {
                seen.add(message);
              }
            });
    observer.start();
    try {
      assertThat(observer.awaitReady(Duration.ofSeconds(10))).as("client 1 connected").isTrue();
      int req = observer.nextRequestId();
      observer.send(w -> Requests.reqExecutions(w, req, 0, "", "", "", "", "", ""));
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (seen.stream()
          .noneMatch(
              m ->
                  m instanceof RequestEnd e
                      && e.messageId() == IncomingMessageId.EXECUTION_DATA_END
                      && e.reqId() == req)) {
        assertThat(System.nanoTime()).as("executions of request %d", req).isLessThan(deadline);
        Thread.sleep(20);
      }
      // only the answer to this request: a fill reported live (reqId -1) is in it as well
      return seen.stream()
          .filter(m -> m instanceof ExecutionDetails e && e.reqId() == req)
          .map(m -> ((ExecutionDetails) m).execId())
          .toList();
    } finally {
      observer.close();
    }
  }
}
