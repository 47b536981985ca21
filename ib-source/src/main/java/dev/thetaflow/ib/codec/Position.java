package dev.thetaflow.ib.codec;

/**
 * position (61), version 3.
 *
 * @param account the account
 * @param contract the contract as reported
 * @param position signed quantity (decimal)
 * @param avgCost average cost per contract, multiplier included
 */
public record Position(String account, TwsContract contract, double position, double avgCost)
    implements IncomingMessage {}
