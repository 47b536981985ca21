package dev.thetaflow.ib.codec;

/** The "unset" sentinels of the official API and the protocol constants of this codec. */
public final class TwsValues {
  /** An int that is not set; written as an empty field. */
  public static final int UNSET_INT = Integer.MAX_VALUE;

  /** A long that is not set; written as an empty field. */
  public static final long UNSET_LONG = Long.MAX_VALUE;

  /** A double that is not set; written as an empty field, arrives as empty or as this value. */
  public static final double UNSET_DOUBLE = Double.MAX_VALUE;

  /** The only server version this codec speaks (no protobuf below 201, see the protocol brief). */
  public static final int SERVER_VERSION = 178;

  /** The lowest version the client advertises in the handshake. */
  public static final int MIN_CLIENT_VERSION = 100;

  /** Largest payload both reference clients accept (0xFFFFFF); anything larger is fatal (507). */
  public static final int MAX_FRAME_LENGTH = 0xFFFFFF;

  private TwsValues() {}

  /** True unless {@code value} is the int sentinel. */
  public static boolean isSet(int value) {
    return value != UNSET_INT;
  }

  /** True unless {@code value} is the long sentinel. */
  public static boolean isSet(long value) {
    return value != UNSET_LONG;
  }

  /** True unless {@code value} is the double sentinel. */
  public static boolean isSet(double value) {
    return value != UNSET_DOUBLE;
  }
}
