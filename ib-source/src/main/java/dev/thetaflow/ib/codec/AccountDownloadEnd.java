package dev.thetaflow.ib.codec;

/**
 * accountDownloadEnd (54): the first full set of account updates has been sent.
 *
 * @param account the account
 */
public record AccountDownloadEnd(String account) implements IncomingMessage {}
