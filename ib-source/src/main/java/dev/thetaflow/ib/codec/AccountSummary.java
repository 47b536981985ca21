package dev.thetaflow.ib.codec;

/**
 * accountSummary (63): one tag of one account.
 *
 * @param reqId the reqAccountSummary id
 * @param account the account
 * @param tag for example NetLiquidation
 * @param value the value as text (not always numeric)
 * @param currency currency of the value, may be empty
 */
public record AccountSummary(int reqId, String account, String tag, String value, String currency)
    implements IncomingMessage {}
