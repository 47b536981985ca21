package dev.thetaflow.jobs.testing;

import dev.thetaflow.ib.client.ConnectionOptions;
import dev.thetaflow.sim.market.MarketSpec;
import dev.thetaflow.sim.market.SimMarket;
import dev.thetaflow.sim.scenario.Scenario;
import dev.thetaflow.sim.server.IbSim;
import java.time.Duration;
import java.time.Instant;

/**
 * ib-sim on a loopback port for the job tests: a seeded market at a session open, client 1 as the
 * master client, and connection options that fail and retry fast.
 */
public final class SimFixture implements AutoCloseable {
  public static final Instant OPEN = Instant.parse("2026-11-24T14:30:00Z"); // 09:30 New York

  public final SimMarket market;
  public final IbSim sim;
  public final String account;

  /** A sim allowing {@code marketDataLines} streaming lines per client. */
  public SimFixture(int marketDataLines) throws java.io.IOException {
    market = SimMarket.create(MarketSpec.defaults(), 42, OPEN);
    IbSim.Options defaults = IbSim.Options.defaults(0, 1.0, 42);
    account = defaults.account();
    sim =
        IbSim.start(
            new IbSim.Options(
                0, 1.0, 1, marketDataLines, account, 1_000_000, Duration.ofMillis(50)),
            market,
            Scenario.quiet());
  }

  /** Options for a connection to this sim as {@code clientId}. */
  public ConnectionOptions options(int clientId) {
    return ConnectionOptions.local(sim.port(), clientId);
  }

  /** The conId of an underlying, read on the sim's event loop. */
  public int underlyingConId(String symbol) {
    return sim.call(() -> market.underlyingConId(symbol));
  }

  @Override
  public void close() {
    sim.close();
  }
}
