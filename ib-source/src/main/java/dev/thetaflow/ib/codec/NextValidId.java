package dev.thetaflow.ib.codec;

/**
 * nextValidId (9): the next order id this client may use.
 *
 * @param orderId the next valid order id
 */
public record NextValidId(int orderId) implements IncomingMessage {}
