package dev.thetaflow.jobs.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.core.broker.BrokerEvent.AccountValueEvent;
import dev.thetaflow.core.broker.BrokerEvent.QuoteEvent;
import dev.thetaflow.core.decision.Decision;
import dev.thetaflow.core.market.MarketDataKind;
import dev.thetaflow.core.market.Quote;
import dev.thetaflow.core.rules.PortfolioLimits;
import dev.thetaflow.jobs.wire.BrokerEventSerializer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link PortfolioOperator#attach} on a MiniCluster: the function travels serialized, snapshots and
 * account values cross the network to its single task, and its decisions come out. Which input
 * arrives first is up to the cluster; the strategies decided are the same either way.
 */
class PortfolioStageTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static final Instant T = Instant.parse("2026-12-01T15:00:00Z");

  @Test
  void theStageDecidesTheLargestContributorsOfABreach() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    var snapshots =
        env.fromData(
            TypeInformation.of(StrategySnapshot.class),
            PortfolioOperatorTest.held("a", "SPY", 30_000, -100, T),
            PortfolioOperatorTest.held("b", "QQQ", 28_000, -100, T.plusMillis(1)),
            PortfolioOperatorTest.held("c", "IWM", 20_000, -100, T.plusMillis(2)));
    var broker =
        env.fromData(
                BrokerEventSerializer.TYPE,
                new QuoteEvent(
                    new Quote(1, 1, 1.1, Double.NaN, 1, 1, 0, T), MarketDataKind.REAL_TIME),
                new AccountValueEvent("DU1", "NetLiquidation", "100000.00", "USD", T.plusMillis(3)))
            .setParallelism(1);
    SingleOutputStreamOperator<PortfolioRisk> risk =
        PortfolioOperator.attach(
            snapshots,
            broker,
            new PortfolioLimits(new PortfolioLimits.Thresholds(0.30, 1e9, 1e9, 1)),
            Duration.ofSeconds(1),
            Duration.ofSeconds(30));
    assertThat(risk.getTransformation().getUid()).isEqualTo("portfolio");
    assertThat(risk.getParallelism()).isEqualTo(1);

    List<String> decided = new ArrayList<>();
    try (CloseableIterator<Decision> it =
        risk.getSideOutput(PortfolioOperator.DECISIONS).executeAndCollect()) {
      it.forEachRemaining(d -> decided.add(d.strategyId()));
    }
    assertThat(decided).containsExactlyInAnyOrder("a", "b");
  }
}
