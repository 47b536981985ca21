package dev.thetaflow.ib.client;

/** The connection cannot be used, for a reason retrying will not fix (e.g. the wrong account). */
public final class IbConnectionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IbConnectionException(String message) {
    super(message);
  }
}
