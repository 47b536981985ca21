package dev.thetaflow.ib.codec;

/**
 * portfolioValue (7), version 8, part of reqAccountUpdates.
 *
 * @param contract the contract as reported (primaryExchange set, exchange empty)
 * @param position signed quantity (decimal)
 * @param marketPrice mark price
 * @param marketValue position value at the mark
 * @param averageCost average cost, multiplier included
 * @param unrealizedPnl unrealized P&amp;L
 * @param realizedPnl realized P&amp;L
 * @param accountName the account
 */
public record PortfolioValue(
    TwsContract contract,
    double position,
    double marketPrice,
    double marketValue,
    double averageCost,
    double unrealizedPnl,
    double realizedPnl,
    String accountName)
    implements IncomingMessage {}
