package dev.thetaflow.ib.codec;

/**
 * A well-framed message that this codec does not decode yet (for example openOrder); its fields
 * were not read.
 *
 * @param messageId the id from field 0
 */
public record UnhandledMessage(int messageId) implements IncomingMessage {}
