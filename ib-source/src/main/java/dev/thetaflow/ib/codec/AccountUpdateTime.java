package dev.thetaflow.ib.codec;

/**
 * acctUpdateTime (8): the time of the last account update.
 *
 * @param time {@code HH:mm} as sent
 */
public record AccountUpdateTime(String time) implements IncomingMessage {}
