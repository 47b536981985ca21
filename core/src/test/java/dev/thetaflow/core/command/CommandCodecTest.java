package dev.thetaflow.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.command.CommandAction.AcknowledgeAlert;
import dev.thetaflow.core.command.CommandAction.CloseAll;
import dev.thetaflow.core.command.CommandAction.CloseStrategy;
import dev.thetaflow.core.command.CommandAction.KillSwitch;
import dev.thetaflow.core.command.CommandAction.OpenStrategy;
import dev.thetaflow.core.command.CommandAction.PauseEntries;
import dev.thetaflow.core.command.CommandAction.ReleaseKillSwitch;
import dev.thetaflow.core.command.CommandAction.ReleaseStrategy;
import dev.thetaflow.core.command.CommandAction.ResumeEntries;
import dev.thetaflow.core.strategy.StrategyType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CommandCodecTest {
  private static final Instant T = Instant.parse("2026-12-01T15:00:00Z");

  static StrategySpec condor() {
    return new StrategySpec(
        "ic-1",
        "SPY",
        StrategyType.IRON_CONDOR,
        2,
        List.of(
            leg(OptionType.PUT, 1, -0.08),
            leg(OptionType.PUT, -1, -0.16),
            leg(OptionType.CALL, -1, 0.16),
            new LegSpec(
                OptionType.CALL,
                1,
                LocalDate.of(2026, 12, 31),
                OptionalInt.empty(),
                OptionalDouble.of(640),
                OptionalDouble.empty())),
        OptionalDouble.of(1.35));
  }

  private static LegSpec leg(OptionType right, int ratio, double delta) {
    return new LegSpec(
        right, ratio, null, OptionalInt.of(30), OptionalDouble.empty(), OptionalDouble.of(delta));
  }

  @Test
  void everyActionSurvivesItsPayload() {
    List<CommandAction> actions =
        List.of(
            new OpenStrategy(condor()),
            new CloseStrategy("ic-1", "take profit by hand"),
            new CloseAll(true, null),
            new PauseEntries("FOMC"),
            new ResumeEntries(null),
            new KillSwitch("feed looks wrong"),
            new ReleaseKillSwitch(true, "checked"),
            new AcknowledgeAlert("alert-7", "seen"),
            new ReleaseStrategy("ic-1", 756733, List.of(700001019L, 700001020L)));
    for (CommandAction a : actions) {
      String json = CommandCodec.payload(a);
      assertThat(CommandCodec.action(a.type(), json)).as(json).isEqualTo(a);
    }
    assertThat(CommandCodec.payload(new ResumeEntries(null))).isEqualTo("{}");
  }

  @Test
  void aStoredCommandParsesWithItsEnvelope() {
    Command c =
        CommandCodec.parse("cmd-1", "close_strategy", "{\"strategy_id\":\"ic-1\"}", T, "tradectl");
    assertThat(c.type()).isEqualTo(CommandType.CLOSE_STRATEGY);
    assertThat(c.action()).isEqualTo(new CloseStrategy("ic-1", null));
    assertThat(c.issuedAt()).isEqualTo(T);
  }

  @Test
  void badPayloadsNameTheKeyTheValueAndWhatFits() {
    assertThatThrownBy(() -> CommandCodec.parse("c", "explode", "{}", T, "me"))
        .hasMessageContaining("command_type: \"explode\", expected one of [OPEN_STRATEGY");
    assertThatThrownBy(() -> CommandCodec.action(CommandType.CLOSE_STRATEGY, "{"))
        .hasMessageStartingWith("payload_json: \"{\", expected a JSON object");
    assertThatThrownBy(() -> CommandCodec.action(CommandType.CLOSE_STRATEGY, "{}"))
        .hasMessage("strategy_id: null, expected a value (the key is required)");
    assertThatThrownBy(
            () ->
                CommandCodec.action(
                    CommandType.CLOSE_STRATEGY, "{\"strategy_id\":\"a\",\"strategyid\":1}"))
        .hasMessageContaining("strategyid: \"1\", expected no such key here");
    assertThatThrownBy(() -> CommandCodec.action(CommandType.CLOSE_ALL, "{}"))
        .hasMessageContaining("confirmed: false, expected true");
    assertThatThrownBy(
            () -> CommandCodec.action(CommandType.ACKNOWLEDGE_ALERT, "{\"alert_id\":\"a b\"}"))
        .hasMessageContaining("alert_id: \"a b\"");
    assertThatThrownBy(
            () ->
                CommandCodec.action(
                    CommandType.RELEASE_STRATEGY,
                    "{\"strategy_id\":\"ic-1\",\"underlying_con_id\":756733,\"con_ids\":[]}"))
        .hasMessageContaining("con_ids: \"[]\", expected an array of conIds, not empty");
    assertThatThrownBy(
            () ->
                CommandCodec.action(
                    CommandType.RELEASE_STRATEGY,
                    "{\"strategy_id\":\"ic-1\",\"underlying_con_id\":-4,\"con_ids\":[7]}"))
        .hasMessageContaining("underlying_con_id: \"-4\", expected a conId");
    assertThatThrownBy(
            () ->
                CommandCodec.action(
                    CommandType.RELEASE_STRATEGY,
                    "{\"strategy_id\":\"ic-1\",\"underlying_con_id\":1,\"con_ids\":[7,\"x\"]}"))
        .hasMessageContaining("con_ids: \"[7,\"x\"]\", expected conIds (whole numbers > 0)");

    String spec = CommandCodec.payload(new OpenStrategy(condor()));
    assertThatThrownBy(
            () ->
                CommandCodec.action(
                    CommandType.OPEN_STRATEGY, spec.replace("\"delta\":-0.16", "\"delta\":0.16")))
        .hasMessage("legs[1]: leg delta: 0.16, expected a put delta in (-1, 0)");
    assertThatThrownBy(
            () -> CommandCodec.action(CommandType.OPEN_STRATEGY, spec.replace("\"dte\":30,", "")))
        .hasMessageContaining("legs[0]: leg expiry/dte: \"neither\"");
    assertThatThrownBy(
            () ->
                CommandCodec.action(
                    CommandType.OPEN_STRATEGY, spec.replace("iron_condor", "put_vertical")))
        .hasMessage("legs: \"4 legs\", expected 2 legs for PUT_VERTICAL");
    assertThatThrownBy(
            () ->
                CommandCodec.action(
                    CommandType.OPEN_STRATEGY, spec.replace("\"quantity\":2", "\"quantity\":2.5")))
        .hasMessage("quantity: \"2.5\", expected a whole number");
    assertThatThrownBy(
            () ->
                CommandCodec.action(
                    CommandType.OPEN_STRATEGY,
                    spec.replace("\"right\":\"call\"", "\"right\":\"c\"")))
        .hasMessageContaining("right: \"c\", expected one of [call, put]");
  }
}
