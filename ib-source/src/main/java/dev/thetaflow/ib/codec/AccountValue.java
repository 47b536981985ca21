package dev.thetaflow.ib.codec;

/**
 * accountValue (6), part of reqAccountUpdates.
 *
 * @param key for example NetLiquidation
 * @param value the value as text
 * @param currency currency, may be empty
 * @param accountName the account
 */
public record AccountValue(String key, String value, String currency, String accountName)
    implements IncomingMessage {}
