package dev.thetaflow.ib.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thetaflow.core.order.Fill;
import dev.thetaflow.core.order.OrderRef;
import dev.thetaflow.core.order.OrderStatus;
import dev.thetaflow.core.value.Money;
import dev.thetaflow.core.value.Side;
import dev.thetaflow.ib.codec.CommissionReport;
import dev.thetaflow.ib.codec.ExecutionDetails;
import dev.thetaflow.ib.codec.TwsContract;
import dev.thetaflow.ib.codec.TwsValues;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutionsTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private final List<Fill> fills = new ArrayList<>();
  private final Executions executions = new Executions(NEW_YORK, e -> fills.add(e.fill()));

  private static TwsContract contract(int conId, String secType) {
    return new TwsContract(
        conId,
        "SPY",
        secType,
        "20261218",
        580,
        "P",
        "100",
        "SMART",
        "",
        "USD",
        "",
        "SPY",
        List.of());
  }

  private static ExecutionDetails exec(String execId, String secType, String side, String ref) {
    return new ExecutionDetails(
        -1,
        1001,
        contract(secType.equals("BAG") ? 28812380 : 700000002, secType),
        execId,
        "20261201 10:31:07 US/Eastern",
        "DU1234567",
        "CBOE",
        side,
        2,
        1.35,
        77,
        3,
        0,
        2,
        1.35,
        ref,
        "",
        TwsValues.UNSET_DOUBLE,
        "",
        1,
        false);
  }

  private static CommissionReport commission(String execId, double amount) {
    return new CommissionReport(
        execId, amount, "USD", TwsValues.UNSET_DOUBLE, TwsValues.UNSET_DOUBLE, 0);
  }

  @Test
  void aFillLeavesWithItsCommissionWhicheverHalfComesFirst() {
    executions.onExecution(exec("0001.01", "OPT", "SLD", "ic-1:ENTRY:1"));
    assertThat(fills).isEmpty();
    assertThat(executions.pending()).isEqualTo(1);
    executions.onCommission(commission("0001.01", 1.30));
    executions.onCommission(commission("0002.01", 0.65)); // this one's execution comes second
    executions.onExecution(exec("0002.01", "OPT", "BOT", ""));
    assertThat(fills).hasSize(2);
    Fill first = fills.get(0);
    assertThat(first.side()).isEqualTo(Side.SELL);
    assertThat(first.quantity()).isEqualTo(2);
    assertThat(first.price()).isEqualTo(new BigDecimal("1.35"));
    assertThat(first.commission()).isEqualTo(Money.of(1.30, "USD"));
    assertThat(first.orderRef()).isEqualTo(OrderRef.parse("ic-1:ENTRY:1"));
    assertThat(first.time()).isEqualTo(Instant.parse("2026-12-01T15:31:07Z"));
    assertThat(fills.get(1).orderRef()).as("not our order").isNull();
    assertThat(executions.pending()).isZero();
  }

  @Test
  void aReplayedExecutionIsNotASecondFillAndTheComboLineIsNotAFill() {
    executions.onExecution(exec("0003.01", "OPT", "BOT", "ic-1:ENTRY:1"));
    executions.onCommission(commission("0003.01", 1.30));
    executions.onExecution(exec("0003.01", "OPT", "BOT", "ic-1:ENTRY:1")); // reqExecutions replay
    executions.onCommission(commission("0003.01", 1.30));
    executions.onExecution(exec("0004.01", "BAG", "BOT", "ic-1:ENTRY:1"));
    assertThat(fills).hasSize(1);
    assertThat(executions.comboReports()).isEqualTo(1);
    assertThat(executions.pending()).isZero();
  }

  @Test
  void twsTimesWithAndWithoutZones() {
    assertThat(TwsTimes.parse("20261201 10:31:07 US/Eastern", ZoneId.of("UTC")))
        .isEqualTo(Instant.parse("2026-12-01T15:31:07Z"));
    assertThat(TwsTimes.parse("20260702  10:31:07", NEW_YORK))
        .isEqualTo(Instant.parse("2026-07-02T14:31:07Z"));
    assertThat(TwsTimes.parse("20261201-10:31:07", NEW_YORK))
        .isEqualTo(Instant.parse("2026-12-01T15:31:07Z"));
    assertThat(TwsTimes.parse("20261201 23:13:45 China Standard Time", ZoneId.of("Asia/Shanghai")))
        .isEqualTo(Instant.parse("2026-12-01T15:13:45Z"));
    assertThatThrownBy(() -> TwsTimes.parse("2026-12-01 10:31", NEW_YORK))
        .hasMessageContaining("\"2026-12-01 10:31\" is not yyyyMMdd HH:mm:ss");
  }

  @Test
  void orderStatusWords() {
    assertThat(OrderStatuses.of("Submitted", 0, 2)).isEqualTo(OrderStatus.SUBMITTED);
    assertThat(OrderStatuses.of("Submitted", 1, 1)).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    assertThat(OrderStatuses.of("ApiCancelled", 0, 2)).isEqualTo(OrderStatus.CANCELLED);
    assertThat(OrderStatuses.of("Filled", 2, 0)).isEqualTo(OrderStatus.FILLED);
    assertThat(OrderStatuses.of("PreSubmitted", 0, 2)).isEqualTo(OrderStatus.PRE_SUBMITTED);
    assertThatThrownBy(() -> OrderStatuses.of("Unknown", 0, 0))
        .hasMessageContaining("\"Unknown\" is not one TWS documents");
  }
}
