package dev.thetaflow.jobs.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.command.Command;
import dev.thetaflow.core.command.CommandAction;
import dev.thetaflow.core.command.CommandCodec;
import dev.thetaflow.core.command.LegSpec;
import dev.thetaflow.core.instrument.Contract;
import dev.thetaflow.core.instrument.Leg;
import dev.thetaflow.core.strategy.Strategy;
import dev.thetaflow.core.strategy.StrategyState;
import dev.thetaflow.core.strategy.StrategyType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class RollsTest {
  private static final Instant T = Instant.parse("2026-12-01T15:00:00Z");
  private static final BigDecimal TICK = new BigDecimal("0.01");

  @Test
  void idsAreDerivedFromTheOldOneAndStayWithinSixtyFourCharacters() {
    assertThat(Rolls.nextId("ic-1")).isEqualTo("ic-1-r1");
    assertThat(Rolls.nextId("ic-1-r1")).isEqualTo("ic-1-r2");
    assertThat(Rolls.nextId("ic-1-r9")).isEqualTo("ic-1-r10");
    assertThat(Rolls.nextId("x-r")).isEqualTo("x-r-r1");
    String long64 = "a".repeat(64);
    assertThat(Rolls.nextId(long64)).hasSize(64).endsWith("-r1");
    assertThat(Rolls.commandId("ic-1", 3)).isEqualTo("ic-1:ROLL:3");
    String a = Rolls.commandId(long64, 12);
    String b = Rolls.commandId("a".repeat(63) + "b", 12);
    assertThat(a).hasSize(64).endsWith(":ROLL:12").isNotEqualTo(b);
    // both must be valid command ids
    new Command(a, T, "t", new CommandAction.PauseEntries("x"));
  }

  @Test
  void aCalendarKeepsItsLegsDistanceInDaysAndTheCommandSurvivesTheTableAndFlink() throws Exception {
    LocalDate near = LocalDate.of(2026, 12, 18);
    Contract shortPut = Contract.equityOption(1, "SPY", near, 580, OptionType.PUT, TICK);
    Contract longPut =
        Contract.equityOption(2, "SPY", near.plusDays(28), 580, OptionType.PUT, TICK);
    Strategy calendar =
        new Strategy(
            "cal-1",
            StrategyType.CALENDAR,
            "SPY",
            List.of(new Leg(shortPut, -1), new Leg(longPut, 1)),
            3,
            null,
            StrategyState.PENDING_ENTRY,
            T,
            null);
    Command c = Rolls.reopen(calendar, 3, 30, 2, T);
    var spec = ((CommandAction.OpenStrategy) c.action()).spec();
    assertThat(spec.legs()).extracting(l -> l.dte().getAsInt()).containsExactly(30, 58);
    assertThat(spec.legs()).extracting(LegSpec::ratio).containsExactly(-1, 1);
    assertThat(c.commandId()).isEqualTo("cal-1:ROLL:2");
    assertThat(c.issuedBy()).isEqualTo(Rolls.ISSUER);

    // as the commands table stores it and the job's source parses it back
    Command back =
        CommandCodec.parse(
            c.commandId(),
            c.type().name(),
            CommandCodec.payload(c.action()),
            c.issuedAt(),
            c.issuedBy());
    assertThat(back).isEqualTo(c);

    // as it crosses from the executor to the commands sink
    TypeSerializer<Command> serializer =
        TypeInformation.of(Command.class).createSerializer(new SerializerConfigImpl());
    DataOutputSerializer out = new DataOutputSerializer(256);
    serializer.serialize(c, out);
    assertThat(serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer())))
        .isEqualTo(c);
  }
}
