package dev.thetaflow.ib.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The routing of error codes, against the brief's §4.1 tables. */
class TwsErrorCodesTest {

  @Test
  void theCodesTheBriefSaysToActOnLandInTheirCategory() {
    assertThat(TwsErrorCodes.categorize(1100, -1)).isEqualTo(ErrorCategory.CONNECTIVITY);
    assertThat(TwsErrorCodes.categorize(2110, -1)).isEqualTo(ErrorCategory.CONNECTIVITY);
    assertThat(TwsErrorCodes.categorize(2104, -1)).isEqualTo(ErrorCategory.INFO);
    assertThat(TwsErrorCodes.categorize(100, -1)).isEqualTo(ErrorCategory.PACING);
    assertThat(TwsErrorCodes.categorize(101, 1_000_000_001)).isEqualTo(ErrorCategory.MARKET_DATA);
    assertThat(TwsErrorCodes.categorize(201, 17)).isEqualTo(ErrorCategory.ORDER_REJECTED);
    assertThat(TwsErrorCodes.categorize(202, 17)).isEqualTo(ErrorCategory.ORDER_CANCELLED);
    assertThat(TwsErrorCodes.categorize(200, 5)).isEqualTo(ErrorCategory.REQUEST_FAILED);
    assertThat(TwsErrorCodes.categorize(326, -1)).isEqualTo(ErrorCategory.CLIENT_ID_IN_USE);
    assertThat(TwsErrorCodes.categorize(10167, 5)).isEqualTo(ErrorCategory.WARNING);
  }

  @Test
  void anUnknownCodeFailsTheRequestItNamesAndIsAWarningOtherwise() {
    assertThat(TwsErrorCodes.categorize(new ErrorMessage(42, 9_999, "new", "")))
        .isEqualTo(ErrorCategory.REQUEST_FAILED);
    assertThat(TwsErrorCodes.categorize(new ErrorMessage(-1, 9_999, "new", "")))
        .isEqualTo(ErrorCategory.WARNING);
  }

  @Test
  void onlyDeadOrdersEndTheOrder() {
    assertThat(TwsErrorCodes.endsOrder(201)).isTrue();
    assertThat(TwsErrorCodes.endsOrder(202)).isTrue();
    assertThat(TwsErrorCodes.endsOrder(110)).isTrue();
    assertThat(TwsErrorCodes.endsOrder(105)).isFalse(); // a modify refused; the order lives on
    assertThat(TwsErrorCodes.endsOrder(161)).isFalse(); // a cancel refused; the order lives on
    assertThat(TwsErrorCodes.endsOrder(399)).isFalse();
    assertThat(TwsErrorCodes.endsOrder(2104)).isFalse();
  }
}
