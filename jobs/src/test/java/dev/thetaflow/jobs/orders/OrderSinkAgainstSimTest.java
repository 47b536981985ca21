package dev.thetaflow.jobs.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.core.instrument.Contract;
import dev.thetaflow.core.instrument.Leg;
import dev.thetaflow.core.order.OrderAction;
import dev.thetaflow.core.order.OrderRef;
import dev.thetaflow.core.order.OrderRequest;
import dev.thetaflow.core.order.OrderType;
import dev.thetaflow.core.order.TimeInForce;
import dev.thetaflow.core.value.Price;
import dev.thetaflow.core.value.Side;
import dev.thetaflow.core.value.TickRounding;
import dev.thetaflow.jobs.testing.SimFixture;
import dev.thetaflow.sinks.order.OrderSink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The order sink against ib-sim: a replayed placement (a restored job sending its actions again)
 * does not reach the broker twice, and the kill switch cancels what works and refuses new orders.
 */
class OrderSinkAgainstSimTest {
  private SimFixture sim;

  @BeforeEach
  void start() throws Exception {
    sim = new SimFixture(10);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  /** Actions are built inside the job from text: no serializer has to carry domain records. */
  static OrderAction action(String spec, String account, int spyConId) {
    String[] p = spec.split(" ");
    return switch (p[0]) {
      case "kill" -> new OrderAction.CancelAll("test");
      case "resume" -> new OrderAction.Resume("test");
      default -> {
        Contract spy = Contract.stock(spyConId, "SPY", "SMART", "USD");
        boolean limit = p[0].equals("lmt");
        yield new OrderAction.Place(
            new OrderRequest(
                OrderRef.parse(p[1]),
                account,
                List.of(Leg.longLeg(spy, 1)),
                Side.BUY,
                10,
                limit ? OrderType.LMT : OrderType.MKT,
                limit ? Price.of(1.00, 0.01, TickRounding.DOWN) : null,
                null,
                null,
                Double.NaN,
                TimeInForce.DAY));
      }
    };
  }

  private void run(String... specs) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    env.getConfig().enableObjectReuse();
    String acct = sim.account;
    int conId = sim.underlyingConId("SPY");
    env.fromData(specs)
        .map(s -> action(s, acct, conId))
        .returns(OrderAction.class)
        .sinkTo(new OrderSink(sim.options(3), Duration.ofSeconds(20)))
        .uid("order-sink");
    env.execute("order sink");
  }

  @Test
  void aReplayedPlacementIsNotPlacedTwiceAndTheKillSwitchCancelsAndHalts() throws Exception {
    run("lmt t-1:ENTRY:1", "mkt t-2:ENTRY:1");
    run("lmt t-1:ENTRY:1", "mkt t-2:ENTRY:1"); // a restored job replays both
    Map<String, Integer> orders = sim.ordersByRefAndStatus();
    assertThat(orders)
        .containsEntry("t-1:ENTRY:1/Submitted", 1)
        .containsEntry("t-2:ENTRY:1/Filled", 1)
        .hasSize(2);

    run("kill", "lmt t-3:ENTRY:1");
    Thread.sleep(500);
    Map<String, Integer> after = sim.ordersByRefAndStatus();
    assertThat(after)
        .containsEntry("t-1:ENTRY:1/Cancelled", 1)
        .containsEntry("t-2:ENTRY:1/Filled", 1)
        .doesNotContainKey("t-3:ENTRY:1/Submitted")
        .hasSize(2);
  }
}
