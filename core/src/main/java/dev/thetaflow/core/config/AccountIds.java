package dev.thetaflow.core.config;

import java.util.regex.Pattern;

/** The shape of IB account ids and what they tell about paper versus live. */
final class AccountIds {

  /** Capital-letter prefix, then digits: U1234567, DU1234567, F1234567, DF1234567. */
  static final Pattern PATTERN = Pattern.compile("[A-Z]{1,4}[0-9]{3,12}");

  static final String EXPECTED =
      "an IB account id: capital letters then digits, e.g. DU1234567 (paper) or U1234567 (live)";

  private AccountIds() {}

  /**
   * IB gives every paper-trading account an id starting with D (DU for individual paper accounts,
   * DF for a paper advisor master), and no live account starts with D. So the id alone tells us
   * whether a paper or a live account is meant, and a mismatch with the mode is a mistake worth
   * refusing before any connection is made.
   */
  static boolean looksLikePaper(String accountId) {
    return accountId.startsWith("D");
  }
}
