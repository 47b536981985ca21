package dev.thetaflow.ib.codec;

/**
 * The end of a multi-message answer: openOrderEnd (53), positionEnd (62), contractDataEnd (52),
 * executionDataEnd (55), accountSummaryEnd (64) or securityDefinitionOptionParameterEnd (76).
 *
 * @param messageId which end this is
 * @param reqId the request it ends, or {@link TwsValues#UNSET_INT} for openOrderEnd and
 *     positionEnd, which carry none
 */
public record RequestEnd(IncomingMessageId messageId, int reqId) implements IncomingMessage {}
