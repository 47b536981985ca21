package dev.thetaflow.sim.market;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What ib-sim's protocol server and broker read from the simulated market.
 *
 * <p>Not thread-safe: the simulator's single event loop owns the market, advances it and reads it.
 * Quotes of options are computed lazily, at most once per market step, so a chain of thousands of
 * options costs only what the subscriptions ask for.
 */
public interface MarketView {

  /** The simulated clock: the instant of the last step. */
  Instant now();

  /** The market's step counter; a quote read twice in one step is the same quote. */
  long step();

  /** An instrument by the conId the market assigned it. */
  Optional<SimInstrument> byConId(int conId);

  /**
   * Every listed instrument matching what a client sent (conId if non-zero, else symbol, secType,
   * and for options expiry, strike, right where given). Empty when nothing matches; more than one
   * when the query leaves fields open, as reqContractDetails allows.
   */
  List<SimInstrument> resolve(ContractQuery query);

  /** Option chain parameters of an underlying (reqSecDefOptParams), empty for unknown symbols. */
  Optional<ChainParams> chain(String underlyingSymbol);

  /** Current quote of a listed instrument; throws IllegalArgumentException for an unknown conId. */
  SimQuote quote(int conId);
}
