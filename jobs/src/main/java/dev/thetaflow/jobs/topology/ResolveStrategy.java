package dev.thetaflow.jobs.topology;

import dev.thetaflow.core.command.CommandAction;
import dev.thetaflow.core.command.StrategySpec;
import dev.thetaflow.core.instrument.Contract;
import dev.thetaflow.core.risk.MarketAssumptions;
import dev.thetaflow.ib.client.ConnectionOptions;
import dev.thetaflow.ib.codec.TwsContract;
import dev.thetaflow.ib.source.ContractLookup;
import dev.thetaflow.jobs.strategy.StrategyResolver;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Open-strategy commands become resolved strategies, asynchronously, on a lookup connection of
 * their own. A spec that cannot be resolved (unlisted strike, unknown symbol) is logged and dropped
 * here; it becomes an alert once alerts are wired.
 */
final class ResolveStrategy extends RichAsyncFunction<CommandAction.OpenStrategy, StrategyInput> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(ResolveStrategy.class);
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private final ConnectionOptions lookupConnection;
  private final String account;
  private final MarketAssumptions market;
  private transient ContractLookup lookup;
  private transient StrategyResolver resolver;

  ResolveStrategy(ConnectionOptions lookupConnection, String account, MarketAssumptions market) {
    this.lookupConnection = lookupConnection;
    this.account = account;
    this.market = market;
  }

  @Override
  public void open(OpenContext context) throws Exception {
    lookup = new ContractLookup(lookupConnection);
    lookup.awaitReady(Duration.ofSeconds(30));
    resolver = new StrategyResolver(lookup, market);
  }

  @Override
  public void asyncInvoke(CommandAction.OpenStrategy open, ResultFuture<StrategyInput> result) {
    StrategySpec spec = open.spec();
    // the broker's clock, not ours: a simulator's market runs on its own date, and the strategy's
    // times, its DTE and its Greeks must agree with the quotes and fills it will see
    lookup
        .brokerTime()
        .completeOnTimeout(Instant.now(), 5, TimeUnit.SECONDS)
        .thenCompose(
            now ->
                lookup
                    .lookup(TwsContract.byConId(0, spec.underlying(), "STK", "USD"))
                    .thenApply(found -> Map.entry(now, found)))
        .thenCompose(
            timedFound -> {
              Instant now = timedFound.getKey();
              var found = timedFound.getValue();
              Contract underlying =
                  found.stream()
                      .findFirst()
                      .orElseThrow(
                          () -> new IllegalArgumentException("no stock " + spec.underlying()));
              return resolver
                  .resolve(spec, (int) underlying.conId(), now.atZone(NEW_YORK).toLocalDate(), now)
                  .thenApply(
                      strategy -> {
                        Double limit =
                            spec.limitPrice().isPresent() ? spec.limitPrice().getAsDouble() : null;
                        return new StrategyInput.Open(strategy, underlying.conId(), account, limit);
                      });
            })
        .whenComplete(
            (resolved, error) -> {
              if (error != null) {
                LOG.error("strategy {} not opened: {}", spec.strategyId(), error.getMessage());
                result.complete(List.of());
              } else {
                result.complete(List.of(resolved));
              }
            });
  }

  @Override
  public void close() {
    if (lookup != null) {
      lookup.close();
    }
  }
}
