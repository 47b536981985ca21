package dev.thetaflow.ib.codec;

/** What an errMsg code means for the one who receives it (brief §4.1). */
public enum ErrorCategory {
  /** The gateway lost or regained IB, or the socket must be re-established (1100–1300, 2110). */
  CONNECTIVITY,
  /** A farm or service notice that needs no action (2104, 2106, 2158…). */
  INFO,
  /** The request went through with a caveat (2109, 399, 10167…). */
  WARNING,
  /** Too many messages (100) or historical requests (162 with a pacing text). */
  PACING,
  /** A market-data request failed or is limited (101, 354, 10090, 10168, 10197…). */
  MARKET_DATA,
  /** An order was refused or is dead (103, 104, 105, 110, 135, 161, 201, 203, 10147, 10148). */
  ORDER_REJECTED,
  /** An order was cancelled (202). */
  ORDER_CANCELLED,
  /** A request failed (200, 321, 322, 162…): the request id says which. */
  REQUEST_FAILED,
  /** Another connection holds this client id (326). */
  CLIENT_ID_IN_USE,
  /** The client cannot talk to the gateway (502, 504, 507, 509, 520…). */
  CONNECTION_FAILED
}
