package dev.thetaflow.ib.codec;

import java.util.Map;

/**
 * IB's errMsg codes (brief §4.1) with their category, so a caller routes an error without a table
 * of its own. A code not listed is {@link ErrorCategory#REQUEST_FAILED} when it refers to a request
 * or order (id ≥ 0) and {@link ErrorCategory#WARNING} otherwise: an unknown code is never silently
 * treated as harmless for the request it names.
 */
public final class TwsErrorCodes {
  private TwsErrorCodes() {}

  private static final Map<Integer, ErrorCategory> CODES =
      Map.ofEntries(
          Map.entry(100, ErrorCategory.PACING),
          Map.entry(101, ErrorCategory.MARKET_DATA),
          Map.entry(102, ErrorCategory.REQUEST_FAILED),
          Map.entry(103, ErrorCategory.ORDER_REJECTED),
          Map.entry(104, ErrorCategory.ORDER_REJECTED),
          Map.entry(105, ErrorCategory.ORDER_REJECTED),
          Map.entry(110, ErrorCategory.ORDER_REJECTED),
          Map.entry(135, ErrorCategory.ORDER_REJECTED),
          Map.entry(161, ErrorCategory.ORDER_REJECTED),
          Map.entry(162, ErrorCategory.REQUEST_FAILED),
          Map.entry(200, ErrorCategory.REQUEST_FAILED),
          Map.entry(201, ErrorCategory.ORDER_REJECTED),
          Map.entry(202, ErrorCategory.ORDER_CANCELLED),
          Map.entry(203, ErrorCategory.ORDER_REJECTED),
          Map.entry(300, ErrorCategory.REQUEST_FAILED),
          Map.entry(321, ErrorCategory.REQUEST_FAILED),
          Map.entry(322, ErrorCategory.REQUEST_FAILED),
          Map.entry(326, ErrorCategory.CLIENT_ID_IN_USE),
          Map.entry(354, ErrorCategory.MARKET_DATA),
          Map.entry(399, ErrorCategory.WARNING),
          Map.entry(502, ErrorCategory.CONNECTION_FAILED),
          Map.entry(504, ErrorCategory.CONNECTION_FAILED),
          Map.entry(507, ErrorCategory.CONNECTION_FAILED),
          Map.entry(509, ErrorCategory.CONNECTION_FAILED),
          Map.entry(520, ErrorCategory.CONNECTION_FAILED),
          Map.entry(1100, ErrorCategory.CONNECTIVITY),
          Map.entry(1101, ErrorCategory.CONNECTIVITY),
          Map.entry(1102, ErrorCategory.CONNECTIVITY),
          Map.entry(1300, ErrorCategory.CONNECTIVITY),
          Map.entry(2103, ErrorCategory.INFO),
          Map.entry(2104, ErrorCategory.INFO),
          Map.entry(2105, ErrorCategory.INFO),
          Map.entry(2106, ErrorCategory.INFO),
          Map.entry(2107, ErrorCategory.INFO),
          Map.entry(2108, ErrorCategory.INFO),
          Map.entry(2109, ErrorCategory.WARNING),
          Map.entry(2110, ErrorCategory.CONNECTIVITY),
          Map.entry(2119, ErrorCategory.INFO),
          Map.entry(2157, ErrorCategory.INFO),
          Map.entry(2158, ErrorCategory.INFO),
          Map.entry(10089, ErrorCategory.MARKET_DATA),
          Map.entry(10090, ErrorCategory.MARKET_DATA),
          Map.entry(10091, ErrorCategory.MARKET_DATA),
          Map.entry(10147, ErrorCategory.ORDER_REJECTED),
          Map.entry(10148, ErrorCategory.ORDER_REJECTED),
          Map.entry(10167, ErrorCategory.WARNING),
          Map.entry(10168, ErrorCategory.MARKET_DATA),
          Map.entry(10197, ErrorCategory.MARKET_DATA));

  /** The category of {@code code} as received with {@code id} (−1: not tied to a request). */
  public static ErrorCategory categorize(int code, int id) {
    ErrorCategory known = CODES.get(code);
    if (known != null) {
      return known;
    }
    return id >= 0 ? ErrorCategory.REQUEST_FAILED : ErrorCategory.WARNING;
  }

  /** The category of an error message. */
  public static ErrorCategory categorize(ErrorMessage error) {
    return categorize(error.errorCode(), error.id());
  }

  /** True for codes that end the order they name: it will not fill. */
  public static boolean endsOrder(int code) {
    ErrorCategory c = CODES.get(code);
    return (c == ErrorCategory.ORDER_REJECTED && code != 105 && code != 161)
        || c == ErrorCategory.ORDER_CANCELLED;
  }
}
