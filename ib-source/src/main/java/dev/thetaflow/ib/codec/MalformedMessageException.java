package dev.thetaflow.ib.codec;

/**
 * A frame whose fields do not match the layout expected at server version 178: a field is missing,
 * unterminated, not a number, or left over. It concerns one frame only; the framing is intact, so
 * the next frame can still be decoded.
 */
public final class MalformedMessageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int messageId;
  private final String fieldName;
  private final int fieldIndex;

  MalformedMessageException(int messageId, String fieldName, int fieldIndex, String problem) {
    super(describe(messageId, fieldName, fieldIndex, problem));
    this.messageId = messageId;
    this.fieldName = fieldName;
    this.fieldIndex = fieldIndex;
  }

  /** The message id of the frame, or -1 when it was not read (or could not be). */
  public int messageId() {
    return messageId;
  }

  /** The name of the offending field as the protocol brief spells it. */
  public String fieldName() {
    return fieldName;
  }

  /** The 0-based position of the offending field in the frame (the message id is field 0). */
  public int fieldIndex() {
    return fieldIndex;
  }

  private static String describe(int messageId, String fieldName, int fieldIndex, String problem) {
    IncomingMessageId known = IncomingMessageId.fromId(messageId);
    String message =
        messageId < 0
            ? "frame (message id not read)"
            : "message " + messageId + (known == null ? "" : " (" + known + ")");
    return message + ": field '" + fieldName + "' (#" + fieldIndex + ") " + problem;
  }
}
