package dev.thetaflow.jobs.topology;

import dev.thetaflow.core.instrument.Contract;
import dev.thetaflow.core.risk.LegGreeks;
import java.time.Instant;

/**
 * An instrument's market as a strategy sees it when it refreshes its analytics: the last quote, the
 * underlying's price, its own implied volatility and Greeks, and IB's beside them. Goes to the
 * {@code market_data} table.
 *
 * @param contract the option, or null for the underlying
 * @param conId the instrument
 * @param symbol the underlying symbol
 * @param bid last bid, NaN when none
 * @param ask last ask, NaN when none
 * @param last last trade, NaN when none
 * @param underlyingPrice the underlying's price
 * @param greeks our analytics (null for the underlying)
 * @param ibIv IB's model implied volatility, NaN when none
 * @param ibDelta IB's model delta, NaN when none
 * @param stale whether the quote is older than the mark age limit
 * @param time when
 */
public record MarketSnapshot(
    Contract contract,
    long conId,
    String symbol,
    double bid,
    double ask,
    double last,
    double underlyingPrice,
    LegGreeks greeks,
    double ibIv,
    double ibDelta,
    boolean stale,
    Instant time) {}
